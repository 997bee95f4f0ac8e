import { useState, type FormEvent } from 'react';
import { answerOf, api, type ApiAnswer } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
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
  const { busy, error, runWith, fail } = useAction();

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
  const revoke = (tok: TokenView) => {
    if (!window.confirm(t('security.tokens.revokeConfirm', { name: tok.name }))) return;
    answerOf(api.DELETE('/api/tokens/{id}', { params: { path: { id: tok.id } } })).then(list.reload, fail);
  };
  const toggle = (s: TokenScope) =>
    setScopes((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : [...cur, s]));

  return (
    <section className="page" data-testid="tokens-page" data-busy={list.isLoading ? 'true' : 'false'}>
      <div className="page-head">
        <h1>{t('security.tokens.title')}</h1>
      </div>
      <p className="muted">{t('security.tokens.intro')}</p>
      <form className="card sec-form" onSubmit={create} data-testid="token-form">
        <label className="field">
          <span className="field-label">{t('security.tokens.name')}</span>
          <input
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="token-name"
            required
            minLength={2}
            maxLength={80}
          />
        </label>
        <fieldset className="field sec-scopes">
          <legend className="field-label">{t('security.tokens.scopes')}</legend>
          {tokenScopeValues.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                checked={scopes.includes(s)}
                onChange={() => toggle(s)}
                data-testid={`token-scope-${s}`}
              />{' '}
              {t(`security.tokens.scope.${s}`)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span className="field-label">{t('security.tokens.expires')}</span>
          <input
            className="input"
            type="date"
            value={expires}
            min={todayIsoDate(new Date(Date.now() + 86_400_000))}
            onChange={(e) => setExpires(e.target.value)}
            data-testid="token-expires"
            required
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="token-create">
          {t('security.tokens.create')}
        </button>
      </form>
      {error !== null && <ErrorBox error={error} />}
      {created !== null && (
        <div className="card sec-created" data-testid="token-created">
          <p>{t('security.tokens.created')}</p>
          <code data-testid="token-secret">{created.token}</code>
        </div>
      )}
      {list.error !== null && <ErrorBox error={list.error} onRetry={list.reload} />}
      <div className="card table-wrap">
        <table className="table" data-testid="token-table">
          <thead>
            <tr>
              <th>{t('security.tokens.name')}</th>
              <th>{t('security.tokens.scopes')}</th>
              <th>{t('security.tokens.col.created')}</th>
              <th>{t('security.tokens.expires')}</th>
              <th>{t('security.tokens.col.lastUsed')}</th>
              <th>{t('security.tokens.col.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data?.items.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  {t('security.tokens.none')}
                </td>
              </tr>
            )}
            {list.data?.items.map((tok) => (
              <tr key={tok.id} data-testid="token-row" data-token-id={tok.id} data-state={tok.state}>
                <td>{tok.name}</td>
                <td>{tok.scopes.map((s) => t(`security.tokens.scope.${s}`)).join('、')}</td>
                <td>{formatDateTime(tok.createdAt)}</td>
                <td>{formatDateTime(tok.expiresAt)}</td>
                <td>
                  {tok.lastUsedAt === null ? t('security.tokens.never') : formatDateTime(tok.lastUsedAt)}
                </td>
                <td>{t(`security.tokens.state.${tok.state}`)}</td>
                <td>
                  {tok.state === 'active' && (
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => revoke(tok)}
                      data-testid="token-revoke"
                    >
                      {t('security.tokens.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
