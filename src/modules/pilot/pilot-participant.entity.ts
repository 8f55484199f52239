import { Field, ObjectType } from '@nestjs/graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { ParticipantRole, SteeringLevel } from './pilot.enums';
import { PilotEntity } from './pilot.entity';

@ObjectType('PilotParticipant', { description: 'An organisation taking part in a pilot at one level of the steering chain.' })
@Entity('pilot_participant')
@Check('chk_pilot_participant_dates', `"to_date" IS NULL OR "to_date" >= "from_date"`)
@Exclusion(
  'ex_pilot_participant_overlap',
  `USING gist ("pilot_id" WITH =, "organisation_id" WITH =, "level" WITH =, daterange("from_date", "to_date", '[]') WITH &&)`,
)
export class PilotParticipantEntity extends BaseRecord {
  @Index('idx_pilot_participant_pilot_id')
  @Column({ type: 'uuid' })
  pilotId: string;

  @ManyToOne(() => PilotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'fk_pilot_participant_pilot' })
  pilot?: PilotEntity;

  @Index('idx_pilot_participant_organisation_id')
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_pilot_participant_organisation' })
  organisation?: OrganisationEntity;

  @Field(() => SteeringLevel, { description: 'Its level in the steering chain.' })
  @Column({ type: 'enum', enum: SteeringLevel, enumName: 'steering_level' })
  level: SteeringLevel;

  @Field(() => ParticipantRole, { description: 'Lead, participant, support or supervisory.' })
  @Column({ type: 'enum', enum: ParticipantRole, enumName: 'participant_role' })
  role: ParticipantRole;

  @Field(() => LocalDateResolver, { description: 'Its first day in the pilot.' })
  @Column({ type: 'date' })
  fromDate: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Null: still taking part.' })
  @Column({ type: 'date', nullable: true })
  toDate: string | null;
}
