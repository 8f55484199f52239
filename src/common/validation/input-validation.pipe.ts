import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError, FieldProblem } from '../errors/domain-error';

class InputValidationFailed extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('input validation failed');
  }
}

/** Flattens class-validator's tree into dotted field paths (`input.participants.0.level`). */
export function fieldProblems(errors: ValidationError[], prefix?: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(new RegExp(`^${e.property}\\b`), field),
    }));
    return [...own, ...fieldProblems(e.children ?? [], field)];
  });
}

/**
 * Every string in the arguments, at any depth, without the NUL character: PostgreSQL cannot
 * store it in text, so it would otherwise fail deep in a query as an internal error.
 */
export function nulProblems(value: unknown, path?: string, depth = 0): FieldProblem[] {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? [{ field: path ?? 'input', message: `${path ?? 'input'} must not contain the NUL character (\\u0000)` }] : [];
  }
  // Inputs are plain data: GraphQL caps their depth, and nothing deeper than this is ours.
  if (depth > 20 || !value || typeof value !== 'object' || Buffer.isBuffer(value) || value instanceof Date) return [];
  const at = (k: string | number) => (path ? `${path}.${k}` : String(k));
  if (Array.isArray(value)) return value.flatMap((v, i) => nulProblems(v, at(i), depth + 1));
  return Object.entries(value).flatMap(([k, v]) => nulProblems(v, at(k), depth + 1));
}

/**
 * The global ValidationPipe (whitelist, forbidNonWhitelisted, transform), whose
 * failures become BAD_USER_INPUT with `extensions.fields` naming each field and why.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new InputValidationFailed(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Arguments, bodies and query strings; not the context or the caller (custom decorators).
    const nul = metadata.type === 'custom' ? [] : nulProblems(value, metadata.data || undefined);
    if (nul.length) throw new DomainError('BAD_USER_INPUT', nul.map((f) => f.message).join('; '), nul);
    try {
      return await super.transform(value, metadata);
    } catch (err) {
      if (!(err instanceof InputValidationFailed)) throw err;
      const fields = fieldProblems(err.errors, metadata.data || undefined);
      throw new DomainError('BAD_USER_INPUT', fields.map((f) => f.message).join('; '), fields);
    }
  }
}

/**
 * The same checks for an input built by a page from a form as the pipe makes on the API's
 * arguments (a page calls the services directly): BAD_USER_INPUT naming each field, or the
 * input as the class.
 */
export async function validInput<T extends object>(cls: new () => T, value: Record<string, unknown>, name = 'input'): Promise<T> {
  const nul = nulProblems(value, name);
  if (nul.length) throw new DomainError('BAD_USER_INPUT', nul.map((f) => f.message).join('; '), nul);
  const instance = plainToInstance(cls, value);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
  if (!errors.length) return instance;
  const fields = fieldProblems(errors, name);
  throw new DomainError('BAD_USER_INPUT', fields.map((f) => f.message).join('; '), fields);
}
