import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AuditAction } from '../audit/audit.enums';
import { ObservationEntity } from './observation.entity';

/** The state of an observation after each change: version 1 as logged, then one per edit. */
@ObjectType('ObservationVersion', { description: 'One state of an observation: what changed, who changed it, when and why.' })
@Entity('observation_version')
@Unique('uq_observation_version', ['observationId', 'version'])
export class ObservationVersionEntity {
  @Field(() => ID, { description: 'The version’s id.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_observation_version_observation_id')
  @Column({ type: 'uuid' })
  observationId: string;

  @ManyToOne(() => ObservationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'observation_id', foreignKeyConstraintName: 'fk_observation_version_observation' })
  observation?: ObservationEntity;

  @Field(() => Int, { description: 'The observation’s version number after this change.' })
  @Column({ type: 'integer' })
  version: number;

  @Field(() => AuditAction, { description: 'CREATE, UPDATE, DELETE or RESTORE.' })
  @Column({ type: 'enum', enum: AuditAction, enumName: 'audit_action' })
  change: AuditAction;

  @Field(() => String, { nullable: true, description: 'Why (every change after the first has a reason).' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => [String], { description: 'The fields this change altered.' })
  @Column({ type: 'varchar', array: true })
  changedFields: string[];

  @Index('idx_observation_version_changed_by')
  @Column({ type: 'uuid' })
  changedBy: string;

  @Field(() => GraphQLISODateTime, { description: 'When.' })
  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;

  @Field(() => GraphQLJSONObject, { description: 'The observation as it was after this change.' })
  @Column({ type: 'jsonb' })
  snapshot: object;
}
