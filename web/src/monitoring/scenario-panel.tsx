import { useState } from 'react';
import { request, type ApiAnswer, type ApiPostAnswer } from '../api/api-client.ts';
import { SCENARIO_NAMES } from '../api/monitoring-types.ts';
import type { ActiveScenario, ScenarioStep } from '../api/generated/api-schema.ts';
import { useApiData } from '../api/use-api.ts';
import { CardSection } from '../components/card-section.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { useI18n, type I18n, type Lang } from '../i18n/i18n-context.tsx';
import { Link } from '../router/link.tsx';
import { minePath } from '../router/router.ts';
import { useNow } from '../live/use-live-feed.ts';
import { formatShortMs } from './monitoring-format.ts';
import './scenario-panel.css';

type ScenarioStartResponse = ApiPostAnswer<'/api/scenarios'>;
type ScenariosResponse = ApiAnswer<'/api/scenarios'>;
/** A running scenario; one started from this panel carries its timeline until the server lists it. */
type ShownScenario = ActiveScenario & { timeline?: ScenarioStep[] };

function scenarioLabel(name: string, i18n: Pick<I18n, 't' | 'has'>): string {
  const key = `scenario.${name}`;
  return i18n.has(key) ? i18n.t(key) : name;
}

/** `+m:ss` from the start of a scenario. */
function offsetLabel(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `+${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The server writes steps as `中文 / English`: show the part in the UI's language. */
function stepText(what: string, lang: Lang): string {
  const parts = what.split(' / ');
  if (parts.length !== 2) return what;
  return (lang === 'en' ? parts[1] : parts[0]) ?? what;
}

function Timeline({ steps, elapsedMs }: { steps: readonly ScenarioStep[]; elapsedMs: number }) {
  const { lang } = useI18n();
  return (
    <ol className="timeline">
      {[...steps]
        .sort((a, b) => a.offsetMs - b.offsetMs)
        .map((step, i) => {
          const isDone = elapsedMs >= step.offsetMs;
          return (
            <li
              key={`${step.offsetMs}-${i}`}
              className={isDone ? 'timeline-step done' : 'timeline-step'}
              data-testid="scenario-step"
              data-done={isDone ? 'true' : 'false'}
            >
              <span className="timeline-at tabular">{offsetLabel(step.offsetMs)}</span>
              <span className="timeline-what" title={step.what}>
                {stepText(step.what, lang)}
              </span>
            </li>
          );
        })}
    </ol>
  );
}

/**
 * The demo scenarios (the two accidents replayed on a simulated mine), for regulators, shown only
 * while the demo simulator runs: start buttons, and each running scenario with its timeline.
 */
export function ScenarioPanel() {
  const i18n = useI18n();
  const now = useNow(1_000);
  const { t } = i18n;
  const scenarios = useApiData<ScenariosResponse>('/api/scenarios');
  const [starting, setStarting] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [started, setStarted] = useState<ShownScenario[]>([]);

  const data = scenarios.data;
  if (data === null || !data.running) return null;

  const start = (name: string) => {
    if (starting !== null) return;
    setStarting(name);
    setError(null);
    request<ScenarioStartResponse>('POST', '/api/scenarios', { body: { name } }).then(
      (res) => {
        setStarting(null);
        setStarted((prev) => [res.scenario, ...prev]);
        scenarios.reload();
      },
      (e: unknown) => {
        setStarting(null);
        setError(e);
      },
    );
  };

  // Scenarios started here show at once; the server's list takes over when it has them.
  const active = [
    ...started.filter((s) => !data.active.some((a) => a.name === s.name && a.startedAtMs === s.startedAtMs)),
    ...data.active,
  ];
  const available = SCENARIO_NAMES.filter((n) => data.available.some((a) => a.name === n));
  const timelineOf = (s: ShownScenario): readonly ScenarioStep[] =>
    s.timeline ?? data.available.find((a) => a.name === s.name)?.timeline ?? [];

  return (
    <CardSection
      className="card side-card scenario-card"
      testId="scenario-panel"
      title={t('scenario.title')}
      hint={t('scenario.hint')}
    >
      <div className="scenario-body">
        {error !== null && <ErrorBox error={error} testId="scenario-error" />}
        {available.map((name) => (
          <button
            key={name}
            type="button"
            className="btn scenario-btn"
            disabled={starting !== null}
            onClick={() => start(name)}
            data-testid={`scenario-start-${name}`}
          >
            <span className="scenario-play" aria-hidden="true">
              ▶
            </span>
            {starting === name ? t('scenario.starting') : scenarioLabel(name, i18n)}
          </button>
        ))}
        {active.length > 0 && <h3 className="scenario-sub">{t('scenario.active')}</h3>}
        {active.map((s) => (
          <div
            key={`${s.name}-${s.startedAtMs}`}
            className="scenario-active"
            data-testid="scenario-active"
            data-name={s.name}
            data-mine-id={s.mineId}
          >
            <div className="scenario-active-head">
              <span className="strong">{scenarioLabel(s.name, i18n)}</span>
            </div>
            <div className="cell-sub">
              <Link to={minePath(s.mineId)}>{s.mineName}</Link> ·{' '}
              {t('scenario.startedAt', { time: formatShortMs(s.startedAtMs, now) })}
            </div>
            <Timeline steps={timelineOf(s)} elapsedMs={now - s.startedAtMs} />
          </div>
        ))}
      </div>
    </CardSection>
  );
}
