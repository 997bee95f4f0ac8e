import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Column } from '../../components/data-table.tsx';
import { TableCard } from '../../components/table-card.tsx';
import { sortedColumn, figureColumn } from '../../components/table-columns.ts';
import { Link } from '../../router/link.tsx';
import { useCan } from '../../session/session-context.tsx';
import { DirectiveDetailPage } from './directive-detail.tsx';
import type { ApiAnswer } from '../../api/api-client.ts';

type Directive = ApiAnswer<'/api/directives'>['directives'][number];
import { formatTime } from './directive-time.ts';
import { IssueDirectiveForm } from './issue-directive-form.tsx';

function DirectivesList() {
  const { t } = useI18n();
  const may = useCan();
  const { data, error, isLoading, reload } = useApiData<ApiAnswer<'/api/directives'>>('/api/directives');
  const columns: Column<Directive>[] = [
    {
      key: 'title',
      header: t('directives.col.title'),
      cell: (d) => (
        <Link to={`/directives/${d.id}`} data-testid={`directive-open-${d.id}`}>
          {d.title}
        </Link>
      ),
    },
    { key: 'kind', header: t('directives.col.kind'), cell: (d) => t(`directives.kind.${d.kind}`) },
    { key: 'issuer', header: t('directives.col.issuer'), cell: (d) => d.issuerName },
    sortedColumn('issued', t('directives.col.issued'), (d) => d.issuedAt, { show: formatTime }),
    sortedColumn('deadline', t('directives.col.deadline'), (d) => d.deadline, { show: formatTime }),
    figureColumn(
      'progress',
      t('directives.col.progress'),
      (d) => `${d.progress.done + d.progress.doneLate} / ${d.progress.total}`,
    ),
    sortedColumn('late', t('directives.col.late'), (d) => d.progress.late, { isNumeric: true }),
  ];
  return (
    <div data-testid="directives-list" data-busy={isLoading ? 'true' : 'false'} className="wf-stack">
      {may('directive.issue') && <IssueDirectiveForm onIssued={reload} />}
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      <TableCard
        columns={columns}
        rows={data?.directives}
        rowKey={(d) => d.id}
        rowAttributes={(d) => ({ 'data-testid': `directive-row-${d.id}`, 'data-title': d.title })}
        empty={t('directives.list.empty')}
        caption={t('nav.directives')}
        pageSize={50}
      />
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
