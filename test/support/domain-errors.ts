import { isDomainError } from '../../src/core/errors.ts';

/**
 * The `DomainError` code a piece of work ends with: 'no error' when it succeeds, `unexpected …` for any
 * other throw (so a test comparing codes names what went wrong instead).
 */
export async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (e) {
    return isDomainError(e) ? e.code : `unexpected ${String(e)}`;
  }
  return 'no error';
}
