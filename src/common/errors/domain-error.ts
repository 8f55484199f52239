export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TIMEOUT' | 'TOO_MANY_REQUESTS';

/** One problem with one input field; `field` is a dotted path into the operation's arguments. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The one error type services throw; mapped to `extensions.code` (and `fields`) in one place. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** For TOO_MANY_REQUESTS: seconds until the client may try again (the Retry-After header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string) => new DomainError('BAD_USER_INPUT', `${field}: ${message}`, [{ field, message }]);

export const notFound = (what: string, id?: string) => new DomainError('NOT_FOUND', id ? `${what} ${id} was not found` : `${what} was not found`);

export const conflict = (message: string, field?: string) => new DomainError('CONFLICT', message, field ? [{ field, message }] : []);

export const forbidden = (message = 'You are not allowed to do this') => new DomainError('FORBIDDEN', message);

export const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);

export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new DomainError('TOO_MANY_REQUESTS', message, [], Math.max(1, Math.ceil(retryAfterSeconds)));

/** Several problems at once (each with its field), so a form can show them all; one is like `badInput`. */
export const badInputs = (problems: FieldProblem[]) => new DomainError('BAD_USER_INPUT', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
