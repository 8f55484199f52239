import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { VersionColumn } from '../../database/version-column';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SteeringLevel } from '../pilot/pilot.enums';
import { PilotEntity } from '../pilot/pilot.entity';
import { SteeringInstrumentEntity } from '../steering/steering-instrument.entity';
import { ChangeMaker, ObstacleStatus, ObstacleType } from './obstacle.enums';

@ObjectType('Obstacle', {
  description:
    'Hinder: something in legislation, supervision, compensation models or elsewhere that stands in the way of trust-based steering in a pilot (Dir. 2016:51, D:471–502).',
})
@Entity('obstacle')
@Index('idx_obstacle_identified_on_id', ['identifiedOn', 'id'])
export class ObstacleEntity extends BaseRecord {
  @Index('idx_obstacle_pilot_id')
  @Column({ type: 'uuid' })
  pilotId: string;

  @ManyToOne(() => PilotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'fk_obstacle_pilot' })
  pilot?: PilotEntity;

  @Field(() => ObstacleType, { description: 'Where it lies.' })
  @Index('idx_obstacle_type')
  @Column({ type: 'enum', enum: ObstacleType, enumName: 'obstacle_type' })
  type: ObstacleType;

  @Field({ description: 'What stands in the way, in the researchers’ words.' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => SteeringLevel, { description: 'The level of the steering chain where it arises.' })
  @Index('idx_obstacle_level')
  @Column({ type: 'enum', enum: SteeringLevel, enumName: 'steering_level' })
  level: SteeringLevel;

  @Column({ type: 'uuid', nullable: true })
  causeInstrumentId: string | null;

  @ManyToOne(() => SteeringInstrumentEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'cause_instrument_id', foreignKeyConstraintName: 'fk_obstacle_cause_instrument' })
  causeInstrument?: SteeringInstrumentEntity | null;

  @Column({ type: 'uuid', nullable: true })
  causeOrganisationId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'cause_organisation_id', foreignKeyConstraintName: 'fk_obstacle_cause_organisation' })
  causeOrganisation?: OrganisationEntity | null;

  @Field({ description: 'What causes it, when no instrument or organisation says it (or in addition).' })
  @Column({ type: 'text', default: '' })
  causeText: string;

  @Field({ description: 'The change proposed.' })
  @Column({ type: 'text', default: '' })
  proposedChange: string;

  @Field(() => ChangeMaker, { nullable: true, description: 'Who could make the change.' })
  @Column({ type: 'enum', enum: ChangeMaker, enumName: 'change_maker', nullable: true })
  changeBy: ChangeMaker | null;

  @Field(() => ObstacleStatus, { description: 'Where it stands now: its latest status change.' })
  @Index('idx_obstacle_status')
  @Column({ type: 'enum', enum: ObstacleStatus, enumName: 'obstacle_status' })
  status: ObstacleStatus;

  @Field(() => LocalDateResolver, { description: 'When it was identified (the first status).' })
  @Column({ type: 'date' })
  identifiedOn: string;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @VersionColumn()
  version: number;
}

/** The organisations an obstacle names (where it is felt). */
@Entity('obstacle_organisation')
export class ObstacleOrganisationEntity {
  @PrimaryColumn({ type: 'uuid' })
  obstacleId: string;

  @Index('idx_obstacle_organisation_organisation_id')
  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => ObstacleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'obstacle_id', foreignKeyConstraintName: 'fk_obstacle_organisation_obstacle' })
  obstacle?: ObstacleEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_obstacle_organisation_organisation' })
  organisation?: OrganisationEntity;
}

@ObjectType('ObstacleStatusChange', { description: 'A dated change of an obstacle’s status.' })
@Entity('obstacle_status_change')
export class ObstacleStatusChangeEntity {
  @Field(() => ID, { description: 'The change’s id.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_obstacle_status_change_obstacle_id')
  @Column({ type: 'uuid' })
  obstacleId: string;

  @ManyToOne(() => ObstacleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'obstacle_id', foreignKeyConstraintName: 'fk_obstacle_status_change_obstacle' })
  obstacle?: ObstacleEntity;

  @Field(() => ObstacleStatus, { description: 'The new status.' })
  @Column({ type: 'enum', enum: ObstacleStatus, enumName: 'obstacle_status' })
  status: ObstacleStatus;

  @Field(() => String, { nullable: true, description: 'Why (required when kept).' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => LocalDateResolver, { description: 'When the change took effect.' })
  @Column({ type: 'date' })
  changedOn: string;

  @Column({ type: 'uuid' })
  changedBy: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was recorded.' })
  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
