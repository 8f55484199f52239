import { ArgsType, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsISO8601, IsUUID } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { AuditEntity } from '../../audit/audit.enums';

export enum TimelineEventType {
  OBSERVATION = 'OBSERVATION',
  WAVE_OPENED = 'WAVE_OPENED',
  WAVE_CLOSED = 'WAVE_CLOSED',
  TIME_THIEF_REPORTED = 'TIME_THIEF_REPORTED',
  TIME_THIEF_UNDER_REVIEW = 'TIME_THIEF_UNDER_REVIEW',
  TIME_THIEF_REMOVED = 'TIME_THIEF_REMOVED',
  TIME_THIEF_KEPT = 'TIME_THIEF_KEPT',
  INDICATOR_INTRODUCED = 'INDICATOR_INTRODUCED',
  INDICATOR_RETIRED = 'INDICATOR_RETIRED',
  INSTRUMENT_IN_FORCE = 'INSTRUMENT_IN_FORCE',
  INSTRUMENT_EXPIRED = 'INSTRUMENT_EXPIRED',
  OBSTACLE_IDENTIFIED = 'OBSTACLE_IDENTIFIED',
  OBSTACLE_RAISED = 'OBSTACLE_RAISED',
  OBSTACLE_BEING_ADDRESSED = 'OBSTACLE_BEING_ADDRESSED',
  OBSTACLE_REMOVED = 'OBSTACLE_REMOVED',
  OBSTACLE_KEPT = 'OBSTACLE_KEPT',
  SUPERVISION = 'SUPERVISION',
  EFFECT_ASSESSED = 'EFFECT_ASSESSED',
}
registerEnumType(TimelineEventType, {
  name: 'TimelineEventType',
  description: 'What happened, in a pilot’s timeline.',
  valuesMap: {
    OBSERVATION: { description: 'A researcher’s observation.' },
    WAVE_OPENED: { description: 'A survey wave opened.' },
    WAVE_CLOSED: { description: 'A survey wave closed.' },
    TIME_THIEF_REPORTED: { description: 'A time thief was reported.' },
    TIME_THIEF_UNDER_REVIEW: { description: 'A time thief came under review.' },
    TIME_THIEF_REMOVED: { description: 'A time thief was removed.' },
    TIME_THIEF_KEPT: { description: 'A time thief was kept, with a reason.' },
    INDICATOR_INTRODUCED: { description: 'An indicator was introduced.' },
    INDICATOR_RETIRED: { description: 'An indicator was retired.' },
    INSTRUMENT_IN_FORCE: { description: 'A steering instrument came into force.' },
    INSTRUMENT_EXPIRED: { description: 'A steering instrument expired.' },
    OBSTACLE_IDENTIFIED: { description: 'An obstacle was identified (title: its description).' },
    OBSTACLE_RAISED: { description: 'An obstacle was raised with whoever can change it.' },
    OBSTACLE_BEING_ADDRESSED: { description: 'An obstacle began to be addressed.' },
    OBSTACLE_REMOVED: { description: 'An obstacle was removed.' },
    OBSTACLE_KEPT: { description: 'An obstacle was kept, with a reason.' },
    SUPERVISION: { description: 'A supervisory contact with one of the pilot’s organisations (title: its kind and the supervisor).' },
    EFFECT_ASSESSED: { description: 'An assessed effect, dated at the end of its period (title: aspect and direction).' },
  },
});

@ArgsType()
export class PilotTimelineArgs {
  @Field(() => ID)
  @IsUUID('all')
  pilotId: string;

  @Field(() => LocalDateResolver)
  @IsISO8601({ strict: true })
  from: string;

  @Field(() => LocalDateResolver)
  @IsISO8601({ strict: true })
  to: string;
}

@ObjectType({ description: 'Something that happened in or around a pilot, with a link to its record.' })
export class TimelineEvent {
  @Field(() => LocalDateResolver, { description: 'When it happened.' }) date: string;
  @Field(() => TimelineEventType, { description: 'What happened.' }) type: TimelineEventType;
  @Field({ description: 'Title, label, task or name of the record.' }) title: string;
  @Field(() => AuditEntity, { description: 'The kind of record (query it by entityId).' }) entity: AuditEntity;
  @Field(() => ID, { description: 'The record it is about.' }) entityId: string;
}
