import { useState } from 'react';
import { request } from '../../api/api-client.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { useCan } from '../../session/session-context.tsx';
import './expertise.css';

export type ExpertiseTab = 'gas' | 'upgrading' | 'formalism';

/** The section's tabs; the formalism tab only for roles that may read it. */
export function ExpertiseTabs({ current }: { current: ExpertiseTab }) {
  const { t } = useI18n();
  const may = useCan();
  const tabs: Array<{ id: ExpertiseTab; to: string }> = [
    { id: 'gas', to: '/expertise' },
    { id: 'upgrading', to: '/expertise/upgrading' },
  ];
  if (may('formalism.read')) tabs.push({ id: 'formalism', to: '/expertise/formalism' });
  return (
    <nav className="ex-tabs" data-testid="expertise-tabs">
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          to={tab.to}
          className="ex-tab"
          data-testid={`expertise-tab-${tab.id}`}
          aria-current={tab.id === current ? 'page' : undefined}
        >
          {t(`expertise.tab.${tab.id}`)}
        </Link>
      ))}
    </nav>
  );
}

/** Runs one API call for a button or form: busy flag, error, and a callback when it succeeded. */
export function useAction(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (method: 'POST' | 'DELETE', url: string, body?: unknown): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await request(method, url, body === undefined ? {} : { body });
      onDone();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const runWith = async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onDone();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, runWith };
}
