import type { LoggerOptions } from 'pino';
import { safeError } from './safe-error';

/**
 * What every pino logger of the app shares: errors through `safeError` (no SQL, parameters or
 * database messages), and no request bodies, headers with credentials or cookies.
 */
export const baseLogOptions = (level: string): LoggerOptions => ({
  level,
  serializers: { err: safeError },
  redact: ['req.headers.authorization', 'req.headers.cookie'],
});
