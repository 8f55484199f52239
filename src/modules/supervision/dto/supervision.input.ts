import { ArgsType, Field, Float, ID, InputType, IntersectionType, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { VersionedCorrectionInput } from '../../../common/corrections/correction.input';
import { PageArgs } from '../../../common/pagination/connection';
import { ClientIdField } from '../../client-request/retryable.input';
import { RequestFrequency, SupervisionCharacter, SupervisionKind } from '../supervision.enums';

@InputType({
  description: 'A supervisory contact with an organisation (admins, its org reporters, and the researchers of the pilots it takes part in).',
})
export class RecordSupervisionInteractionInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => ID, { description: 'The supervised organisation (or unit).' })
  @IsUUID('all')
  organisationId: string;

  @Field(() => ID, { description: 'The supervisory agency (an organisation, typically of kind SUPERVISORY_AGENCY).' })
  @IsUUID('all')
  supervisorId: string;

  @Field(() => LocalDateResolver, { description: 'When it took place (or the request came).' })
  @IsISO8601({ strict: true })
  occurredOn: string;

  @Field(() => SupervisionKind, { description: 'What kind of contact it was.' })
  @IsEnum(SupervisionKind)
  kind: SupervisionKind;

  @Field({ defaultValue: '', description: 'What data was asked for (empty when none).' })
  @IsString()
  @MaxLength(5_000)
  dataRequested: string;

  @Field(() => RequestFrequency, { nullable: true, description: 'How often it is to be delivered.' })
  @IsOptional()
  @IsEnum(RequestFrequency)
  frequency?: RequestFrequency | null;

  @Field(() => Float, { description: 'Staff hours it took the supervised organisation.' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100_000)
  staffHours: number;

  @Field(() => ID, { nullable: true, description: 'Another supervisory contact that asked for the same data (so overlapping demands can be counted).' })
  @IsOptional()
  @IsUUID('all')
  overlapsInteractionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A steering instrument (e.g. a follow-up or a registry) that asks for the same data.' })
  @IsOptional()
  @IsUUID('all')
  overlapsInstrumentId?: string | null;

  @Field(() => SupervisionCharacter, { description: 'Controlling or enabling in character.' })
  @IsEnum(SupervisionCharacter)
  character: SupervisionCharacter;

  @Field({ defaultValue: '', description: 'The feedback the supervisor gave.' })
  @IsString()
  @MaxLength(20_000)
  feedback: string;

  @Field(() => Boolean, { nullable: true, description: 'Whether the feedback supported learning (leave out when not known).' })
  @IsOptional()
  @IsBoolean()
  supportedLearning?: boolean | null;
}

@InputType({ description: 'Corrects a supervisory contact (fields left out stay as they are), with the version you read and a reason.' })
export class UpdateSupervisionInteractionInput extends IntersectionType(
  VersionedCorrectionInput,
  PartialType(OmitType(RecordSupervisionInteractionInput, ['clientId', 'organisationId'] as const), { omitDefaultValues: true }),
) {}

@InputType({ description: 'Which supervisory contacts to list (all conditions must hold).' })
export class SupervisionInteractionFilter {
  @Field(() => ID, { nullable: true, description: 'With this organisation or one of its units.' })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;

  @Field(() => ID, { nullable: true, description: 'By this supervisory agency.' })
  @IsOptional()
  @IsUUID('all')
  supervisorId?: string;

  @Field(() => [SupervisionKind], { nullable: true, description: 'Of any of these kinds.' })
  @IsOptional()
  @IsEnum(SupervisionKind, { each: true })
  kind?: SupervisionKind[];

  @Field(() => Boolean, { nullable: true, description: 'true: only those overlapping another demand for the same data; false: only the others.' })
  @IsOptional()
  @IsBoolean()
  overlapping?: boolean;

  @Field(() => LocalDateResolver, { nullable: true, description: 'On or after this day.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'On or before this day.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

@ArgsType()
export class SupervisionInteractionsArgs extends PageArgs {
  @Field(() => SupervisionInteractionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SupervisionInteractionFilter)
  filter?: SupervisionInteractionFilter;
}
