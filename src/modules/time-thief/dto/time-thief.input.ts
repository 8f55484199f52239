import { ArgsType, Field, ID, InputType, Int, IntersectionType, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { PageArgs } from '../../../common/pagination/connection';
import { TimeThiefStatus } from '../time-thief.enums';
import { ClientIdField } from '../../client-request/retryable.input';
import { CorrectionInput, VersionedCorrectionInput } from '../../../common/corrections/correction.input';

@InputType({ description: 'A task that takes time from the core work without good reason (tidstjuv).' })
export class ReportTimeThiefInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => ID, { description: 'Where the time is lost.' })
  @IsUUID('all')
  organisationId: string;

  @Field({ description: 'The task, e.g. a deviation report when a visit runs two minutes over.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  task: string;

  @Field({ defaultValue: '', description: 'The work process it belongs to.' })
  @IsString()
  @MaxLength(300)
  process: string;

  @Field(() => ID, { nullable: true, description: 'The steering instrument that imposes it, if known.' })
  @IsOptional()
  @IsUUID('all')
  imposedByInstrumentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organisation that imposes it, if known.' })
  @IsOptional()
  @IsUUID('all')
  imposedByOrganisationId?: string | null;

  @Field(() => Int, { description: 'Minutes per week it takes for each affected staff member.' })
  @IsInt()
  @Min(0)
  @Max(60 * 24 * 7)
  minutesPerWeek: number;

  @Field(() => Int, { description: 'How many staff it takes time from.' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  staffAffected: number;

  @Field({ defaultValue: '', description: 'What would remove or ease it.' })
  @IsString()
  @MaxLength(20_000)
  proposedRemedy: string;

  @Field(() => LocalDateResolver, { description: 'When it was reported.' })
  @IsISO8601({ strict: true })
  reportedOn: string;
}

@InputType({ description: 'A dated status change of a time thief.' })
export class UpdateTimeThiefStatusInput {
  @Field(() => ID, { description: 'The time thief.' })
  @IsUUID('all')
  id: string;

  @Field(() => TimeThiefStatus, { description: 'The new status.' })
  @IsEnum(TimeThiefStatus)
  status: TimeThiefStatus;

  @Field(() => String, { nullable: true, description: 'Required for KEPT.' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  reason?: string | null;

  @Field(() => LocalDateResolver, { description: 'When the change took effect; not before the previous change.' })
  @IsISO8601({ strict: true })
  changedOn: string;
}

@InputType({
  description:
    'Corrects a time thief (fields left out stay as they are; null clears imposedBy…), with the version you read and a reason; the earlier values stay in its history. A wrong organisation or date: withdraw it and report it again.',
})
export class UpdateTimeThiefInput extends IntersectionType(
  VersionedCorrectionInput,
  PartialType(OmitType(ReportTimeThiefInput, ['clientId', 'organisationId', 'reportedOn'] as const), { omitDefaultValues: true }),
) {}

@InputType({ description: 'Takes a time thief reported by mistake out of every list and result; it stays in history, with the reason, and can be restored.' })
export class WithdrawTimeThiefInput extends CorrectionInput {}

@InputType({ description: 'Brings a withdrawn time thief back, with a reason.' })
export class RestoreTimeThiefInput extends CorrectionInput {}

@InputType({ description: 'Which time thieves to list (all conditions must hold).' })
export class TimeThiefFilter {
  @Field(() => ID, { nullable: true, description: 'This organisation and its units.' })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;

  @Field(() => [TimeThiefStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @IsEnum(TimeThiefStatus, { each: true })
  status?: TimeThiefStatus[];

  @Field(() => ID, { nullable: true, description: 'Imposed by this instrument.' })
  @IsOptional()
  @IsUUID('all')
  instrumentId?: string;

  @Field({ nullable: true, defaultValue: false, description: 'Only withdrawn ones (admins, and those who report for the organisation).' })
  @IsOptional()
  @IsBoolean()
  withdrawn?: boolean;
}

@ArgsType()
export class TimeThievesArgs extends PageArgs {
  @Field(() => TimeThiefFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TimeThiefFilter)
  filter?: TimeThiefFilter;
}
