import { useState, type FormEvent } from 'react';
import { request } from '../api/api-client.ts';
import type {
  AlarmConsole,
  AlarmConsoleGroup as AlarmGroup,
  AlarmKpis,
  EvidenceItem,
  FloodLine,
} from '../api/generated/api-schema.ts';
import { formatCount } from '../format.ts';
import { useI18n, type I18n } from '../i18n/i18n-context.tsx';
import './alarm-groups.css';
import { ErrorBox } from '../components/error-box.tsx';
import { CardSection } from '../components/card-section.tsx';
import { SideList } from './side-list.tsx';
import { AlarmTable, PriorityPill } from './alarm-table.tsx';
import { alarmText, isUnacknowledged, ruleLabel, stateLabel } from './alarm-text.ts';
import { formatMs, formatShortMs, formatValue } from './monitoring-format.ts';

type Labels = Pick<I18n, 't' | 'has' | 'lang'>;

/** One evidence line: what it is, where, its value, at its data time (China Standard Time). */
function evidenceText(e: EvidenceItem, i18n: Labels): string {
  const value = e.value === null ? '' : `${formatValue(e.value, i18n.lang)}${e.unit ? ` ${e.unit}` : ''}`;
  if (e.kind === 'people') return i18n.t('alarmGroup.evidence.people', { n: e.value ?? 0 });
  if (e.kind === 'reading')
    return i18n.t('alarmGroup.evidence.reading', { location: e.location ?? e.pointCode ?? '', value });
  return [ruleLabel(e.rule ?? '', i18n), e.location ?? '', value].filter((x) => x !== '').join(' · ');
}

/** An incident's evidence list, oldest first, each with its data time. */
export function EvidenceList({ evidence }: { evidence: readonly EvidenceItem[] }) {
  const i18n = useI18n();
  return (
    <ol className="evidence-list" data-testid="incident-evidence">
      {evidence.map((e, i) => (
        <li key={`${e.kind}-${e.alarmId ?? e.pointCode ?? ''}-${i}`} data-kind={e.kind}>
          <span className="tabular muted">{formatMs(e.atMs)}</span> <span>{evidenceText(e, i18n)}</span>
        </li>
      ))}
    </ol>
  );
}

function groupTitle(g: AlarmGroup, i18n: Labels): string {
  const { t } = i18n;
  switch (g.kind) {
    case 'incident':
      return g.parent === null ? t('alarmGroup.kind.incident') : ruleLabel(g.parent.rule, i18n);
    case 'stop_order':
      return t('alarmGroup.order', { number: g.label, mines: g.mineCount });
    case 'gateway_outage':
      return `${t('alarmGroup.kind.gateway_outage')} · ${t('alarmGroup.gateway', { code: g.label })}`;
    case 'mine_outage':
    case 'burst':
      return t(`alarmGroup.kind.${g.kind}`);
  }
}

/**
 * Acknowledges a parent and each of its unacknowledged children with one comment (ISA-18.2 group
 * acknowledgement); every alarm is acknowledged, and audited, on its own.
 */
function AcknowledgeGroup({ group, onDone }: { group: AlarmGroup; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const pending = [...(group.parent ? [group.parent] : []), ...group.children].filter((a) =>
    isUnacknowledged(a.state),
  );
  if (pending.length === 0) return null;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || comment.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      for (const a of pending)
        await request('POST', `/api/alarms/${encodeURIComponent(a.id)}/acknowledge`, {
          body: { comment: comment.trim() },
        });
      setComment('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      onDone();
    }
  };
  return (
    <form className="alarm-group-ack" onSubmit={(e) => void submit(e)} data-testid="alarm-group-ack">
      <input
        className="input"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t('alarmGroup.ackComment')}
        aria-label={t('alarmGroup.ackComment')}
        data-testid="alarm-group-ack-comment"
      />
      <button type="submit" className="btn btn-small" disabled={busy || comment.trim() === ''}>
        {t('alarmGroup.ackAll', { n: formatCount(pending.length, lang) })}
      </button>
      {error !== null && <ErrorBox error={error} />}
    </form>
  );
}

/** What the groups panel hands each of its groups: the time, the selection, and what the viewer may do. */
interface GroupCardContext {
  now: number;
  selectedId: string | null;
  showMine: boolean;
  canAct: boolean;
  onSelect: (id: string) => void;
  onChanged: () => void;
}

