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
}
registerEnumType(TimelineEventType, { name: 'TimelineEventType' });

@ArgsType()
export class PilotTimelineArgs {
  @Field(() => ID) @IsUUID('all')
  pilotId: string;

  @Field(() => LocalDateResolver) @IsISO8601({ strict: true })
  from: string;

  @Field(() => LocalDateResolver) @IsISO8601({ strict: true })
  to: string;
}

@ObjectType({ description: 'Something that happened in or around a pilot, with a link to its record.' })
export class TimelineEvent {
  @Field(() => LocalDateResolver) date: string;
  @Field(() => TimelineEventType) type: TimelineEventType;
  @Field({ description: 'Title, label, task or name of the record.' }) title: string;
  @Field(() => AuditEntity, { description: 'The kind of record (query it by entityId).' }) entity: AuditEntity;
  @Field(() => ID) entityId: string;
}
