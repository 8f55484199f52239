import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { VersionColumn } from '../../database/version-column';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SteeringInstrumentEntity } from '../steering/steering-instrument.entity';
import { TimeThiefStatus } from './time-thief.enums';
import { WithdrawalCheck, WithdrawnAtColumn, WithdrawnByColumn, WithdrawReasonColumn } from '../../database/withdrawal-columns';

@ObjectType('TimeThief', { description: 'Tidstjuv: a recurring task that takes time from the core work without adding value.' })
@Entity('time_thief')
@Check('chk_time_thief_counts', `"minutes_per_week" >= 0 AND "staff_affected" >= 0`)
@Index('idx_time_thief_reported_on_id', ['reportedOn', 'id'])
@WithdrawalCheck('time_thief')
export class TimeThiefEntity extends BaseRecord {
  @Index('idx_time_thief_organisation_id')
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_time_thief_organisation' })
  organisation?: OrganisationEntity;

  @Field({ description: 'The task, e.g. "avvikelserapport när ett besök drar över två minuter".' })
  @Column({ type: 'varchar', length: 500 })
  task: string;

  @Field({ description: 'The work process it belongs to.' })
  @Column({ type: 'varchar', length: 300 })
  process: string;

  @Index('idx_time_thief_imposed_by_instrument_id')
  @Column({ type: 'uuid', nullable: true })
  imposedByInstrumentId: string | null;

  @ManyToOne(() => SteeringInstrumentEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'imposed_by_instrument_id', foreignKeyConstraintName: 'fk_time_thief_instrument' })
  imposedByInstrument?: SteeringInstrumentEntity | null;

  @Index('idx_time_thief_imposed_by_organisation_id')
  @Column({ type: 'uuid', nullable: true })
  imposedByOrganisationId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'imposed_by_organisation_id', foreignKeyConstraintName: 'fk_time_thief_imposed_by_organisation' })
  imposedByOrganisation?: OrganisationEntity | null;

  @Field(() => Int, { description: 'Estimated minutes per week, per affected staff member.' })
  @Column({ type: 'integer' })
  minutesPerWeek: number;

  @Field(() => Int, { description: 'How many staff it takes time from.' })
  @Column({ type: 'integer' })
  staffAffected: number;

  @Field({ description: 'What would remove or ease it.' })
  @Column({ type: 'text' })
  proposedRemedy: string;

  @Field(() => TimeThiefStatus, { description: 'Where it stands now: its latest status change.' })
  @Index('idx_time_thief_status')
  @Column({ type: 'enum', enum: TimeThiefStatus, enumName: 'time_thief_status' })
  status: TimeThiefStatus;

  @Field(() => LocalDateResolver, { description: 'When it was reported (the first status).' })
  @Column({ type: 'date' })
  reportedOn: string;

  @Column({ type: 'uuid' })
  reportedBy: string;

  @VersionColumn()
  version: number;

  @WithdrawnAtColumn('Set when it was withdrawn (reported by mistake): it then counts in no result, stays in history, and can be restored.')
  withdrawnAt: Date | null;

  @WithdrawnByColumn()
  withdrawnBy: string | null;

  @WithdrawReasonColumn()
  withdrawReason: string | null;
}

@ObjectType('TimeThiefStatusChange', { description: 'A dated change of a time thief’s status.' })
@Entity('time_thief_status_change')
export class TimeThiefStatusChangeEntity {
  @Field(() => ID, { description: 'The change’s id.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_time_thief_status_change_time_thief_id')
  @Column({ type: 'uuid' })
  timeThiefId: string;

  @ManyToOne(() => TimeThiefEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'time_thief_id', foreignKeyConstraintName: 'fk_time_thief_status_change_time_thief' })
  timeThief?: TimeThiefEntity;

  @Field(() => TimeThiefStatus, { description: 'The new status.' })
  @Column({ type: 'enum', enum: TimeThiefStatus, enumName: 'time_thief_status' })
  status: TimeThiefStatus;

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
