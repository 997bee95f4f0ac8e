import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate } from '../../router/router.ts';
import { useCan } from '../../session/session-context.tsx';
import { DirectiveDetailPage } from './directive-detail.tsx';
import type { ApiAnswer } from '../../api/api-client.ts';
import { formatTime } from './directive-time.ts';
import { IssueDirectiveForm } from './issue-directive-form.tsx';

function DirectivesList() {
  const { t } = useI18n();
  const may = useCan();
  const { data, error, isLoading, reload } = useApiData<ApiAnswer<'/api/directives'>>('/api/directives');
  const list = data?.directives ?? [];
  return (
    <div data-testid="directives-list" data-busy={isLoading ? 'true' : 'false'}>
      {may('directive.issue') && <IssueDirectiveForm onIssued={reload} />}
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      {list.length === 0 && !isLoading && <p>{t('directives.list.empty')}</p>}
      {list.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('directives.col.title')}</th>
              <th>{t('directives.col.kind')}</th>
              <th>{t('directives.col.issuer')}</th>
              <th>{t('directives.col.issued')}</th>
              <th>{t('directives.col.deadline')}</th>
              <th>{t('directives.col.progress')}</th>
              <th>{t('directives.col.late')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.id} data-testid={`directive-row-${d.id}`} data-title={d.title}>
                <td>
                  <a
                    href={`/directives/${d.id}`}
                    data-testid={`directive-open-${d.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(`/directives/${d.id}`);
                    }}
                  >
                    {d.title}
                  </a>
                </td>
                <td>{t(`directives.kind.${d.kind}`)}</td>
                <td>{d.issuerName}</td>
                <td>{formatTime(d.issuedAt)}</td>
                <td>{formatTime(d.deadline)}</td>
                <td>
                  {d.progress.done + d.progress.doneLate} / {d.progress.total}
                </td>
                <td>{d.progress.late}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The directives section: the list (with the issue form for regulators) at /directives, one notice at /directives/:id. */
export function DirectivesSection({ sub }: { sub: string[] }) {
  const { t } = useI18n();
  const id = sub[0];
  return (
    <section className="page" data-testid="directives-section" data-busy="false" data-sub={sub.join('/')}>
      <h1>{t('nav.directives')}</h1>
      {id === undefined ? <DirectivesList /> : <DirectiveDetailPage key={id} id={id} />}
    </section>
  );
}
