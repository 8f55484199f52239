import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorCode } from './domain-error';

interface ConstraintRule {
  code: ErrorCode;
  field: string;
  message: string;
}

/**
 * Database constraints are the last guard. Each module registers, by constraint name, the error
 * a violation means to the user; the name never reaches the client, nor does any SQL.
 */
const rules = new Map<string, ConstraintRule>();

export function registerConstraints(map: Record<string, ConstraintRule>): void {
  for (const [name, rule] of Object.entries(map)) rules.set(name, rule);
}

interface PgErrorFields {
  code?: string;
  constraint?: string;
  column?: string;
}

/** A DomainError for a PostgreSQL error we understand, otherwise undefined (an internal error). */
export function translatePgError(err: unknown): DomainError | undefined {
  if (!(err instanceof QueryFailedError)) return undefined;
  const pg = err.driverError as PgErrorFields;
  const rule = pg.constraint ? rules.get(pg.constraint) : undefined;
  if (rule) return new DomainError(rule.code, `${rule.field}: ${rule.message}`, [rule]);
  switch (pg.code) {
    case '23505': // unique_violation
      return new DomainError('CONFLICT', 'A record with the same unique values already exists');
    case '23P01': // exclusion_violation
      return new DomainError('CONFLICT', 'This overlaps an existing record');
    case '23503': // foreign_key_violation
      return new DomainError('NOT_FOUND', 'A referenced record does not exist');
    case '23514': // check_violation
    case '23502': // not_null_violation
    case '22P02': // invalid_text_representation
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
    case '22003': // numeric_value_out_of_range
    case '22001': // string_data_right_truncation
      return new DomainError('BAD_USER_INPUT', 'The input breaks a data rule');
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
      return new DomainError('CONFLICT', 'A concurrent change got in the way; please retry');
    case '55P03': // lock_not_available: waited longer than DB_LOCK_TIMEOUT_MS
      return new DomainError('CONFLICT', 'Another change is holding this record; please retry in a moment');
    case '57014': // query_canceled: ran longer than DB_STATEMENT_TIMEOUT_MS
      return new DomainError('TIMEOUT', 'The request took longer than the server allows; narrow it (fewer rows, a shorter period) or retry later');
    default:
      return undefined;
  }
}
