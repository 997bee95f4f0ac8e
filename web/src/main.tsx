import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { I18nProvider } from './i18n/i18n-context.tsx';
import './styles/base.css';
import './styles/shell.css';
import './styles/controls.css';
import './styles/cards-tables.css';
import './styles/pills-errors.css';
import './styles/login.css';
import './styles/dashboard.css';
import './styles/mines.css';
import './common.css';
import './monitoring/alarm-console.css';
import './workflows.css';
import './design-system.css';
import './phone.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
