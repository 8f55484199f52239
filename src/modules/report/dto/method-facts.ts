import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ReportMethodFacts', {
  description: 'What a pilot’s evaluation rests on, counted within what the reader may see: the data behind the background-and-method section.',
})
export class MethodFacts {
  @Field(() => ID, { description: 'The pilot.' }) pilotId: string;
  @Field(() => Int, { description: 'Field observations (not deleted).' }) observations: number;
  @Field(() => Int, { description: 'Coded passages of those observations.' }) codedSegments: number;
  @Field(() => Int, { description: 'Survey waves of the pilot.' }) waves: number;
  @Field(() => Int, { description: 'Burden reports by the pilot’s organisations and their units.' }) burdenReports: number;
  @Field(() => Int, { description: 'Time thieves reported by them.' }) timeThieves: number;
  @Field(() => Int, { description: 'Supervisory contacts with them.' }) supervisionInteractions: number;
  @Field(() => Int, { description: 'Obstacles recorded in the pilot.' }) obstacles: number;
  @Field(() => Int, { description: 'Assessed effects of the pilot.' }) effects: number;
  @Field(() => Int, { description: 'Idea-bank entries from the pilot.' }) ideas: number;
}
