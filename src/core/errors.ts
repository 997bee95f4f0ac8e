/**
 * Domain errors carry a stable machine code and a kind. They know nothing about HTTP:
 * `server/error-mapping.ts` maps kinds to status codes. The catalogue: `server/error-catalogue.ts` (docs/errors.md is generated from it).
 */
export type DomainErrorKind =
  'InvalidInput' | 'NotFound' | 'Conflict' | 'NotAllowed' | 'Unauthenticated' | 'Unavailable' | 'RateLimited';

export class DomainError extends Error {
  readonly code: string;
  readonly kind: DomainErrorKind;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(kind: DomainErrorKind, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

/** Shorthands, so call sites read as sentences. */
export const invalidInput = (code: string, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError('InvalidInput', code, message, details);
/**
 * When a check found `issues`, throws InvalidInput `code` that names them all ("The order is not valid:
 * a; b.") and lists them in `details.issues`. `what` starts the sentence: "The order".
 */
export function refuseIssues(code: string, what: string, issues: readonly string[]): void {
  if (issues.length > 0) throw invalidInput(code, `${what} is not valid: ${issues.join('; ')}.`, { issues });
}
export const notFound = (code: string, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError('NotFound', code, message, details);
export const conflict = (code: string, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError('Conflict', code, message, details);
export const notAllowed = (code: string, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError('NotAllowed', code, message, details);

export const unavailable = (code: string, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError('Unavailable', code, message, details);

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
