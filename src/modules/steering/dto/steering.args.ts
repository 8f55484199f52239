import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { PageArgs } from '../../../common/pagination/connection';
import { GovernanceForm } from '../../framework/framework.enums';
import { InstrumentKind, MeasureType } from '../steering.enums';

@InputType({ description: 'Which instruments to list (all conditions must hold).' })
export class SteeringInstrumentFilter {
  @Field(() => [InstrumentKind], { nullable: true, description: 'Any of these kinds.' })
  @IsOptional()
  @IsEnum(InstrumentKind, { each: true })
  kind?: InstrumentKind[];

  @Field(() => [GovernanceForm], { nullable: true, description: 'Any of these governance forms.' })
  @IsOptional()
  @IsEnum(GovernanceForm, { each: true })
  governanceForm?: GovernanceForm[];

  @Field(() => ID, { nullable: true, description: 'Imposed by this organisation.' })
  @IsOptional()
  @IsUUID('all')
  imposedById?: string;

  @Field(() => ID, { nullable: true, description: 'Applies to this organisation: directly, or through an organisation above it.' })
  @IsOptional()
  @IsUUID('all')
  appliesToId?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'In force on this date.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  validOn?: string;

  @Field({ nullable: true, description: 'Case-insensitive substring of the name or description.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string;
}

@ArgsType()
export class SteeringInstrumentsArgs extends PageArgs {
  @Field(() => SteeringInstrumentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SteeringInstrumentFilter)
  filter?: SteeringInstrumentFilter;
}

@InputType({ description: 'Which indicators to list (all conditions must hold).' })
export class IndicatorFilter {
  @Field(() => ID, { nullable: true, description: 'Of this instrument.' })
  @IsOptional()
  @IsUUID('all')
  instrumentId?: string;

  @Field(() => [MeasureType], { nullable: true, description: 'Any of these measure types.' })
  @IsOptional()
  @IsEnum(MeasureType, { each: true })
  measureType?: MeasureType[];

  @Field({ nullable: true, description: 'Only those payment depends on (true) or not (false).' })
  @IsOptional()
  @IsBoolean()
  paymentDependent?: boolean;

  @Field(() => LocalDateResolver, { nullable: true, description: 'In force on this date (introduced, not yet retired).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  inForceOn?: string;
}

@ArgsType()
export class IndicatorsArgs extends PageArgs {
  @Field(() => IndicatorFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => IndicatorFilter)
  filter?: IndicatorFilter;
}
