import type { BulkAssignmentResult, MinesResponse } from '../../api/generated/api-schema.ts';
import { ApiError } from '../../api/api-client.ts';
import { errorText } from '../../components/error-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** What a bulk assignment did: how many parts were done and, mine by mine, what was refused and why. */
export function BulkResult({
  result,
  mines,
}: {
  result: BulkAssignmentResult;
  mines: MinesResponse['items'];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const names = new Map(mines.map((m) => [m.id, `${m.name}（${m.code}）`]));
  const refused = result.mines.flatMap((m) =>
    m.parts.filter((p) => !p.ok).map((p) => ({ mineId: m.mineId, part: p.part, code: p.code ?? '' })),
  );
  // A refusal is worded like any server error: by its stable code, through the catalogue.
  const reason = (code: string) => errorText(new ApiError(400, code, '', null), i18n);
  return (
    <div className="card" data-testid="bulk-result" data-done={result.done} data-refused={result.refused}>
      <p data-testid="bulk-result-summary">
        {t('supervision.bulk.result', {
          done: result.done,
          refused: result.refused,
          mines: result.mines.length,
        })}
      </p>
      {refused.length > 0 && (
        <ul data-testid="bulk-refusals">
          {refused.map((r) => (
            <li key={`${r.mineId}-${r.part}`}>
              {names.get(r.mineId) ?? r.mineId} · {t(`supervision.bulk.part.${r.part}`)}: {reason(r.code)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
