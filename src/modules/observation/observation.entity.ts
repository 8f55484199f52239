import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { LocalDateResolver, LocalTimeResolver } from 'graphql-scalars';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SteeringLevel } from '../pilot/pilot.enums';
import { PilotEntity } from '../pilot/pilot.entity';
import { UserEntity } from '../user/user.entity';
import { pairCodeChecks, FrameworkCodes } from './framework-codes';
import { ObservationKind, RespondentRole } from './observation.enums';

export const TEXT_MAX = 100_000;

@ObjectType('Observation', { description: 'A researcher’s record of something seen, heard or read in a pilot, coded with the framework.' })
@Entity('observation')
@pairCodeChecks('observation')
@Unique('uq_observation_author_client_id', ['authorId', 'clientId'])
@Check('chk_observation_text_length', `char_length("text") <= ${TEXT_MAX}`)
@Check('chk_observation_version', `"version" >= 1`)
@Check('chk_observation_deleted', `("deleted_at" IS NULL) = ("delete_reason" IS NULL)`)
@Index('idx_observation_occurred_on_id', ['occurredOn', 'id']) // newest-first keyset order
// A pilot's live observations newest first (the lists' main question), read backwards: a page and its count from the index.
@Index('idx_observation_pilot_newest', ['pilotId', 'occurredOn', 'id'], { where: '"deleted_at" IS NULL' })
// Created by hand in the migration: full text (Swedish) on title and text, GIN on code arrays and tags.
@Index('idx_observation_search', { synchronize: false })
@Index('idx_observation_forms_gin', { synchronize: false })
@Index('idx_observation_relations_gin', { synchronize: false })
@Index('idx_observation_methods_gin', { synchronize: false })
@Index('idx_observation_trustworthiness_gin', { synchronize: false })
@Index('idx_observation_tags_gin', { synchronize: false })
@Index('idx_observation_own_code_ids_gin', { synchronize: false })
export class ObservationEntity extends BaseRecord {
  @Index('idx_observation_pilot_id')
  @Column({ type: 'uuid' })
  pilotId: string;

  @ManyToOne(() => PilotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'fk_observation_pilot' })
  pilot?: PilotEntity;

  @Index('idx_observation_organisation_id')
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_observation_organisation' })
  organisation?: OrganisationEntity;

  @Index('idx_observation_author_id')
  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_observation_author' })
  author?: UserEntity;

  @Field(() => LocalDateResolver, { description: 'When it happened (not when it was recorded: see createdAt).' })
  @Column({ type: 'date' })
  occurredOn: string;

  @Field(() => LocalTimeResolver, { nullable: true, description: 'Time of day, when it matters.' })
  @Column({ type: 'time', nullable: true })
  occurredTime: string | null;

  @Field(() => ObservationKind, { description: 'Interview, meeting, document study, field visit and so on.' })
  @Index('idx_observation_kind')
  @Column({ type: 'enum', enum: ObservationKind, enumName: 'observation_kind' })
  kind: ObservationKind;

  @Field(() => SteeringLevel, { description: 'Where in the steering chain it was made.' })
  @Index('idx_observation_level')
  @Column({ type: 'enum', enum: SteeringLevel, enumName: 'steering_level' })
  level: SteeringLevel;

  @Field(() => RespondentRole, { nullable: true, description: 'Who spoke, for interviews and conversations.' })
  @Index('idx_observation_respondent_role')
  @Column({ type: 'enum', enum: RespondentRole, enumName: 'respondent_role', nullable: true })
  respondentRole: RespondentRole | null;

  @Field({ description: 'A short heading.' })
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field({ description: `Markdown, stored exactly as given; at most ${TEXT_MAX} characters (code points).` })
  @Column({ type: 'text' })
  text: string;

  @Field(() => FrameworkCodes, { description: 'The framework codes of the whole observation.' })
  @Column(() => FrameworkCodes, { prefix: false })
  codes: FrameworkCodes;

  @Field(() => [String], { description: 'Free tags.' })
  @Column({ type: 'varchar', array: true })
  tags: string[];

  @Field(() => Int, { description: 'Starts at 1; every change adds one. Send it back as expectedVersion.' })
  @Column({ type: 'integer' })
  version: number;

  /** Client-generated id that makes logObservation retries safe (unique per author). */
  @Column({ type: 'uuid', nullable: true })
  clientId: string | null;

  /** SHA-256 of the original request, to tell a retry from a different request with the same clientId. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestHash: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Set when deleted: it leaves every list and result, and its author or an admin can restore it.',
  })
  @Index('idx_observation_deleted_at')
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  deletedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was deleted.' })
  @Column({ type: 'text', nullable: true })
  deleteReason: string | null;
}
