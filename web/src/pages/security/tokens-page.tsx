import { useState, type FormEvent } from 'react';
import { answerOf, api, type ApiAnswer } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { Button } from '../../components/button.tsx';
import { StatusChip, type ChipTone } from '../../components/chip.tsx';
import { type Column } from '../../components/data-table.tsx';
import { sortedColumn } from '../../components/table-columns.ts';
import { ConfirmDialog } from '../../components/dialog.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { TableCard } from '../../components/table-card.tsx';
import { ActionError, CheckField, Field, SubmitButton } from '../../components/form-kit.tsx';
import { useAction } from '../../components/use-action.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDateTime, todayIsoDate } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import {
  tokenScopeValues,
  type CreatedToken,
  type TokenScope,
  type TokenView,
} from '../../api/generated/api-schema.ts';

const TOKEN_TONE: Record<TokenView['state'], ChipTone> = {
  active: 'ok',
  expired: 'neutral',
  revoked: 'neutral',
};

/** The signed-in user's own API tokens: create (scopes, expiry), list, revoke. */
export function TokensPage() {
  const { t } = useI18n();
  useDocumentTitle(t('security.tokens.title'));
  const list = useApiData<ApiAnswer<'/api/tokens'>>('/api/tokens');
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['ingest']);
  const inNinetyDays = todayIsoDate(new Date(Date.now() + 90 * 86_400_000));
  const [expires, setExpires] = useState(inNinetyDays);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const { busy, error, runWith } = useAction();
  const [revoking, setRevoking] = useState<TokenView | null>(null);
  const revoke = useAction(() => {
    setRevoking(null);
    list.reload();
  });

  const create = (e: FormEvent) => {
    e.preventDefault();
    // The end of the chosen day in China Standard Time.
    const expiresAt = new Date(`${expires}T23:59:59+08:00`).toISOString();
    void runWith(() =>
      answerOf(api.POST('/api/tokens', { body: { name, scopes, expiresAt } })).then((c) => {
        setCreated(c);
        setName('');
        list.reload();
      }),
    );
  };
  const confirmRevoke = (tok: TokenView) =>
    void revoke.runWith(() => answerOf(api.DELETE('/api/tokens/{id}', { params: { path: { id: tok.id } } })));
  const toggle = (s: TokenScope) =>
    setScopes((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : [...cur, s]));

  const columns: Column<TokenView>[] = [
    sortedColumn('name', t('security.tokens.name'), (tok) => tok.name),
    {
      key: 'scopes',
      header: t('security.tokens.scopes'),
      cell: (tok) => tok.scopes.map((s) => t(`security.tokens.scope.${s}`)).join('、'),
    },
    sortedColumn('created', t('security.tokens.col.created'), (tok) => tok.createdAt, {
      show: formatDateTime,
    }),
    sortedColumn('expires', t('security.tokens.expires'), (tok) => tok.expiresAt ?? '', {
      show: formatDateTime,
    }),
    {
      key: 'lastUsed',
      header: t('security.tokens.col.lastUsed'),
      cell: (tok) => (tok.lastUsedAt === null ? t('security.tokens.never') : formatDateTime(tok.lastUsedAt)),
    },
    {
      key: 'state',
      header: t('security.tokens.col.state'),
      cell: (tok) => (
        <StatusChip tone={TOKEN_TONE[tok.state]}>{t(`security.tokens.state.${tok.state}`)}</StatusChip>
      ),
    },
    {
      key: 'action',
      header: t('kit.table.actions'),
      isHeaderHidden: true,
      cell: (tok) =>
        tok.state === 'active' && (
          <Button variant="danger" size="small" onClick={() => setRevoking(tok)} testId="token-revoke">
            {t('security.tokens.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <section className="page" data-testid="tokens-page" data-busy={list.isLoading ? 'true' : 'false'}>
      <div className="page-head">
        <h1>{t('security.tokens.title')}</h1>
      </div>
      <p className="muted">{t('security.tokens.intro')}</p>
      <form className="card sec-form" onSubmit={create} data-testid="token-form">
        <Field
          label={t('security.tokens.name')}
          value={name}
          onChange={setName}
          testId="token-name"
          required
          minLength={2}
          maxLength={80}
        />
        <fieldset className="field sec-scopes">
          <legend className="field-label">{t('security.tokens.scopes')}</legend>
          {tokenScopeValues.map((s) => (
            <CheckField
              key={s}
              label={t(`security.tokens.scope.${s}`)}
              checked={scopes.includes(s)}
              onChange={() => toggle(s)}
              testId={`token-scope-${s}`}
            />
          ))}
        </fieldset>
        <Field
          label={t('security.tokens.expires')}
          type="date"
          value={expires}
          min={todayIsoDate(new Date(Date.now() + 86_400_000))}
          onChange={setExpires}
          testId="token-expires"
          required
        />
        <SubmitButton action={{ busy }} testId="token-create">
          {t('security.tokens.create')}
        </SubmitButton>
      </form>
      {error !== null && <ErrorBox error={error} />}
      <ActionError action={revoke} testId="token-revoke-error" />
      {created !== null && (
        <div className="card sec-created" data-testid="token-created">
          <p>{t('security.tokens.created')}</p>
          <code data-testid="token-secret">{created.token}</code>
        </div>
      )}
      <TableCard
        loadError={list.error}
        onRetry={list.reload}
        testId="token-table"
        columns={columns}
        rows={list.data?.items}
        rowKey={(tok) => tok.id}
        rowAttributes={(tok) => ({
          'data-testid': 'token-row',
          'data-token-id': tok.id,
          'data-state': tok.state,
        })}
        empty={t('security.tokens.none')}
        caption={t('security.tokens.title')}
      />
      <ConfirmDialog
        isOpen={revoking !== null}
        title={t('security.tokens.revoke')}
        message={t('security.tokens.revokeConfirm', { name: revoking?.name ?? '' })}
        confirmLabel={t('security.tokens.revoke')}
        onConfirm={() => revoking !== null && confirmRevoke(revoking)}
        onCancel={() => setRevoking(null)}
        isBusy={revoke.busy}
        testId="token-revoke-dialog"
      />
    </section>
  );
}
