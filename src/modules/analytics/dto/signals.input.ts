import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { SurveyDimension } from '../../survey/survey.enums';
import { CodeDimension } from './codes.input';
import { Bucket } from './series.input';

@InputType()
export class CodeRefInput {
  @Field(() => CodeDimension) @IsEnum(CodeDimension)
  dimension: CodeDimension;

  @Field({ description: 'The code, e.g. LESS_DETAIL_STEERING or STRENGTHENS.' }) @IsString() @MaxLength(60)
  code: string;
}

@InputType()
export class PilotSignalsInput {
  @Field(() => ID) @IsUUID('all')
  pilotId: string;

  @Field(() => LocalDateResolver) @IsISO8601({ strict: true })
  from: string;

  @Field(() => LocalDateResolver) @IsISO8601({ strict: true })
  to: string;

  @Field(() => Bucket, { defaultValue: Bucket.QUARTER }) @IsEnum(Bucket)
  bucket: Bucket;

  @Field(() => [CodeRefInput], { defaultValue: [], description: 'Observation codes to count per bucket.' })
  @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => CodeRefInput)
  codes: CodeRefInput[];

  @Field(() => [SurveyDimension], { nullable: true, description: 'Default: decision authority, time for core work, administrative burden.' })
  @IsOptional() @ArrayUnique() @IsEnum(SurveyDimension, { each: true })
  dimensions?: SurveyDimension[];

  @Field(() => ID, { nullable: true, description: 'Survey instrument (default: the shipped one).' }) @IsOptional() @IsUUID('all')
  instrumentId?: string;
}

@ArgsType()
export class PilotSignalsArgs {
  @Field(() => PilotSignalsInput) @ValidateNested() @Type(() => PilotSignalsInput)
  input: PilotSignalsInput;
}

@ObjectType()
export class CodeCount {
  @Field(() => CodeDimension) dimension: CodeDimension;
  @Field() code: string;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'A wave that opened in the bucket: its scores (suppressed groups have no mean).' })
export class DiscretionPoint {
  @Field() waveLabel: string;
  @Field(() => SurveyDimension) dimension: SurveyDimension;
  @Field(() => Int, { nullable: true }) n: number | null;
  @Field(() => Float, { nullable: true }) mean: number | null;
  @Field() suppressed: boolean;
}

@ObjectType({ description: 'One time bucket of a pilot, every signal side by side.' })
export class PilotSignalsBucket {
  @Field(() => LocalDateResolver) bucketStart: string;
  @Field(() => LocalDateResolver) bucketEnd: string;
  @Field(() => Int, { description: 'Observations logged for the pilot that the caller may count (org reporters: those in their own organisation and units).', nullable: true })
  observations: number | null;
  @Field(() => [CodeCount], { description: 'Observations carrying each requested code.' }) codeCounts: CodeCount[];
  @Field(() => Float, { description: 'Staff hours on indicator reporting in the pilot’s organisations (pro rata).' }) burdenHours: number;
  @Field(() => Int, { description: 'Distinct indicators in force for the pilot’s organisations.' }) indicatorsInForce: number;
  @Field(() => Int) timeThievesRemoved: number;
  @Field(() => Float) hoursFreedPerWeek: number;
  @Field(() => [DiscretionPoint], { description: 'Survey waves of the pilot that opened in the bucket.' }) discretion: DiscretionPoint[];
}
