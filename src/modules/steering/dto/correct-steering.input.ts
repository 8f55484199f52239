import { Field, ID, InputType, IntersectionType, PartialType, PickType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { VersionedCorrectionInput } from '../../../common/corrections/correction.input';
import { CreateSteeringInstrumentInput } from './create-steering-instrument.input';
import { DefineIndicatorInput } from './define-indicator.input';

@InputType({
  description:
    'Corrects an indicator, or retires it (retiredOn: "färre och mer samlade mått"). Fields left out stay as they are; null clears retiredOn. Needs the version you read and a reason.',
})
export class UpdateIndicatorInput extends IntersectionType(
  VersionedCorrectionInput,
  PartialType(PickType(DefineIndicatorInput, ['name', 'description', 'reportingFrequency', 'paymentDependent', 'introducedOn', 'retiredOn'] as const), {
    omitDefaultValues: true,
  }),
) {}

@InputType({
  description:
    'Corrects a steering instrument. Fields left out stay as they are; null clears an optional one (validTo, amountSek, conditions, compensationPrinciple). Needs the version you read and a reason.',
})
export class UpdateSteeringInstrumentInput extends IntersectionType(
  VersionedCorrectionInput,
  PartialType(
    PickType(CreateSteeringInstrumentInput, [
      'name',
      'description',
      'kind',
      'governanceForm',
      'compensationPrinciple',
      'imposedById',
      'validFrom',
      'validTo',
      'amountSek',
      'conditions',
    ] as const),
    { omitDefaultValues: true },
  ),
) {
  @Field(() => [ID], { nullable: true, description: 'Replaces the organisations it applies to.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  appliesToIds?: string[];
}

@InputType({ description: "Ends a steering instrument's validity: the last day it is in force, with a reason." })
export class CloseSteeringInstrumentInput extends VersionedCorrectionInput {
  @Field(() => LocalDateResolver, { description: 'The last day it is in force; not before validFrom.' })
  @IsISO8601({ strict: true })
  validTo: string;
}
