import { useEffect, useRef, useState } from 'react';
import { request, withQuery } from '../api/api-client.ts';
import { useApiData } from '../api/use-api.ts';
import type { NotificationItem, NotificationsResponse, TodayKind } from '../api/generated/api-schema.ts';
import { cstStamp, formatCount, formatDate } from '../format.ts';
import { useI18n, type I18n } from '../i18n/i18n-context.tsx';
import { useLiveFeed, useThrottled } from '../live/use-live-feed.ts';
import { ruleLabel } from '../monitoring/alarm-text.ts';
import { lineTarget, lineText } from '../pages/today/today-lines.ts';
import { Link } from '../router/link.tsx';
import { useAppLocation } from '../router/router.ts';
import { useSession } from '../session/session-context.tsx';
import { ActionError } from './form-kit.tsx';
import { useAction } from './use-action.ts';
import { setTitleBadge } from './use-document-title.ts';
import './notification-bell.css';

/** Re-read at least this often: overdue items appear as time passes, and a missed hint is caught up. */
const POLL_MS = 60_000;
/** Alarm changes arrive often in a busy province: the bell re-reads at most this often for them. */
const ALARM_RELOAD_MS = 5_000;

type Group = 'escalation' | 'overdue' | 'directive';
const GROUPS: readonly Group[] = ['escalation', 'overdue', 'directive'];
const groupOf = (item: NotificationItem): Group =>
  item.kind === 'escalation' || item.kind === 'directive' ? item.kind : 'overdue';

/** The Today list's own line for an overdue item (its wording and target are the Today page's). */
const asTodayLine = (item: NotificationItem) => ({ ...item, kind: item.kind as TodayKind, mineCode: null });

function itemText(item: NotificationItem, today: string, isMineScope: boolean, i18n: I18n): string {
  const time = item.atMs === null ? '—' : cstStamp(item.atMs).slice(0, 16);
  switch (item.kind) {
    case 'directive':
      return i18n.t('bell.line.directive', {
        kind: i18n.t(
          item.code === 'accident_warning' ? 'directives.kind.accident_warning' : 'directives.kind.directive',
        ),
        time,
        date: formatDate(item.dueOn),
      });
    case 'escalation':
      return i18n.t('bell.line.escalation', {
        rule: ruleLabel(item.code ?? '', i18n),
        level: item.level ?? 1,
        time,
      });
    case 'hazard_overdue':
    case 'notice_overdue':
    case 'people_under_order':
    case 'resumption_decision_overdue':
      return lineText(asTodayLine(item), today, isMineScope, i18n);
  }
}

function itemTarget(item: NotificationItem, isMineScope: boolean): string {
  switch (item.kind) {
    case 'directive':
      return `/directives/${encodeURIComponent(item.ref)}`;
    case 'escalation':
      return withQuery('/alarms', { alarm: item.ref });
    case 'hazard_overdue':
    case 'notice_overdue':
    case 'people_under_order':
    case 'resumption_decision_overdue':
      return lineTarget(asTodayLine(item), isMineScope);
  }
}

/**
 * The bell in the top bar: what is addressed to me (directives, escalated alarms) and what is overdue in
 * my scope, with the unread count on the bell and the tab title. The live feed's hints and alarm changes
 * make it re-read without a reload; opening an item marks it read (per user, stored) and goes to the
 * place to act.
 */
export function NotificationBell() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { session } = useSession();
  const isMineScope = session.user.scope.kind === 'mine';
  const bell = useApiData<NotificationsResponse>('/api/notifications');
  const { reload } = bell;
  const throttledReload = useThrottled(reload, ALARM_RELOAD_MS);
  useLiveFeed(null, { onNotifications: reload, onAlarm: throttledReload, onResync: reload });
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const unread = bell.data?.unread ?? 0;
  useEffect(() => setTitleBadge(unread), [unread]);
  useEffect(() => () => setTitleBadge(0), []);

  const [isOpen, setOpen] = useState(false);
  const { pathname, search } = useAppLocation();
  useEffect(() => setOpen(false), [pathname, search]);
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!isOpen) return;
    const onDown = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [isOpen]);

  const markAll = useAction(reload);
  const items = bell.data?.items ?? [];
  const markRead = (keys: string[]) => {
    if (keys.length === 0) return;
    // Fire and forget: the page changes at once; the count follows when the server has stored it.
    request('POST', '/api/notifications/read', { body: { keys } }).then(reload, reload);
  };
  const today = (bell.data?.asOf ?? new Date().toISOString()).slice(0, 10);

  return (
    <div className="bell" ref={rootRef}>
      <button
        type="button"
        className={unread > 0 ? 'bell-btn has-unread' : 'bell-btn'}
        data-testid="bell"
        data-unread={unread}
        aria-expanded={isOpen}
        aria-haspopup="dialog"
        aria-label={t('bell.open', { n: formatCount(unread, lang) })}
        onClick={() => setOpen((open) => !open)}
      >
        <svg className="bell-icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 3a6 6 0 0 0-6 6v3.6L4.3 16h15.4L18 12.6V9a6 6 0 0 0-6-6Zm-2 15a2 2 0 0 0 4 0h-4Z" />
        </svg>
        {unread > 0 && (
          <span className="bell-count" data-testid="bell-count">
            {unread > 99 ? '99+' : formatCount(unread, lang)}
          </span>
        )}
      </button>
      {isOpen && (
        <div className="bell-panel" role="dialog" aria-label={t('bell.heading')} data-testid="bell-panel">
          <header className="bell-head">
            <h2>{t('bell.heading')}</h2>
            {unread > 0 && (
              <button
                type="button"
                className="btn btn-small btn-ghost"
                data-testid="bell-mark-all"
                disabled={markAll.busy}
                onClick={() =>
                  void markAll.run('POST', '/api/notifications/read', {
                    keys: items
                      .filter((i) => !i.isRead)
                      .map((i) => i.key)
                      .slice(0, 200),
                  })
                }
              >
                {t('bell.markAll')}
              </button>
            )}
          </header>
          <ActionError action={markAll} testId="bell-error" />
          {items.length === 0 && <p className="muted bell-empty">{t('bell.empty')}</p>}
          {GROUPS.map((group) => {
            const lines = items.filter((i) => groupOf(i) === group);
            if (lines.length === 0) return null;
            return (
              <section key={group} className="bell-group">
                <h3>{t(`bell.group.${group}`)}</h3>
                <ul>
                  {lines.map((item) => (
                    <li key={item.key}>
                      <Link
                        to={itemTarget(item, isMineScope)}
                        className={item.isRead ? 'bell-item' : 'bell-item unread'}
                        data-testid="bell-item"
                        data-kind={item.kind}
                        data-read={item.isRead}
                        onClick={() => {
                          if (!item.isRead) markRead([item.key]);
                        }}
                      >
                        {!item.isRead && <span className="bell-dot" aria-label={t('bell.unread')} />}
                        <span className="bell-item-body">
                          {item.mineName !== null && <span className="bell-mine">{item.mineName}</span>}
                          {item.title !== null && <span className="bell-title">{item.title}</span>}
                          <span className="bell-text">{itemText(item, today, isMineScope, i18n)}</span>
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
