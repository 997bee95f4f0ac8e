import { useEffect, useState } from 'react';
import { cstStamp } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import '../print.css';

/**
 * The header of a printed page (hidden on screen): the app, the user's region and the print time in
 * China Standard Time, refreshed when the browser is about to print.
 */
export function PrintHeader({ region }: { region: string }) {
  const { t } = useI18n();
  const [at, setAt] = useState(() => Date.now());
  useEffect(() => {
    const refresh = () => setAt(Date.now());
    window.addEventListener('beforeprint', refresh);
    return () => window.removeEventListener('beforeprint', refresh);
  }, []);
  return (
    <div className="print-header" data-testid="print-header">
      <strong>{t('app.name')}</strong>
      <span>{t('print.region', { region })}</span>
      <span>{t('print.printedAt', { time: cstStamp(at).slice(0, 16) })}</span>
    </div>
  );
}
