import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { CodedSegmentEntity } from '../../observation/coded-segment.entity';
import { ObservationEntity } from '../../observation/observation.entity';
import { OrganisationEntity } from '../../organisation/organisation.entity';
import { IndicatorEntity } from '../../steering/indicator.entity';
import { SupervisionInteractionEntity } from '../../supervision/supervision.entity';
import { SurveyWaveEntity } from '../../survey/survey-wave.entity';
import { TimeThiefEntity } from '../../time-thief/time-thief.entity';
import { EvidenceKind } from '../evidence.enums';

@ObjectType('EvidenceItem', {
  description:
    'A piece of evidence behind a finding. When it is something you may not see, it is withheld: only its kind shows, never its content or the note on it.',
})
export class EvidenceItem {
  @Field(() => ID, { description: 'The link’s id (to take it back with unlinkEvidence).' }) id: string;
  @Field(() => EvidenceKind, { description: 'What the evidence is.' }) kind: EvidenceKind;
  @Field({ description: 'True when you may not see it (or it is gone): everything below is then null.' }) withheld: boolean;
  @Field(() => String, { nullable: true, description: 'Why it is evidence, in the linking researcher’s words.' }) note: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When it was linked.' }) linkedAt: Date;
  @Field(() => ObservationEntity, { nullable: true, description: 'OBSERVATION: the observation.' }) observation: ObservationEntity | null;
  @Field(() => CodedSegmentEntity, { nullable: true, description: 'SEGMENT: the coded passage (its quote is the evidence quoted).' })
  segment: CodedSegmentEntity | null;
  @Field(() => TimeThiefEntity, { nullable: true, description: 'TIME_THIEF: the time thief.' }) timeThief: TimeThiefEntity | null;
  @Field(() => SupervisionInteractionEntity, { nullable: true, description: 'SUPERVISION: the supervisory contact.' })
  supervisionInteraction: SupervisionInteractionEntity | null;
  @Field(() => SurveyWaveEntity, { nullable: true, description: 'DISCRETION_RESULTS: the wave (its results: discretionResults with this wave).' })
  wave: SurveyWaveEntity | null;
  @Field(() => IndicatorEntity, { nullable: true, description: 'BURDEN_SERIES: the indicator (null: all indicators of the unit).' })
  indicator: IndicatorEntity | null;
  @Field(() => OrganisationEntity, { nullable: true, description: 'BURDEN_SERIES: the unit (null: every unit you may see).' })
  organisation: OrganisationEntity | null;
}
