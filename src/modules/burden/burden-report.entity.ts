import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject, LocalDateResolver } from 'graphql-scalars';
import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { numericColumn } from '../../database/transformers';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { IndicatorEntity } from '../steering/indicator.entity';
import { ImprovementUse, PeriodKind } from './burden.enums';
import { WithdrawalCheck, WithdrawnAtColumn, WithdrawnByColumn, WithdrawReasonColumn } from '../../database/withdrawal-columns';

@ObjectType('BurdenReport', { description: 'What reporting one indicator cost one unit in one period.' })
@Entity('burden_report')
@Exclusion('ex_burden_report_overlap', `USING gist ("indicator_id" WITH =, "organisation_id" WITH =, daterange("period_start", "period_end", '[]') WITH &&)`)
@Check('chk_burden_report_period', `"period_end" >= "period_start"`)
@Check('chk_burden_report_counts', `"staff_hours" >= 0 AND "staff_count" >= 0 AND ("record_count" IS NULL OR "record_count" >= 0)`)
@Check('chk_burden_report_usefulness', `"perceived_usefulness" IS NULL OR "perceived_usefulness" BETWEEN 1 AND 5`)
@WithdrawalCheck('burden_report')
@Index('idx_burden_report_period_start_id', ['periodStart', 'id'])
// Reporting obligations: an organisation's counted reports by period, read from the index alone
// (INCLUDE is not expressible here; migration BurdenReportObligations).
@Index('idx_burden_report_obligations', { synchronize: false })
export class BurdenReportEntity extends BaseRecord {
  @Index('idx_burden_report_indicator_id')
  @Column({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => IndicatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'fk_burden_report_indicator' })
  indicator?: IndicatorEntity;

  @Index('idx_burden_report_organisation_id')
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_burden_report_organisation' })
  organisation?: OrganisationEntity;

  @Field(() => PeriodKind, { description: 'Month, quarter or year.' })
  @Column({ type: 'enum', enum: PeriodKind, enumName: 'period_kind' })
  periodKind: PeriodKind;

  @Field(() => LocalDateResolver, { description: 'The period’s first day.' })
  @Column({ type: 'date' })
  periodStart: string;

  @Field(() => LocalDateResolver, { description: 'The period’s last day.' })
  @Column({ type: 'date' })
  periodEnd: string;

  @Field(() => Float, { description: 'Staff hours spent recording and reporting this indicator in the period.' })
  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: numericColumn })
  staffHours: number;

  @Field(() => Int, { description: 'Staff members involved.' })
  @Column({ type: 'integer' })
  staffCount: number;

  @Field(() => Int, { nullable: true, description: 'Records registered.' })
  @Column({ type: 'integer', nullable: true })
  recordCount: number | null;

  @Field({ description: 'Whether the same data had to be registered twice.' })
  @Column({ type: 'boolean' })
  doubleRegistration: boolean;

  @Field(() => ImprovementUse, { description: 'Whether the reported data is used to improve the work.' })
  @Column({ type: 'enum', enum: ImprovementUse, enumName: 'improvement_use' })
  usedForImprovement: ImprovementUse;

  @Field(() => Int, { nullable: true, description: '1 (useless) to 5 (very useful).' })
  @Column({ type: 'smallint', nullable: true })
  perceivedUsefulness: number | null;

  @Field({ description: 'The reporter’s comment.' })
  @Column({ type: 'text' })
  comment: string;

  @Column({ type: 'uuid' })
  reportedBy: string;

  @Field(() => Int, { description: '1 for the first submission; each resubmission adds one.' })
  @Column({ type: 'integer' })
  revision: number;

  @WithdrawnAtColumn('Set when the report was withdrawn: it then counts in no result, stays in history, and can be restored.')
  withdrawnAt: Date | null;

  @WithdrawnByColumn()
  withdrawnBy: string | null;

  @WithdrawReasonColumn()
  withdrawReason: string | null;
}

/** The values a resubmission replaced. */
@ObjectType('BurdenReportRevision', { description: 'The values of a burden report before a resubmission replaced them.' })
@Entity('burden_report_revision')
@Unique('uq_burden_report_revision', ['reportId', 'revision'])
export class BurdenReportRevisionEntity {
  @Field(() => ID, { description: 'The revision’s id.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_burden_report_revision_report_id')
  @Column({ type: 'uuid' })
  reportId: string;

  @ManyToOne(() => BurdenReportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_burden_report_revision_report' })
  report?: BurdenReportEntity;

  @Field(() => Int, { description: 'Which revision of the report these values were.' })
  @Column({ type: 'integer' })
  revision: number;

  @Field(() => GraphQLJSONObject, { description: 'The reported values of that revision.' })
  @Column({ type: 'jsonb' })
  values: object;

  @Column({ type: 'uuid' })
  reportedBy: string;

  @Field(() => GraphQLISODateTime, { description: 'When a resubmission replaced these values.' })
  @CreateDateColumn({ type: 'timestamptz' })
  replacedAt: Date;
}
