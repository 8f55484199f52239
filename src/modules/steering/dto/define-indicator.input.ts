import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { AggregationLevel, MeasureType, ReportingFrequency } from '../steering.enums';
import { ClientIdField } from '../../client-request/retryable.input';

@InputType({ description: 'A new indicator of a steering instrument.' })
export class DefineIndicatorInput {
  @ClientIdField()
  clientId?: string;

  @Field({ description: 'Its name.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @Field({ defaultValue: '', description: 'What is measured, and how.' })
  @IsString()
  @MaxLength(20_000)
  description: string;

  @Field(() => ID, { description: 'The instrument that requires it.' })
  @IsUUID('all')
  instrumentId: string;

  @Field(() => MeasureType, { description: 'Structure, process or result measure.' })
  @IsEnum(MeasureType)
  measureType: MeasureType;

  @Field(() => AggregationLevel, { description: 'The level it is aggregated to.' })
  @IsEnum(AggregationLevel)
  aggregationLevel: AggregationLevel;

  @Field(() => ReportingFrequency, { description: 'How often it is reported.' })
  @IsEnum(ReportingFrequency)
  reportingFrequency: ReportingFrequency;

  @Field({ defaultValue: false, description: 'Whether payment depends on it (prestationsbaserade medel).' })
  @IsBoolean()
  paymentDependent: boolean;

  @Field(() => LocalDateResolver, { description: 'The first day it is in force.' })
  @IsISO8601({ strict: true })
  introducedOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The last day it is in force; leave out while it is.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  retiredOn?: string | null;
}
