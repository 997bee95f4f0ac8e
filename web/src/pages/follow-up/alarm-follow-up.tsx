import { useEffect, useRef } from 'react';
import type { AlarmDraft, AlarmLink, Permission } from '../../api/generated/api-schema.ts';
import { useApiData } from '../../api/use-api.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { useCan } from '../../session/session-context.tsx';
import { followUpPath } from './prefill.ts';
import './follow-up.css';

const TARGET_PATH: Readonly<Record<AlarmLink['kind'], (id: string) => string>> = {
  hazard: (id) => `/hazards/${encodeURIComponent(id)}`,
  order: (id) => `/orders/order/${encodeURIComponent(id)}`,
  case: (id) => `/closure/cases/${encodeURIComponent(id)}`,
};

interface FollowUpAction {
  kind: AlarmLink['kind'];
  permission: Permission;
  path: string;
}

const ACTIONS: readonly FollowUpAction[] = [
  { kind: 'hazard', permission: 'hazard.report', path: '/hazards/new' },
  { kind: 'order', permission: 'order.issue', path: '/orders' },
  { kind: 'case', permission: 'case.manage', path: '/closure/cases' },
];

/**
 * The alarm console's follow-up of the open alarm, under its detail panel: one click to the hazard, order
 * or case form pre-filled from the alarm (only the ones the role may create; a case only for an alarm
 * that is evidence of tampering or evasion), and what was already made from it.
 */
export function AlarmFollowUp({ alarmId }: { alarmId: string }) {
  const { t } = useI18n();
  const may = useCan();
  const base = `/api/alarms/${encodeURIComponent(alarmId)}`;
  const links = useApiData<{ items: AlarmLink[] }>(`${base}/links`);
  const offered = ACTIONS.filter((a) => may(a.permission));
  const needsDraft = offered.some((a) => a.kind === 'case');
  const draft = useApiData<AlarmDraft>(needsDraft ? `${base}/draft` : null);
  const ref = useRef<HTMLElement>(null);

  // The panel sits over the foot of the detail drawer: the drawer's body keeps room for it.
  useEffect(() => {
    const el = ref.current;
    const page = el?.closest<HTMLElement>('.alarms-page');
    if (!el || !page) return;
    const observer = new ResizeObserver(() =>
      page.style.setProperty('--follow-up-h', `${el.offsetHeight}px`),
    );
    observer.observe(el);
    return () => {
      observer.disconnect();
      page.style.removeProperty('--follow-up-h');
    };
  }, []);

  const shown = offered.filter((a) => a.kind !== 'case' || (draft.data?.caseType ?? null) !== null);
  const items = links.data?.items ?? [];
  return (
    <section
      ref={ref}
      className="follow-up"
      data-testid="alarm-follow-up"
      data-alarm-id={alarmId}
      data-busy={links.isLoading || draft.isLoading ? 'true' : 'false'}
    >
      {shown.length > 0 && (
        <div className="follow-up-actions">
          <span className="follow-up-title">{t('followUp.title')}</span>
          {shown.map((a) => (
            <Link
              key={a.kind}
              to={followUpPath(a.path, { alarm: alarmId })}
              className="btn"
              data-testid={`alarm-follow-up-${a.kind}`}
            >
              {t(`followUp.${a.kind}`)}
            </Link>
          ))}
        </div>
      )}
      <div className="follow-up-made" data-testid="alarm-links" data-count={items.length}>
        <span className="follow-up-title">{t('followUp.made')}</span>
        {links.data !== null && items.length === 0 && <span className="muted">{t('followUp.none')}</span>}
        {items.length > 0 && (
          <ul>
            {items.map((l) => (
              <li
                key={`${l.kind}|${l.targetId}`}
                data-testid="alarm-link"
                data-kind={l.kind}
                data-target-id={l.targetId}
              >
                <span className="tag">{t(`followUp.kind.${l.kind}`)}</span>
                <Link to={TARGET_PATH[l.kind](l.targetId)}>{l.title}</Link>
                <span className="muted small">
                  {' '}
                  {t('followUp.by', { name: l.createdByName, time: formatDateTime(l.createdAt) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
