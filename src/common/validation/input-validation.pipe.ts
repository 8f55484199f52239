import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
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
 * The global ValidationPipe of ARCHITECTURE.md (whitelist, forbidNonWhitelisted, transform), whose
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
    try {
      return await super.transform(value, metadata);
    } catch (err) {
      if (!(err instanceof InputValidationFailed)) throw err;
      const fields = fieldProblems(err.errors, metadata.data || undefined);
      throw new DomainError('BAD_USER_INPUT', fields.map((f) => f.message).join('; '), fields);
    }
  }
}
