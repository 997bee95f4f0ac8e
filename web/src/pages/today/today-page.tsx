import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatCount, formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { useSession } from '../../session/session-context.tsx';
import { DashboardPage } from '../dashboard-page.tsx';
import { lineTarget, lineText, sectionTarget } from './today-lines.ts';
import type { TodayKind, TodayResponse, TodaySection } from '../../api/generated/api-schema.ts';
import './today.css';

/** Lines shown per section; the rest are behind the section's "more" link. */
const LINES_SHOWN = 6;

/** Kinds where someone may be in danger now: shown in red. */
const URGENT: ReadonlySet<TodayKind> = new Set([
  'critical_alarm',
  'accident',
  'producing_illegally',
  'people_under_order',
  'hazard_overdue',
]);

function SectionCard({
  section,
  today,
  isMineScope,
}: {
  section: TodaySection;
  today: string;
  isMineScope: boolean;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const tone = URGENT.has(section.kind) ? 'urgent' : 'due';
  return (
    <section
      className={`card today-section today-${tone}`}
      data-testid={`today-${section.kind}`}
      data-total={section.total}
    >
      <header className="today-section-head">
        <h2>{t(`today.section.${section.kind}`)}</h2>
        <span className="today-count">{formatCount(section.total, lang)}</span>
      </header>
      <ul className="today-lines">
        {section.items.slice(0, LINES_SHOWN).map((item) => (
          <li key={`${item.kind}|${item.ref}`}>
            <Link
              to={lineTarget(item, isMineScope)}
              className="today-line"
              data-testid="today-line"
              data-kind={item.kind}
            >
              {item.mineName !== null && <span className="today-mine">{item.mineName}</span>}
              {item.title !== null && <span className="today-title">{item.title}</span>}
              <span className="today-text">{lineText(item, today, isMineScope, i18n)}</span>
              <span className="today-go" aria-hidden="true">
                ›
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {section.total > LINES_SHOWN && (
        <Link to={sectionTarget(section.kind, isMineScope)} className="today-more" data-testid="today-more">
          {t('today.more', { n: formatCount(section.total - LINES_SHOWN, lang) })}
        </Link>
      )}
    </section>
  );
}

/** The work list: what needs the user today, most urgent first; each line opens the place to act. */
export function TodayList() {
  const { t } = useI18n();
  const { session } = useSession();
  const isMineScope = session.user.scope.kind === 'mine';
  const today = useApiData<TodayResponse>('/api/today');
  const data = today.data;
  if (today.error !== null) return <ErrorBox error={today.error} onRetry={today.reload} />;
  if (data === null) return <div className="muted loading-line">{t('app.loading')}</div>;
  const open = data.sections.filter((s) => s.total > 0);
  const clear = data.sections.filter((s) => s.total === 0);
  return (
    <div className="today" data-testid="today-list" data-busy={today.isLoading ? 'true' : 'false'}>
      <div className="muted today-asof">{t('today.asOf', { time: formatDateTime(data.asOf) })}</div>
      {open.length === 0 && <div className="card today-empty">{t('today.allClear')}</div>}
      <div className="today-grid">
        {open.map((s) => (
          <SectionCard key={s.kind} section={s} today={data.today} isMineScope={isMineScope} />
        ))}
      </div>
      {clear.length > 0 && (
        <div className="today-clear" data-testid="today-clear">
          <span className="muted">{t('today.clearHeading')}</span>
          {clear.map((s) => (
            <span key={s.kind} className="today-clear-item" data-testid={`today-clear-${s.kind}`}>
              {t(`today.section.${s.kind}`)}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

/** The first page: the work list, and for a region the registry figures below it. */
export function HomePage() {
  const { t } = useI18n();
  useDocumentTitle(t('today.title'));
  const { session } = useSession();
  return (
    <div className="page" data-testid="home-page">
      <div className="page-head">
        <h1>{t('today.title')}</h1>
      </div>
      <TodayList />
      {session.user.scope.kind === 'region' && (
        <div className="today-registry">
          <h2 className="today-registry-head">{t('today.registry')}</h2>
          <DashboardPage />
        </div>
      )}
    </div>
  );
}