function GroupCard({
  group: g,
  now,
  selectedId,
  showMine,
  canAct,
  onSelect,
  onChanged,
}: GroupCardContext & { group: AlarmGroup }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [open, setOpen] = useState(false);
  const isIncident = g.kind === 'incident';
  return (
    <li
      className={`alarm-group group-${g.kind}`}
      data-testid={isIncident ? 'incident-card' : 'alarm-group'}
      data-kind={g.kind}
      data-group-id={g.id}
      data-mine-id={g.mineId ?? ''}
      data-children={g.childIds.length}
    >
      <div className="alarm-group-head">
        <PriorityPill priority={g.priority} />
        <span className="alarm-group-title">
          <strong>{groupTitle(g, i18n)}</strong>
          <span className="cell-sub">
            {[
              g.mineName ?? '',
              g.parent === null ? '' : stateLabel(g.parent.state, i18n),
              t('alarmGroup.since', { time: formatShortMs(g.sinceMs, now) }),
              t('alarmGroup.children', { n: formatCount(g.childIds.length, lang) }),
              g.unacknowledged > 0 ? t('alarmGroup.unack', { n: formatCount(g.unacknowledged, lang) }) : '',
            ]
              .filter((x) => x !== '')
              .join(' · ')}
          </span>
        </span>
        <span className="alarm-group-actions">
          {g.parent !== null && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => onSelect(g.parent!.id)}
              data-testid="alarm-group-open"
            >
              {t('alarmGroup.open')}
            </button>
          )}
          {g.children.length > 0 && (
            <button
              type="button"
              className="btn btn-small btn-ghost"
              aria-expanded={open}
              onClick={() => setOpen(!open)}
              data-testid="alarm-group-toggle"
            >
              {open ? t('alarmGroup.collapse') : t('alarmGroup.expand')}
            </button>
          )}
        </span>
      </div>
      {isIncident && g.parent !== null && (
        <div className="incident-body">
          {/* The server words incidents in English; in Chinese the title and evidence say it. */}
          {lang === 'en' && <p className="incident-text">{alarmText(g.parent, i18n)}</p>}
          {g.parent.evidence && g.parent.evidence.length > 0 && (
            <>
              <div className="muted small">{t('alarmGroup.evidence')}</div>
              <EvidenceList evidence={g.parent.evidence} />
            </>
          )}
          {g.articles.length > 0 && (
            <div className="incident-articles" data-testid="incident-articles">
              <span className="muted small">{t('alarmGroup.articles')}</span>
              {g.articles.map((a) => (
                <div key={a.en}>{lang === 'en' ? a.en : a.zh}</div>
              ))}
            </div>
          )}
        </div>
      )}
      {canAct && <AcknowledgeGroup group={g} onDone={onChanged} />}
      {open && (
        <div className="alarm-group-children" data-testid="alarm-group-children">
          <AlarmTable
            alarms={g.children}
            selectedId={selectedId}
            flashes={new Map()}
            showMine={showMine}
            now={now}
            onSelect={onSelect}
            testId="alarm-group-table"
            emptyText=""
          />
        </div>
      )}
    </li>
  );
}

/** The console's parents: incidents first, then floods grouped by cause; children on demand. */
export function AlarmGroupsPanel({ data, ...context }: GroupCardContext & { data: AlarmConsole }) {
  const { t } = useI18n();
  if (data.groups.length === 0) return null;
  return (
    <CardSection
      className="card alarm-groups"
      testId="alarm-groups"
      title={t('alarmGroup.title')}
      hint={t('alarmGroup.hint')}
    >
      <ul className="alarm-group-list">
        {data.groups.map((g) => (
          <GroupCard key={g.id} group={g} {...context} />
        ))}
      </ul>
    </CardSection>
  );
}

function floodLineText(f: FloodLine, i18n: Labels): string {
  return i18n.t(`alarmFlood.line.${f.kind}`, { label: f.label, mine: f.mineName ?? '' });
}

/** The flood panel: whether a flood is on, the operator's load, and each parent it stands for. */
export function FloodPanel({ kpis, onMine }: { kpis: AlarmKpis; onMine: (mineId: string) => void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  return (
    <CardSection
      className="card side-card"
      testId="alarm-floods"
      attributes={{ 'data-flood': kpis.isFlood ? 'true' : 'false' }}
      title={t('alarms.floods.title')}
      hint={t('alarms.floods.hint')}
    >
      <div
        className={kpis.isFlood ? 'flood-state text-danger' : 'flood-state muted'}
        data-testid="alarm-flood-state"
      >
        {t(kpis.isFlood ? 'alarmFlood.active' : 'alarmFlood.calm', {
          n: formatCount(kpis.alarmsLast10Min, lang),
          raw: formatCount(kpis.rawAlarmsLast10Min, lang),
        })}
        <div
          className="small muted"
          data-testid="alarm-operator-load"
          data-value={kpis.alarmsPerOperatorHour}
        >
          {t('alarmFlood.load', {
            shown: formatCount(kpis.alarmsPerOperatorHour, lang),
            raw: formatCount(kpis.rawAlarmsLastHour, lang),
          })}
        </div>
      </div>
      <SideList
        empty={t('alarms.floods.none')}
        items={kpis.floods.map((f) => ({
          key: f.id,
          main: floodLineText(f, i18n),
          sub: f.mineCount > 1 ? t('alarmFlood.mines', { n: formatCount(f.mineCount, lang) }) : undefined,
          count: formatCount(f.count, lang),
          countClassName: 'text-danger',
          isDisabled: f.mineId === null,
          onClick: () => f.mineId !== null && onMine(f.mineId),
          attributes: {
            'data-testid': 'alarm-flood-row',
            'data-kind': f.kind,
            'data-mine-id': f.mineId ?? '',
          },
        }))}
      />
    </CardSection>
  );
}
