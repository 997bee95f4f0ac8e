import { useState, type FormEvent } from 'react';
import { answerOf, api } from '../api/api-client.ts';
import { describeError } from '../components/error-box.tsx';
import { LangSwitch } from '../components/lang-switch.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { sessionOf, type Session } from '../session/session-context.tsx';

type LoginError = { kind: 'required' } | { kind: 'api'; error: unknown };

/** Username and password; on success hands the session to the app, which routes onwards. */
export function LoginPage({
  onLogin,
  hasExpired,
}: {
  onLogin: (session: Session) => void;
  hasExpired: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  useDocumentTitle(t('login.title'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [error, setError] = useState<LoginError | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSubmitting) return;
    if (username.trim() === '' || password === '') {
      setError({ kind: 'required' });
      return;
    }
    setIsSubmitting(true);
    setError(null);
    answerOf(api.POST('/api/session', { body: { username: username.trim(), password } }), {
      isSessionCall: true,
    }).then(
      (session) => onLogin(sessionOf(session)),
      (e: unknown) => {
        setIsSubmitting(false);
        setPassword('');
        setError({ kind: 'api', error: e });
      },
    );
  };

  let errorText: string | null = null;
  if (error?.kind === 'required') errorText = t('login.required');
  else if (error?.kind === 'api') errorText = describeError(error.error, i18n).text;
  else if (hasExpired) errorText = t('error.NOT_AUTHENTICATED');

  return (
    <div className="login-screen" data-testid="login-page">
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </span>
        <div className="topbar-spacer" />
        <LangSwitch />
      </header>
      <div className="login-body">
        <form className="login-card" onSubmit={submit} noValidate>
          <h1 className="login-title">{t('app.name')}</h1>
          <p className="login-tagline">{t('app.tagline')}</p>
          <label className="field">
            <span className="field-label">{t('login.username')}</span>
            <input
              className="input"
              name="username"
              autoComplete="username"
              autoFocus
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              data-testid="login-username"
            />
          </label>
          <label className="field">
            <span className="field-label">{t('login.password')}</span>
            <input
              className="input"
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="login-password"
            />
          </label>
          {errorText !== null && (
            <div className="error-box" role="alert" data-testid="login-error">
              {errorText}
            </div>
          )}
          <button
            type="submit"
            className="btn btn-primary btn-block"
            disabled={isSubmitting}
            data-testid="login-submit"
          >
            {isSubmitting ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
