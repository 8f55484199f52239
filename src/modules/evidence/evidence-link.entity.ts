import { Field, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { WithdrawalCheck, WithdrawnAtColumn, WithdrawnByColumn, WithdrawReasonColumn } from '../../database/withdrawal-columns';
import { EffectEntity } from '../effect/effect.entity';
import { IdeaEntity } from '../idea/idea.entity';
import { CodedSegmentEntity } from '../observation/coded-segment.entity';
import { ObservationEntity } from '../observation/observation.entity';
import { ObstacleEntity } from '../obstacle/obstacle.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { ReportFindingEntity } from '../report/report.entity';
import { IndicatorEntity } from '../steering/indicator.entity';
import { SupervisionInteractionEntity } from '../supervision/supervision.entity';
import { SurveyWaveEntity } from '../survey/survey-wave.entity';
import { TimeThiefEntity } from '../time-thief/time-thief.entity';
import { EvidenceKind } from './evidence.enums';

/**
 * A finding (obstacle, effect, idea or report finding: exactly one of the four columns) tied to a
 * piece of evidence (the column its kind names; a burden series names an indicator, a unit or
 * both). A coded segment can be removed later: its column then empties and the link shows as
 * withheld. Links are taken back with a reason (the withdrawal columns), never deleted.
 */
@ObjectType('EvidenceLinkRecord', { isAbstract: true })
@Entity('evidence_link')
@WithdrawalCheck('evidence_link')
@Check('chk_evidence_link_one_finding', `num_nonnulls("obstacle_id", "effect_id", "idea_id", "report_finding_id") = 1`)
@Check('chk_evidence_link_one_target', `num_nonnulls("observation_id", "segment_id", "time_thief_id", "supervision_id", "wave_id") <= 1`)
export class EvidenceLinkEntity extends BaseRecord {
  @Field(() => EvidenceKind, { description: 'What the evidence is.' })
  @Column({ type: 'enum', enum: EvidenceKind, enumName: 'evidence_kind' })
  kind: EvidenceKind;

  @Index('idx_evidence_link_obstacle') @Column({ type: 'uuid', nullable: true }) obstacleId: string | null;
  @ManyToOne(() => ObstacleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'obstacle_id', foreignKeyConstraintName: 'fk_evidence_link_obstacle' })
  obstacle?: ObstacleEntity;

  @Index('idx_evidence_link_effect') @Column({ type: 'uuid', nullable: true }) effectId: string | null;
  @ManyToOne(() => EffectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'effect_id', foreignKeyConstraintName: 'fk_evidence_link_effect' })
  effect?: EffectEntity;

  @Index('idx_evidence_link_idea') @Column({ type: 'uuid', nullable: true }) ideaId: string | null;
  @ManyToOne(() => IdeaEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'fk_evidence_link_idea' })
  idea?: IdeaEntity;

  @Index('idx_evidence_link_report_finding') @Column({ type: 'uuid', nullable: true }) reportFindingId: string | null;
  @ManyToOne(() => ReportFindingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_finding_id', foreignKeyConstraintName: 'fk_evidence_link_report_finding' })
  reportFinding?: ReportFindingEntity;

  @Index('idx_evidence_link_observation') @Column({ type: 'uuid', nullable: true }) observationId: string | null;
  @ManyToOne(() => ObservationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'observation_id', foreignKeyConstraintName: 'fk_evidence_link_observation' })
  observation?: ObservationEntity;

  @Index('idx_evidence_link_segment') @Column({ type: 'uuid', nullable: true }) segmentId: string | null;
  @ManyToOne(() => CodedSegmentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'segment_id', foreignKeyConstraintName: 'fk_evidence_link_segment' })
  segment?: CodedSegmentEntity;

  @Index('idx_evidence_link_time_thief') @Column({ type: 'uuid', nullable: true }) timeThiefId: string | null;
  @ManyToOne(() => TimeThiefEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'time_thief_id', foreignKeyConstraintName: 'fk_evidence_link_time_thief' })
  timeThief?: TimeThiefEntity;

  @Index('idx_evidence_link_supervision') @Column({ type: 'uuid', nullable: true }) supervisionId: string | null;
  @ManyToOne(() => SupervisionInteractionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supervision_id', foreignKeyConstraintName: 'fk_evidence_link_supervision' })
  supervision?: SupervisionInteractionEntity;

  @Index('idx_evidence_link_wave') @Column({ type: 'uuid', nullable: true }) waveId: string | null;
  @ManyToOne(() => SurveyWaveEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'wave_id', foreignKeyConstraintName: 'fk_evidence_link_wave' })
  wave?: SurveyWaveEntity;

  @Index('idx_evidence_link_indicator') @Column({ type: 'uuid', nullable: true }) indicatorId: string | null;
  @ManyToOne(() => IndicatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'fk_evidence_link_indicator' })
  indicator?: IndicatorEntity;

  @Index('idx_evidence_link_organisation') @Column({ type: 'uuid', nullable: true }) organisationId: string | null;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_evidence_link_organisation' })
  organisation?: OrganisationEntity;

  /** Why it is evidence, in the linking researcher's words (withheld with the target). */
  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'uuid' })
  createdBy: string;

  @WithdrawnAtColumn('When the link was taken back (null: it stands).')
  withdrawnAt: Date | null;

  @WithdrawnByColumn()
  withdrawnBy: string | null;

  @WithdrawReasonColumn()
  withdrawReason: string | null;
}
