import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { VersionColumn } from '../../database/version-column';
import { WithdrawalCheck, WithdrawnAtColumn, WithdrawnByColumn, WithdrawReasonColumn } from '../../database/withdrawal-columns';
import { EffectEntity } from '../effect/effect.entity';
import { IdeaEntity } from '../idea/idea.entity';
import { ObstacleEntity } from '../obstacle/obstacle.entity';
import { PilotEntity } from '../pilot/pilot.entity';
import { UserEntity } from '../user/user.entity';
import { ReportSectionKind, ReportStatus } from './report.enums';

@ObjectType('EvaluationReport', {
  description:
    'One version of a pilot’s evaluation report (Dir. 2016:51, D:657–663), written by the pilot’s researchers: sections, findings and their evidence.',
})
@Entity('evaluation_report')
@Unique('uq_evaluation_report_number', ['pilotId', 'number'])
@Index('uq_evaluation_report_open', ['pilotId'], { unique: true, where: `"status" IN ('DRAFT', 'IN_REVIEW')` })
@Index('uq_evaluation_report_final', ['pilotId'], { unique: true, where: `"status" = 'FINAL'` })
export class EvaluationReportEntity extends BaseRecord {
  @Column({ type: 'uuid' })
  pilotId: string;

  @ManyToOne(() => PilotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'fk_evaluation_report_pilot' })
  pilot?: PilotEntity;

  @Field(() => Int, { description: 'Its version number within the pilot (1, 2, …).' })
  @Column({ type: 'integer' })
  number: number;

  @Field({ description: 'Its title.' })
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field(() => ReportStatus, { description: 'Where it stands.' })
  @Index('idx_evaluation_report_status')
  @Column({ type: 'enum', enum: ReportStatus, enumName: 'report_status' })
  status: ReportStatus;

  @Column({ type: 'uuid', nullable: true })
  basedOnId: string | null;

  @ManyToOne(() => EvaluationReportEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'based_on_id', foreignKeyConstraintName: 'fk_evaluation_report_based_on' })
  basedOn?: EvaluationReportEntity;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it became final.' })
  @Column({ type: 'timestamptz', nullable: true })
  finalisedAt: Date | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Field(() => Int, { description: 'Its edit version: send it back with every change (optimistic locking).' })
  @VersionColumn()
  version: number;
}

/** A co-author of a report version. */
@Entity('evaluation_report_author')
export class EvaluationReportAuthorEntity {
  @PrimaryColumn({ type: 'uuid' })
  reportId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => EvaluationReportEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_evaluation_report_author_report' })
  report?: EvaluationReportEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_evaluation_report_author_user' })
  user?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  addedAt: Date;
}

@ObjectType('ReportSection', { description: 'A section of an evaluation report: its text and its findings.' })
@Entity('evaluation_report_section')
export class ReportSectionEntity {
  @PrimaryColumn({ type: 'uuid' })
  reportId: string;

  @ManyToOne(() => EvaluationReportEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_evaluation_report_section_report' })
  report?: EvaluationReportEntity;

  @Field(() => ReportSectionKind, { description: 'Which section.' })
  @PrimaryColumn({ type: 'enum', enum: ReportSectionKind, enumName: 'report_section_kind' })
  kind: ReportSectionKind;

  @Field({ description: 'The section’s text (findings come after it).' })
  @Column({ type: 'text', default: '' })
  body: string;
}

@ObjectType('ReportFinding', {
  description: 'A finding of an evaluation report: a statement, its argument, what in the system it is about, and its evidence.',
})
@Entity('evaluation_report_finding')
@WithdrawalCheck('evaluation_report_finding')
@Index('idx_evaluation_report_finding_report', ['reportId', 'section', 'position'])
export class ReportFindingEntity extends BaseRecord {
  @Column({ type: 'uuid' })
  reportId: string;

  @ManyToOne(() => EvaluationReportEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_evaluation_report_finding_report' })
  report?: EvaluationReportEntity;

  @Field(() => ReportSectionKind, { description: 'The section it belongs to.' })
  @Column({ type: 'enum', enum: ReportSectionKind, enumName: 'report_section_kind' })
  section: ReportSectionKind;

  @Field(() => Int, { description: 'Its place in the section (1, 2, …).' })
  @Column({ type: 'integer' })
  position: number;

  @Field({ description: 'The finding in one sentence.' })
  @Column({ type: 'varchar', length: 1000 })
  statement: string;

  @Field({ description: 'The argument, in words.' })
  @Column({ type: 'text', default: '' })
  body: string;

  @Index('idx_evaluation_report_finding_idea')
  @Column({ type: 'uuid', nullable: true })
  ideaId: string | null;

  @ManyToOne(() => IdeaEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'fk_evaluation_report_finding_idea' })
  idea?: IdeaEntity;

  @Index('idx_evaluation_report_finding_obstacle')
  @Column({ type: 'uuid', nullable: true })
  obstacleId: string | null;

  @ManyToOne(() => ObstacleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'obstacle_id', foreignKeyConstraintName: 'fk_evaluation_report_finding_obstacle' })
  obstacle?: ObstacleEntity;

  @Index('idx_evaluation_report_finding_effect')
  @Column({ type: 'uuid', nullable: true })
  effectId: string | null;

  @ManyToOne(() => EffectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'effect_id', foreignKeyConstraintName: 'fk_evaluation_report_finding_effect' })
  effect?: EffectEntity;

  /** The finding this one was copied from when a new version was started (its evidence came along). */
  @Column({ type: 'uuid', nullable: true })
  copiedFromId: string | null;

  @WithdrawnAtColumn('When it was taken out of the report (null: it is in).')
  withdrawnAt: Date | null;

  @WithdrawnByColumn()
  withdrawnBy: string | null;

  @WithdrawReasonColumn()
  withdrawReason: string | null;
}
