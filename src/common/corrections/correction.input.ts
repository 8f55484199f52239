import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min } from 'class-validator';

export const REASON_MAX = 2_000;

/**
 * The reason a correcting mutation requires: trimmed, not blank, at most 2,000 characters. It
 * goes into the audit trail with the values before and after, and stays with a withdrawn row.
 */
export const ReasonField = (description = 'Why (required; kept in the audit trail).') =>
  applyDecorators(
    Field({ description }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    IsNotEmpty({ message: 'reason must say why: it is required and must not be blank' }),
    MaxLength(REASON_MAX),
  );

/** A correction of one record: which, and why. Each mutation names its own subclass. */
@InputType({ isAbstract: true })
export class CorrectionInput {
  @Field(() => ID, { description: 'The record to correct.' })
  @IsUUID('all')
  id: string;

  @ReasonField()
  reason: string;
}

/** A correction of a versioned record: also the version it was made from. */
@InputType({ isAbstract: true })
export class VersionedCorrectionInput extends CorrectionInput {
  @Field(() => Int, { description: 'The version you are correcting; if the record has changed since, CONFLICT with its current version.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType({ description: 'Removes a record by its id, with a reason (kept in the audit trail with the removed values).' })
export class RemoveByIdInput extends CorrectionInput {}
