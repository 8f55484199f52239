import { EffectAspect, EffectDirection, EvidenceStrength } from '../../effect/effect.enums';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { SurveyDimension } from '../../survey/survey.enums';
import { CodeDimension } from './codes.input';
import { Bucket } from './series.input';

@InputType({ description: 'One framework code: its dimension and value.' })
export class CodeRefInput {
  @Field(() => CodeDimension, { description: 'The code’s dimension.' })
  @IsEnum(CodeDimension)
  dimension: CodeDimension;

  @Field({ description: 'The code as codeFrequencies returns it, e.g. STRENGTHENS, or LESS_DETAIL_STEERING:INTRODUCED_OR_STRENGTHENED for a method.' })
  @IsString()
  @MaxLength(100)
  code: string;
}

@InputType({ description: 'One pilot, one period, cut into buckets.' })
export class PilotSignalsInput {
  @Field(() => ID, { description: 'The pilot.' })
  @IsUUID('all')
  pilotId: string;

  @Field(() => LocalDateResolver, { description: 'The first day (the first bucket is clipped to it).' })
  @IsISO8601({ strict: true })
  from: string;

  @Field(() => LocalDateResolver, { description: 'The last day (the last bucket is clipped to it).' })
  @IsISO8601({ strict: true })
  to: string;

  @Field(() => Bucket, { defaultValue: Bucket.QUARTER, description: 'Calendar months, quarters or years.' })
  @IsEnum(Bucket)
  bucket: Bucket;

  @Field(() => [CodeRefInput], { defaultValue: [], description: 'Observation codes to count per bucket.' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CodeRefInput)
  codes: CodeRefInput[];

  @Field(() => [SurveyDimension], { nullable: true, description: 'Default: decision authority, time for core work, administrative burden.' })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(SurveyDimension, { each: true })
  dimensions?: SurveyDimension[];

  @Field(() => ID, { nullable: true, description: 'Survey instrument (default: the shipped one).' })
  @IsOptional()
  @IsUUID('all')
  instrumentId?: string;
}

@ArgsType()
export class PilotSignalsArgs {
  @Field(() => PilotSignalsInput)
  @ValidateNested()
  @Type(() => PilotSignalsInput)
  input: PilotSignalsInput;
}

@ObjectType({ description: 'How many observations carry one code.' })
export class CodeCount {
  @Field(() => CodeDimension, { description: 'The code’s dimension.' }) dimension: CodeDimension;
  @Field({ description: 'The code.' }) code: string;
  @Field(() => Int, { description: 'Observations carrying it.' }) count: number;
}

@ObjectType({ description: 'A wave that opened in the bucket: its scores (suppressed groups have no mean).' })
export class DiscretionPoint {
  @Field({ description: 'The wave that opened in the bucket.' }) waveLabel: string;
  @Field(() => SurveyDimension, { description: 'The dimension scored.' }) dimension: SurveyDimension;
  @Field(() => Int, { nullable: true, description: 'Respondents (perturbed); null when suppressed.' }) n: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean score 0–100 (perturbed); null when suppressed.' }) mean: number | null;
  @Field({ description: 'Too few respondents to publish.' }) suppressed: boolean;
}

@ObjectType({ description: 'An effect of the pilot assessed for a period ending in the bucket.' })
export class EffectPoint {
  @Field(() => ID, { description: 'The effect (query it with effect).' }) effectId: string;
  @Field(() => EffectAspect, { description: 'What it is on.' }) aspect: EffectAspect;
  @Field(() => EffectDirection, { description: 'Which way it goes.' }) direction: EffectDirection;
  @Field(() => EvidenceStrength, { description: 'How strong the evidence is.' }) evidenceStrength: EvidenceStrength;
}

@ObjectType({ description: 'One time bucket of a pilot, every signal side by side.' })
export class PilotSignalsBucket {
  @Field(() => LocalDateResolver, { description: 'The bucket’s first day.' }) bucketStart: string;
  @Field(() => LocalDateResolver, { description: 'The bucket’s last day.' }) bucketEnd: string;
  @Field(() => Int, {
    description: 'Observations logged for the pilot that the caller may count (org reporters: those in their own organisation and units).',
    nullable: true,
  })
  observations: number | null;
  @Field(() => [CodeCount], { description: 'Observations carrying each requested code.' }) codeCounts: CodeCount[];
  @Field(() => Float, { description: 'Staff hours on indicator reporting in the pilot’s organisations (pro rata).' }) burdenHours: number;
  @Field(() => Int, { description: 'Distinct indicators in force for the pilot’s organisations.' }) indicatorsInForce: number;
  @Field(() => Int, { description: 'Time thieves removed in the pilot’s organisations in the bucket.' }) timeThievesRemoved: number;
  @Field(() => Float, { description: 'Staff hours per week those removals freed.' }) hoursFreedPerWeek: number;
  @Field(() => [DiscretionPoint], { description: 'Survey waves of the pilot that opened in the bucket.' }) discretion: DiscretionPoint[];
  @Field(() => Int, { description: 'Obstacles of the pilot raised with whoever can change them in the bucket (that the caller may see).' })
  obstaclesRaised: number;
  @Field(() => Int, { description: 'Obstacles of the pilot removed in the bucket (that the caller may see).' }) obstaclesRemoved: number;
  @Field(() => Int, { description: 'Supervisory contacts with the pilot’s organisations in the bucket.' }) supervisionInteractions: number;
  @Field(() => Float, { description: 'Staff hours those contacts took.' }) supervisionHours: number;
  @Field(() => Int, { description: 'Of those contacts, the ones repeating another demand for the same data.' }) overlappingSupervision: number;
  @Field(() => [EffectPoint], { description: 'Effects assessed for periods ending in the bucket (admins, analysts, the pilot’s researchers).' })
  effects: EffectPoint[];
}
