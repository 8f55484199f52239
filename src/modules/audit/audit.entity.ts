import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AuditAction, AuditEntity } from './audit.enums';

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * One write to research data. Append-only: triggers in the migration make PostgreSQL refuse
 * UPDATE, DELETE and TRUNCATE on this table for every role.
 */
@ObjectType('AuditEntry', { description: 'One change to a record: who, when, what, why, and the values before and after.' })
@Entity('audit_log')
@Index('idx_audit_log_entity_entity_id', ['entity', 'entityId'])
export class AuditEntryEntity {
  @Field(() => ID, { description: 'The entry’s id.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Insertion order, for stable newest-first paging (timestamps can tie). */
  @Index('uq_audit_log_seq', { unique: true })
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  @Field(() => GraphQLISODateTime, { description: 'When the change was committed (transaction time).' })
  @Index('idx_audit_log_at')
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** Null for the system (e.g. the create-admin command). */
  @Index('idx_audit_log_actor_id')
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Field(() => AuditEntity, { description: 'The kind of record.' })
  @Column({ type: 'enum', enum: AuditEntity, enumName: 'audit_entity' })
  entity: AuditEntity;

  @Field(() => ID, { description: 'The record’s id.' })
  @Column({ type: 'uuid' })
  entityId: string;

  @Field(() => AuditAction, { description: 'Created, updated, deleted (or withdrawn) or restored.' })
  @Column({ type: 'enum', enum: AuditAction, enumName: 'audit_action' })
  action: AuditAction;

  @Field(() => String, { nullable: true, description: 'Why: the reason given with a correction (withdrawal, restore, resubmission, edit).' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => GraphQLJSONObject, {
    description: 'Changed fields: { field: { before, after } }. Secrets show as "[hidden]".',
  })
  @Column({ type: 'jsonb' })
  changes: object; // FieldChanges; typed loosely because TypeORM's insert types cannot take `unknown`
}
