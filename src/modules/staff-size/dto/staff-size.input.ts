import { Field, Float, ID, InputType, Int, IntersectionType, PartialType, PickType } from '@nestjs/graphql';
import { IsInt, IsISO8601, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { VersionedCorrectionInput } from '../../../common/corrections/correction.input';
import { ClientIdField } from '../../client-request/retryable.input';

@InputType({ description: "An organisation's staff over a period; periods of one organisation must not overlap." })
export class ReportStaffSizeInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => ID, { description: 'Usually a unit.' })
  @IsUUID('all')
  organisationId: string;

  @Field(() => LocalDateResolver, { description: 'The first day this size holds.' })
  @IsISO8601({ strict: true })
  validFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Leave out: until further notice.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  validTo?: string | null;

  @Field(() => Float, { description: 'Full-time equivalents, more than 0.' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(1_000_000)
  fte: number;

  @Field(() => Int, { nullable: true, description: 'People employed, part-time included.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  headcount?: number | null;
}

@InputType({
  description: 'Corrects a staff size (fields left out stay as they are; null clears validTo or headcount), with the version you read and a reason.',
})
export class UpdateStaffSizeInput extends IntersectionType(
  VersionedCorrectionInput,
  PartialType(PickType(ReportStaffSizeInput, ['validFrom', 'validTo', 'fte', 'headcount'] as const), { omitDefaultValues: true }),
) {}
