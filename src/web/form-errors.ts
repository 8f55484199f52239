import type { DomainError, FieldProblem } from '../common/errors/domain-error';

/**
 * A service's or an input class's refusal as messages by form field: a problem of `input.<name>`
 * for one of the form's `fields` goes beside that field (as `message` words it, by default the
 * problem's own message); every other problem, or the error itself, to the top of the form.
 */
export function formErrors<K extends string>(
  e: DomainError,
  fields: readonly string[],
  message: (f: FieldProblem) => string = (f) => f.message,
): Partial<Record<K | 'form', string>> {
  const errors: Partial<Record<K | 'form', string>> = {};
  for (const f of e.fields.length ? e.fields : [{ field: 'form', message: e.message }]) {
    const name = f.field.replace(/^input\./, '') as K;
    if (fields.includes(name)) errors[name] = message(f);
    else errors.form = f.message;
  }
  return errors;
}
