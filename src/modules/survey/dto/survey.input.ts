import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { PageArgs } from '../../../common/pagination/connection';
import { RespondentCategory, ScaleKind, SurveyDimension, TenureBand } from '../survey.enums';
import { ClientIdField } from '../../client-request/retryable.input';
import { CorrectionInput } from '../../../common/corrections/correction.input';

export const MAX_BATCH = 10_000;

@InputType({ description: 'One question of a new instrument.' })
export class SurveyItemInput {
  @Field({ description: 'Short stable key, e.g. "D1" (letters, digits, _).' })
  @Matches(/^[A-Za-z][A-Za-z0-9_]{0,19}$/, { message: 'code must be 1–20 letters, digits or _, starting with a letter' })
  code: string;

  @Field({ description: 'The question in Swedish.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  textSv: string;

  @Field({ description: 'The question in English.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  textEn: string;

  @Field(() => SurveyDimension, { description: 'What it measures.' })
  @IsEnum(SurveyDimension)
  dimension: SurveyDimension;

  @Field(() => ScaleKind, { description: 'How it is answered.' })
  @IsEnum(ScaleKind)
  scale: ScaleKind;

  @Field(() => [String], { nullable: true, description: 'LIKERT_5: five labels, for 1 to 5.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(5)
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  labelsSv?: string[];

  @Field(() => [String], { nullable: true, description: 'The five answer labels in English (Likert items).' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(5)
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  labelsEn?: string[];

  @Field(() => Float, { nullable: true, description: 'NUMBER: smallest allowed answer.' })
  @IsOptional()
  @IsNumber()
  min?: number;

  @Field(() => Float, { nullable: true, description: 'NUMBER: largest allowed answer.' })
  @IsOptional()
  @IsNumber()
  max?: number;

  @Field({ defaultValue: false, description: 'Whether agreeing means less of the dimension (scored 100 − x).' })
  @IsBoolean()
  reverseScored: boolean;
}

@InputType({ description: 'A new instrument, or (same name) the next version of one.' })
export class CreateSurveyInstrumentInput {
  @ClientIdField()
  clientId?: string;

  @Field({ description: 'Its name; an existing name makes a new version.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @Field({ defaultValue: '', description: 'What it measures and how.' })
  @IsString()
  @MaxLength(20_000)
  description: string;

  @Field({ defaultValue: '', description: 'What respondents read first, in Swedish.' })
  @IsString()
  @MaxLength(5_000)
  introductionSv: string;

  @Field({ defaultValue: '', description: 'What respondents read first, in English.' })
  @IsString()
  @MaxLength(5_000)
  introductionEn: string;

  @Field(() => [SurveyItemInput], { description: 'Its questions, in order.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SurveyItemInput)
  items: SurveyItemInput[];
}

@InputType({ description: 'A new survey wave: a pilot’s staff answer an instrument between two dates.' })
export class OpenSurveyWaveInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => ID, { description: 'The pilot.' })
  @IsUUID('all')
  pilotId: string;

  @Field(() => ID, { description: 'The instrument version to use.' })
  @IsUUID('all')
  instrumentId: string;

  @Field({ description: 'e.g. "Baseline", "Follow-up 1".' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  label: string;

  @Field(() => LocalDateResolver, { description: 'The first day answers are taken.' })
  @IsISO8601({ strict: true })
  opensOn: string;

  @Field(() => LocalDateResolver, { description: 'The last day answers are taken.' })
  @IsISO8601({ strict: true })
  closesOn: string;

  @Field(() => [ID], { description: 'The units whose staff answer: organisations in the pilot, or their units.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  unitIds: string[];

  @Field(() => [RespondentCategory], { nullable: true, description: 'Only these respondent categories are asked for (default: every one).' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(RespondentCategory, { each: true })
  respondentCategories?: RespondentCategory[] | null;

  @Field({ nullable: true, description: 'Whether to ask respondents their tenure band (default true).' })
  @IsOptional()
  @IsBoolean()
  asksTenureBand?: boolean;
}

@InputType({ description: 'Stops a wave taking responses now, before closesOn, with a reason.' })
export class CloseSurveyWaveInput extends CorrectionInput {}

@InputType({ description: 'Lets a closed wave take responses again, with a reason.' })
export class ReopenSurveyWaveInput extends CorrectionInput {
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "A new last day; required when the wave's closesOn has passed (it must be today or later).",
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  closesOn?: string | null;
}

@InputType({ description: 'Deletes a wave that has no responses (not even withdrawn ones), with a reason.' })
export class DeleteSurveyWaveInput extends CorrectionInput {}

@InputType({ description: 'One anonymous response. Nothing here may identify the respondent.' })
export class SurveyResponseInput {
  @Field(() => ID, { nullable: true, description: 'Your UUID for this response: resubmitting it is a no-op.' })
  @IsOptional()
  @IsUUID('all')
  clientId?: string;

  @Field(() => ID, { description: 'The respondent’s unit: one the wave targets.' })
  @IsUUID('all')
  unitId: string;

  @Field(() => RespondentCategory, { description: 'The respondent’s position.' })
  @IsEnum(RespondentCategory)
  category: RespondentCategory;

  @Field(() => TenureBand, { nullable: true, description: 'Years in the current kind of work, if asked.' })
  @IsOptional()
  @IsEnum(TenureBand)
  tenureBand?: TenureBand | null;

  @Field(() => String, { nullable: true, description: 'Optional key to follow the same person across waves; stored only as a keyed hash.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  panelKey?: string | null;

  @Field(() => [Float], { nullable: 'items', description: 'One per item, in item order; null for a missing answer.' })
  @IsArray()
  @ArrayMaxSize(200)
  answers: (number | null)[];
}

@InputType({ description: 'A batch of anonymous responses to one wave.' })
export class SubmitSurveyResponsesInput {
  @Field(() => ID, { description: 'The wave, open today.' })
  @IsUUID('all')
  waveId: string;

  @Field(() => [SurveyResponseInput], { description: `1 to ${MAX_BATCH} responses, stored all or none.` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH)
  @ValidateNested({ each: true })
  @Type(() => SurveyResponseInput)
  responses: SurveyResponseInput[];

  @Field(() => ID, { nullable: true, description: 'Your id for this batch (a UUID): sent again, the batch is recognised and nothing is stored twice.' })
  @IsOptional()
  @IsUUID('all')
  clientId?: string;
}

@InputType({ description: 'Withdraws or restores a whole batch of responses (admins), with a reason.' })
export class CorrectSurveyBatchInput extends CorrectionInput {}

@InputType({ description: 'Which waves to list (all conditions must hold).' })
export class SurveyWaveFilter {
  @Field(() => ID, { nullable: true, description: 'Of this pilot.' })
  @IsOptional()
  @IsUUID('all')
  pilotId?: string;

  @Field(() => ID, { nullable: true, description: 'Using this instrument.' })
  @IsOptional()
  @IsUUID('all')
  instrumentId?: string;
}

@ArgsType()
export class SurveyWavesArgs extends PageArgs {
  @Field(() => SurveyWaveFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SurveyWaveFilter)
  filter?: SurveyWaveFilter;
}
