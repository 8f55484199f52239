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

@InputType()
export class CreateSteeringInstrumentInput {
  @ClientIdField()
  clientId?: string;

  @Field() @IsString() @IsNotEmpty() @MaxLength(300)
  name: string;

  @Field({ defaultValue: '' }) @IsString() @MaxLength(20_000)
  description: string;

  @Field(() => InstrumentKind) @IsEnum(InstrumentKind)
  kind: InstrumentKind;

  @Field(() => GovernanceForm) @IsEnum(GovernanceForm)
  governanceForm: GovernanceForm;

  @Field(() => CompensationPrinciple, { nullable: true, description: 'Only for COMPENSATION_MODEL.' })
  @IsOptional() @IsEnum(CompensationPrinciple)
  compensationPrinciple?: CompensationPrinciple | null;

  @Field(() => ID, { description: 'The organisation that imposes it (e.g. the government, a region).' })
  @IsUUID('all')
  imposedById: string;

  @Field(() => [ID], { description: 'The organisations it applies to.' })
  @ArrayMinSize(1) @ArrayMaxSize(5000) @ArrayUnique() @IsUUID('all', { each: true })
  appliesToIds: string[];

  @Field(() => LocalDateResolver) @IsISO8601({ strict: true })
  validFrom: string;

  @Field(() => LocalDateResolver, { nullable: true }) @IsOptional() @IsISO8601({ strict: true })
  validTo?: string | null;

  @Field(() => Float, { nullable: true, description: 'SEK; only for agreements and targeted grants.' })
  @IsOptional() @IsNumber({ maxDecimalPlaces: 0 }) @Min(0)
  amountSek?: number | null;

  @Field(() => String, { nullable: true, description: 'Conditions for the money; only for agreements and targeted grants.' })
  @IsOptional() @IsString() @MaxLength(20_000)
  conditions?: string | null;
}
