import { QueryFailedError } from 'typeorm';

/**
 * What an error log may keep of a PostgreSQL error: its SQLSTATE and where it happened, never the
 * statement, its parameters, the server's message or its DETAIL (which quote the submitted values,
 * e.g. "Failing row contains (...)" or a unique key's values).
 */
const DATABASE_FIELDS = ['code', 'severity', 'constraint', 'table', 'column', 'schema', 'dataType', 'routine'] as const;

interface DatabaseErrorLike {
  code?: unknown;
  severity?: unknown;
  routine?: unknown;
}

/** A PostgreSQL error from the driver (pg's DatabaseError), by shape: SQLSTATE code and severity. */
function isDatabaseError(err: object): err is DatabaseErrorLike & Record<string, unknown> {
  const e = err as DatabaseErrorLike;
  return typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string';
}

const isErrorLike = (err: unknown): err is Error => typeof err === 'object' && err !== null && typeof (err as Error).message === 'string';

/** The class name; for an error already turned into a plain object, its recorded type. */
const typeOf = (err: Error) =>
  err.constructor && err.constructor !== Object ? err.constructor.name : String((err as { type?: unknown }).type ?? err.name ?? 'Error');

/** The stack's frames without its first line (which repeats the message). */
const framesOf = (stack: string | undefined) => (stack ?? '').split('\n').slice(1).join('\n');

export interface SafeError {
  type: string;
  message: string;
  stack?: string;
  database?: Record<string, unknown>;
  cause?: SafeError;
}

/**
 * The pino serializer for `err`: a database error is logged by its SQLSTATE, constraint and
 * table, without SQL, parameters or server message; other errors keep their message and stack.
 * Used for every log line of the app (docs/architecture.md, "Logs").
 */
export function safeError(err: unknown, depth = 0): SafeError {
  // By shape, not instanceof: errors may come from another realm (Node's internals under Jest's VM).
  if (!isErrorLike(err)) return { type: typeof err, message: 'non-Error value thrown' };
  const driver = err instanceof QueryFailedError ? (err.driverError as object) : isDatabaseError(err) ? err : undefined;
  if (driver && isDatabaseError(driver)) {
    const database = Object.fromEntries(DATABASE_FIELDS.filter((k) => driver[k] !== undefined).map((k) => [k, driver[k]]));
    return { type: typeOf(err), message: `database error ${String(driver.code)}`, stack: framesOf(err.stack), database };
  }
  const out: SafeError = { type: typeOf(err), message: err.message, stack: err.stack };
  if (err.cause !== undefined && depth < 3) out.cause = safeError(err.cause, depth + 1);
  return out;
}
