import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who ran which analytics query or export, with which arguments. */
@ObjectType('AnalyticsAccess', { description: 'One analytics query or export by an analyst: who, when, what, with which arguments.' })
@Entity('analytics_access_log')
export class AnalyticsAccessEntity {
  @Field(() => ID, { description: 'The entry’s id.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_analytics_access_log_seq', { unique: true })
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  @Field(() => GraphQLISODateTime, { description: 'When.' })
  @Index('idx_analytics_access_log_at')
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Index('idx_analytics_access_log_user_id')
  @Column({ type: 'uuid' })
  userId: string;

  @Field({ description: 'The query or export, e.g. discretionResults or export:burden-reports.' })
  @Index('idx_analytics_access_log_operation')
  @Column({ type: 'varchar', length: 100 })
  operation: string;

  @Field(() => GraphQLJSONObject, { description: 'The arguments it was called with.' })
  @Column({ type: 'jsonb' })
  arguments: object;
}
