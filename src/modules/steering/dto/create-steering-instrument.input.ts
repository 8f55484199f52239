import { Field, Float, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEnum,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { CompensationPrinciple, GovernanceForm } from '../../framework/framework.enums';
import { InstrumentKind } from '../steering.enums';
import { ClientIdField } from '../../client-request/retryable.input';

@InputType({ description: 'A new steering instrument and the organisations it applies to.' })
export class CreateSteeringInstrumentInput {
  @ClientIdField()
  clientId?: string;

  @Field({ description: 'Its name.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @Field({ defaultValue: '', description: 'What it requires.' })
  @IsString()
  @MaxLength(20_000)
  description: string;

  @Field(() => InstrumentKind, {
    description: 'Law or regulation, state–SKL agreement, targeted grant, compensation model, supervision, the principal’s follow-up, quality registry, other.',
  })
  @IsEnum(InstrumentKind)
  kind: InstrumentKind;

  @Field(() => GovernanceForm, { description: 'The governance form it mainly belongs to.' })
  @IsEnum(GovernanceForm)
  governanceForm: GovernanceForm;

  @Field(() => CompensationPrinciple, { nullable: true, description: 'Only for COMPENSATION_MODEL.' })
  @IsOptional()
  @IsEnum(CompensationPrinciple)
  compensationPrinciple?: CompensationPrinciple | null;

  @Field(() => ID, { description: 'The organisation that imposes it (e.g. the government, a region).' })
  @IsUUID('all')
  imposedById: string;

  @Field(() => [ID], { description: 'The organisations it applies to.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  appliesToIds: string[];

  @Field(() => LocalDateResolver, { description: 'The first day it is in force.' })
  @IsISO8601({ strict: true })
  validFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The last day it is in force; leave out while it is.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  validTo?: string | null;

  @Field(() => Float, { nullable: true, description: 'SEK; only for agreements and targeted grants.' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 0 })
  @Min(0)
  amountSek?: number | null;

  @Field(() => String, { nullable: true, description: 'Conditions for the money; only for agreements and targeted grants.' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  conditions?: string | null;
}
