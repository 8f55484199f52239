import { ArgsType, Field, ID, InputType, IntersectionType, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { CorrectionInput, VersionedCorrectionInput } from '../../../common/corrections/correction.input';
import { PageArgs } from '../../../common/pagination/connection';
import { ClientIdField } from '../../client-request/retryable.input';
import { GovernanceForm, TrustMethod, TrustRelation } from '../../framework/framework.enums';
import { PilotSector, PilotTheme } from '../../pilot/pilot.enums';
import { IdeaStatus } from '../idea.entity';

const text = (description: string, max = 20_000) => [Field({ defaultValue: '', description }), IsString(), MaxLength(max)];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

@InputType({ description: 'A new idea-bank entry from a pilot (admins and the researchers following it); it starts as a DRAFT.' })
export class RecordIdeaInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => ID, { description: 'The pilot it comes from.' })
  @IsUUID('all')
  pilotId: string;

  @Field(() => [ID], { defaultValue: [], description: 'The organisations it comes from.' })
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  organisationIds: string[];

  @Field({ description: 'Its title.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @Field({ description: 'The problem it answers.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  problem: string;

  @Field({ description: 'What was done.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  whatWasDone: string;

  @apply(text('How to put it into practice: the steps.'))
  steps: string;

  @apply(text('What it needs in place first.'))
  preconditions: string;

  @apply(text('What it cost (time, money, people).'))
  cost: string;

  @apply(text('Pitfalls to avoid.'))
  pitfalls: string;

  @Field(() => [PilotTheme], { defaultValue: [], description: 'Its themes.' })
  @IsEnum(PilotTheme, { each: true })
  @ArrayUnique()
  themes: PilotTheme[];

  @Field(() => [PilotSector], { defaultValue: [], description: 'The sectors it comes from or suits.' })
  @IsEnum(PilotSector, { each: true })
  @ArrayUnique()
  sectors: PilotSector[];

  @Field(() => [TrustMethod], { defaultValue: [], description: 'The trust-based methods it exemplifies.' })
  @IsEnum(TrustMethod, { each: true })
  @ArrayUnique()
  methods: TrustMethod[];

  @Field(() => [GovernanceForm], { defaultValue: [], description: 'The governance forms it exemplifies.' })
  @IsEnum(GovernanceForm, { each: true })
  @ArrayUnique()
  forms: GovernanceForm[];

  @Field(() => [TrustRelation], { defaultValue: [], description: 'The trust relations it exemplifies.' })
  @IsEnum(TrustRelation, { each: true })
  @ArrayUnique()
  relations: TrustRelation[];
}

@InputType({ description: 'Corrects an idea (fields left out stay as they are), with the version you read and a reason.' })
export class UpdateIdeaInput extends IntersectionType(
  VersionedCorrectionInput,
  PartialType(OmitType(RecordIdeaInput, ['clientId', 'pilotId'] as const), { omitDefaultValues: true }),
) {}

@InputType({ description: 'Publishes a draft idea, with a reason: every signed-in user can then read it.' })
export class PublishIdeaInput extends CorrectionInput {}

@InputType({ description: 'Which ideas to list (all conditions must hold).' })
export class IdeaFilter {
  @Field({ nullable: true, description: 'Swedish full-text search in title, problem, what was done and the steps (web-search syntax).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  text?: string;

  @Field(() => [IdeaStatus], { nullable: true, description: 'In any of these statuses.' })
  @IsOptional()
  @IsEnum(IdeaStatus, { each: true })
  status?: IdeaStatus[];

  @Field(() => ID, { nullable: true, description: 'From this pilot.' })
  @IsOptional()
  @IsUUID('all')
  pilotId?: string;

  @Field(() => [TrustMethod], { nullable: true, description: 'Exemplifying any of these methods.' })
  @IsOptional()
  @IsEnum(TrustMethod, { each: true })
  methods?: TrustMethod[];

  @Field(() => [PilotTheme], { nullable: true, description: 'With any of these themes.' })
  @IsOptional()
  @IsEnum(PilotTheme, { each: true })
  themes?: PilotTheme[];
}

@ArgsType()
export class IdeasArgs extends PageArgs {
  @Field(() => IdeaFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => IdeaFilter)
  filter?: IdeaFilter;
}
