import { ApiError } from '../api/api-client.ts';
import { useI18n, type I18n } from '../i18n/i18n-context.tsx';
import { errorText } from './error-text.ts';

export interface ErrorDescription {
  text: string;
  requestId: string | null;
}

/** A localized message for the error's code (see error-text.ts), with its request id for support. */
export function describeError(error: unknown, i18n: Pick<I18n, 't' | 'has' | 'lang'>): ErrorDescription {
  return { text: errorText(error, i18n), requestId: error instanceof ApiError ? error.requestId : null };
}

/** An inline error panel with the request id (for support) and an optional retry. */
export function ErrorBox({
  error,
  onRetry,
  testId,
}: {
  error: unknown;
  onRetry?: () => void;
  testId?: string;
}) {
  const i18n = useI18n();
  const { text, requestId } = describeError(error, i18n);
  return (
    <div className="error-box" role="alert" data-testid={testId ?? 'error-box'}>
      <span>{text}</span>
      {requestId !== null && (
        <span className="error-request">{i18n.t('error.requestId', { id: requestId })}</span>
      )}
      {onRetry !== undefined && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {i18n.t('error.retry')}
        </button>
      )}
    </div>
  );
}
