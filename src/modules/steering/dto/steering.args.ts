import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { PageArgs } from '../../../common/pagination/connection';
import { GovernanceForm } from '../../framework/framework.enums';
import { InstrumentKind, MeasureType } from '../steering.enums';

@InputType()
export class SteeringInstrumentFilter {
  @Field(() => [InstrumentKind], { nullable: true }) @IsOptional() @IsEnum(InstrumentKind, { each: true })
  kind?: InstrumentKind[];

  @Field(() => [GovernanceForm], { nullable: true }) @IsOptional() @IsEnum(GovernanceForm, { each: true })
  governanceForm?: GovernanceForm[];

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all')
  imposedById?: string;

  @Field(() => ID, { nullable: true, description: 'Applies to this organisation: directly, or through an organisation above it.' }) @IsOptional() @IsUUID('all')
  appliesToId?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'In force on this date.' })
  @IsOptional() @IsISO8601({ strict: true })
  validOn?: string;

  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200)
  text?: string;
}

@ArgsType()
export class SteeringInstrumentsArgs extends PageArgs {
  @Field(() => SteeringInstrumentFilter, { nullable: true })
  @IsOptional() @ValidateNested() @Type(() => SteeringInstrumentFilter)
  filter?: SteeringInstrumentFilter;
}

@InputType()
export class IndicatorFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all')
  instrumentId?: string;

  @Field(() => [MeasureType], { nullable: true }) @IsOptional() @IsEnum(MeasureType, { each: true })
  measureType?: MeasureType[];

  @Field({ nullable: true }) @IsOptional() @IsBoolean()
  paymentDependent?: boolean;

  @Field(() => LocalDateResolver, { nullable: true, description: 'In force on this date (introduced, not yet retired).' })
  @IsOptional() @IsISO8601({ strict: true })
  inForceOn?: string;
}

@ArgsType()
export class IndicatorsArgs extends PageArgs {
  @Field(() => IndicatorFilter, { nullable: true })
  @IsOptional() @ValidateNested() @Type(() => IndicatorFilter)
  filter?: IndicatorFilter;
}
