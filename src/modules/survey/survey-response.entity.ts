import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SurveyBatchEntity } from './survey-batch.entity';
import { SurveyWaveEntity } from './survey-wave.entity';
import { RespondentCategory, TenureBand } from './survey.enums';

/**
 * One anonymous response. Not a GraphQL type: no query returns one person's answers (group
 * results are computed in SQL). `answers[i]` answers the item at position i+1; null = missing.
 */
@Entity('survey_response')
@Unique('uq_survey_response_client_id', ['waveId', 'clientId'])
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_survey_response_wave_id')
  @Column({ type: 'uuid' })
  waveId: string;

  @ManyToOne(() => SurveyWaveEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'wave_id', foreignKeyConstraintName: 'fk_survey_response_wave' })
  wave?: SurveyWaveEntity;

  @Index('idx_survey_response_unit_id')
  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_survey_response_unit' })
  unit?: OrganisationEntity;

  @Column({ type: 'enum', enum: RespondentCategory, enumName: 'respondent_category' })
  category: RespondentCategory;

  @Column({ type: 'enum', enum: TenureBand, enumName: 'tenure_band', nullable: true })
  tenureBand: TenureBand | null;

  /** HMAC-SHA256 of the panel key (never the key itself), to follow a respondent across waves. */
  @Index('idx_survey_response_panel_hash')
  @Column({ type: 'varchar', length: 64, nullable: true })
  panelHash: string | null;

  @Column({ type: 'uuid', nullable: true })
  clientId: string | null;

  @Column({ type: 'real', array: true })
  answers: (number | null)[];

  /**
   * The response's score (0–100) on each dimension, in SCORED_DIMENSIONS order, computed once
   * when it is stored (`dimensionScore`: the documented rule); null where the instrument has no
   * items of the dimension or fewer than half were answered. Analytics aggregate these.
   */
  @Column({ type: 'double precision', array: true })
  scores: (number | null)[];

  /**
   * A random number (0 to 2³¹−1, from the server's cryptographic generator) fixed when the
   * response is stored: the record key of the cell-key method (docs/analysis.md, "Disclosure
   * control"). It identifies no one; it makes the noise on every published group statistic a
   * fixed function of which responses the group holds. Never leaves the database.
   */
  @Column({ type: 'integer' })
  recordKey: number;

  /** The submission it came in (how responses are corrected: a whole batch at a time). */
  @Index('idx_survey_response_batch_id')
  @Column({ type: 'uuid' })
  batchId: string;

  @ManyToOne(() => SurveyBatchEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'batch_id', foreignKeyConstraintName: 'fk_survey_response_batch' })
  batch?: SurveyBatchEntity;

  /** The account that entered the response (an org reporter), not the respondent. */
  @Column({ type: 'uuid' })
  submittedBy: string;

  /** The day it was stored, never the time: a response carries nothing finer that could date it to a person. */
  @Column({ type: 'date', default: () => 'CURRENT_DATE' })
  submittedOn: string;
}
