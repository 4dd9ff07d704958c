/** Telling apart the API failures the action handles: a read-only token, and GitHub out of reach. */

interface HttpError {
  status?: number;
  message?: string;
}

function asHttpError(error: unknown): HttpError {
  return typeof error === 'object' && error !== null ? (error as HttpError) : {};
}

/**
 * Tests for a 403 that is not a rate limit: the token lacks the permission, as the
 * workflow token of a fork's pull request does ("Resource not accessible by
 * integration"). The throttling plugin has already retried rate-limit 403s.
 * A 401 (no token, or a revoked one) is handled the same way.
 */
export function isForbidden(error: unknown): boolean {
  const { status, message } = asHttpError(error);
  return status === 401 || (status === 403 && !/rate limit/i.test(message ?? ''));
}

/** Tests for a server error or a failed connection after the retry plugin gave up. Octokit reports a failed fetch as status 500. */
export function isUnreachable(error: unknown): boolean {
  const { status } = asHttpError(error);
  return status === undefined || status >= 500;
}

export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}
