import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type as TransformType } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { SeriesInput } from './series.input';

@InputType({
  description: 'Supervision load per supervised organisation (or its ancestor at organisationDepth) over time, in the caller’s scope (D:561–635).',
})
export class SupervisionLoadInput extends SeriesInput {}

@ArgsType()
export class SupervisionLoadArgs {
  @Field(() => SupervisionLoadInput)
  @ValidateNested()
  @TransformType(() => SupervisionLoadInput)
  input: SupervisionLoadInput;
}

@ObjectType('SupervisionLoadRow', { description: 'The supervision one organisation had in one bucket (only buckets with any).' })
export class SupervisionLoadRow {
  @Field(() => LocalDateResolver, { description: 'The bucket’s first day (clipped to from).' }) bucketStart: string;
  @Field(() => LocalDateResolver, { description: 'The bucket’s last day (clipped to to).' }) bucketEnd: string;
  @Field(() => ID, { description: 'The supervised organisation (or its ancestor at organisationDepth).' }) organisationId: string;
  @Field(() => Int, { description: 'Supervisory contacts.' }) interactions: number;
  @Field(() => Float, { description: 'Staff hours they took.' }) staffHours: number;
  @Field(() => Int, { description: 'Contacts that asked for data.' }) dataRequests: number;
  @Field(() => Int, { description: 'Contacts asking for data that another supervisor or instrument also asks for (D:564–576).' }) overlapping: number;
  @Field(() => Float, { description: 'Staff hours spent on those overlapping contacts.' }) overlappingStaffHours: number;
  @Field(() => Int, { description: 'Contacts that were enabling (or mixed) in character.' }) enabling: number;
  @Field(() => Int, { description: 'Contacts whose feedback supported learning.' }) supportedLearning: number;
  @Field(() => Int, { description: 'Distinct supervisory agencies.' }) supervisors: number;
}
