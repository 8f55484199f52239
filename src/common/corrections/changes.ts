import { badInput, conflict } from '../errors/domain-error';

/**
 * The fields a partial update sets: those left out (undefined) keep their value; null clears an
 * optional field and is refused, naming the field, for a required one.
 */
export function changesOf<T extends object>(fields: T, required: readonly (keyof T & string)[]): Partial<T> {
  for (const key of required) if (fields[key] === null) throw badInput(`input.${key}`, 'cannot be null: leave it out to keep the current value');
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The optimistic lock of a versioned record: a correction made from an older version is refused. */
export function assertVersion(what: string, current: number, expected: number): void {
  if (current !== expected) {
    throw conflict(
      `The ${what} is at version ${current}, not ${expected}: someone changed it since you read it; read it again and redo your correction`,
      'input.expectedVersion',
    );
  }
}
