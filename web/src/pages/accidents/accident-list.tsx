import { useEffect, useState, type FormEvent } from 'react';
import { ExportControl } from '../../components/export-control.tsx';
import { answerOf, api, type ApiAnswer } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { MinePicker, type PickedMine } from '../../components/mine-picker.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate } from '../../router/router.ts';
import type { AccidentGrade as Grade } from '../../api/generated/api-schema.ts';
import { shortTime } from './accident-time.ts';

const FIGURES = ['deaths', 'seriousInjuries', 'minorInjuries', 'directLossCny'] as const;
const LABEL = {
  deaths: 'accidents.col.deaths',
  seriousInjuries: 'accidents.col.serious',
  minorInjuries: 'accidents.col.minor',
  directLossCny: 'accidents.col.loss',
} as const;

/** The record form; the grade shown is computed by the server from the figures as they are typed. */
function RecordForm({ onRecorded }: { onRecorded: () => void }) {
  const { t } = useI18n();
  const [mine, setMine] = useState<PickedMine | null>(null);
  const [occurredAt, setOccurredAt] = useState('');
  const [type, setType] = useState('');
  const [fig, setFig] = useState({ deaths: 0, seriousInjuries: 0, minorInjuries: 0, directLossCny: 0 });
  const [grade, setGrade] = useState<Grade>('none');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const c = new AbortController();
    answerOf(api.POST('/api/accidents/grade', { body: fig, signal: c.signal })).then(
      (r) => setGrade(r.judgement.grade),
      () => undefined,
    );
    return () => c.abort();
  }, [fig]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const at = occurredAt ? new Date(occurredAt).toISOString() : '';
      const r = await answerOf(
        api.POST('/api/accidents', { body: { mineId: mine?.id ?? '', occurredAt: at, type, ...fig } }),
      );
      onRecorded();
      navigate(`/accidents/${encodeURIComponent(r.accident.id)}`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="form" data-testid="accident-form" onSubmit={(e) => void submit(e)}>
      <h3>{t('accidents.form.title')}</h3>
      <MinePicker
        value={mine}
        onChange={setMine}
        label={t('accidents.form.mineId')}
        testId="accident-form-mine"
      />
      <label>
        {t('accidents.form.occurredAt')}
        <input
          type="datetime-local"
          data-testid="accident-form-time"
          value={occurredAt}
          onChange={(e) => setOccurredAt(e.target.value)}
        />
      </label>
      <label>
        {t('accidents.col.type')}
        <input data-testid="accident-form-type" value={type} onChange={(e) => setType(e.target.value)} />
      </label>
      {FIGURES.map((k) => (
        <label key={k}>
          {t(LABEL[k])}
          <input
            type="number"
            min={0}
            data-testid={`accident-form-${k}`}
            value={fig[k]}
            onChange={(e) => setFig({ ...fig, [k]: Number(e.target.value) })}
          />
        </label>
      ))}
      <p>
        {t('accidents.form.computed')}:{' '}
        <strong data-testid="accident-form-grade" data-grade={grade}>
          {t(`accidents.grade.${grade}`)}
        </strong>
      </p>
      {error !== null && <ErrorBox error={error} />}
      <button type="submit" data-testid="accident-form-submit">
        {t('accidents.form.submit')}
      </button>
    </form>
  );
}

export function AccidentList({ reference, canRecord }: { reference: boolean; canRecord: boolean }) {
  const { t } = useI18n();
  const { data, error, isLoading, reload } = useApiData<ApiAnswer<'/api/accidents'>>(
    `/api/accidents?reference=${reference ? 'true' : 'false'}&limit=500`,
  );
  const rows = data?.accidents ?? [];
  return (
    <div
      data-testid={reference ? 'accidents-reference' : 'accidents-list'}
      data-busy={isLoading ? 'true' : 'false'}
    >
      {canRecord && !reference && <RecordForm onRecorded={reload} />}
      <ExportControl listUrl={`/api/accidents?reference=${reference ? 'true' : 'false'}`} />
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      {rows.length === 0 && !isLoading && <p>{t('accidents.empty')}</p>}
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('accidents.col.time')}</th>
              <th>{t('accidents.col.mine')}</th>
              <th>{t('accidents.col.type')}</th>
              <th>{t('accidents.col.deaths')}</th>
              <th>{t('accidents.col.serious')}</th>
              <th>{t('accidents.col.grade')}</th>
              <th>{t('accidents.col.late')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id} data-testid={`accident-${a.id}`} onClick={() => navigate(`/accidents/${a.id}`)}>
                <td>{shortTime(a.occurredAt)}</td>
                <td>{a.mineName}</td>
                <td>{a.type}</td>
                <td>{a.deaths}</td>
                <td>{a.seriousInjuries}</td>
                <td data-grade={a.grade}>{t(`accidents.grade.${a.grade}`)}</td>
                <td className={a.hasLateReport ? 'danger' : ''}>
                  {a.hasLateReport ? t('accidents.late') : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
