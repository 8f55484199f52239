import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { SurveyWaveEntity } from './survey-wave.entity';
import { SurveyLinkEntity } from '../survey-link/survey-link.entity';
import { WithdrawalCheck, WithdrawnAtColumn, WithdrawnByColumn, WithdrawReasonColumn } from '../../database/withdrawal-columns';

export enum SurveyBatchSource {
  API = 'API',
  CSV = 'CSV',
  LINK = 'LINK',
}
registerEnumType(SurveyBatchSource, {
  name: 'SurveyBatchSource',
  description: 'How a batch of responses arrived.',
  valuesMap: {
    API: { description: 'submitSurveyResponses.' },
    CSV: { description: 'A CSV upload.' },
    LINK: { description: 'Staff answering through a survey link: one batch per link and day.' },
  },
});

/**
 * One submission of anonymous responses: a submitSurveyResponses call or a CSV upload. Responses
 * cannot be told apart, so they are corrected by what brought them: an admin withdraws a whole
 * batch (with a reason), and it leaves every result and count at once.
 */
@ObjectType('SurveyBatch', {
  description: 'One submission of survey responses (a call, a CSV upload, or a link’s answers of one day); corrections withdraw a whole batch.',
})
@Entity('survey_batch')
@Unique('uq_survey_batch_upload_key', ['waveId', 'uploadKey'])
@WithdrawalCheck('survey_batch')
@Index('uq_survey_batch_link_day', ['linkId', 'createdAt'], { unique: true, where: '"link_id" IS NOT NULL AND "withdrawn_at" IS NULL' })
export class SurveyBatchEntity {
  @Field(() => ID, { description: 'The batch’s id: what withdrawSurveyBatch takes.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_survey_batch_wave_id')
  @Column({ type: 'uuid' })
  waveId: string;

  @ManyToOne(() => SurveyWaveEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'wave_id', foreignKeyConstraintName: 'fk_survey_batch_wave' })
  wave?: SurveyWaveEntity;

  @Field(() => SurveyBatchSource, { description: 'A submitSurveyResponses call, a CSV upload or a survey link.' })
  @Column({ type: 'enum', enum: SurveyBatchSource, enumName: 'survey_batch_source' })
  source: SurveyBatchSource;

  @Field(() => Int, { description: 'Responses it stored.' })
  @Column({ type: 'integer' })
  responseCount: number;

  /** The account that submitted it (an org reporter or an admin), never a respondent. */
  @Index('idx_survey_batch_submitted_by')
  @Column({ type: 'uuid' })
  submittedBy: string;

  /**
   * For answers through a survey link: the link. Such a batch holds one link's responses of one
   * day, and its createdAt is that day's midnight (UTC), so no response is dated finer than the day.
   */
  @Column({ type: 'uuid', nullable: true })
  linkId: string | null;

  @ManyToOne(() => SurveyLinkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'link_id', foreignKeyConstraintName: 'fk_survey_batch_link' })
  link?: SurveyLinkEntity;

  /** SHA-256 of the batch's clientId, the upload's Idempotency-Key or the file's bytes: a retry is recognised. */
  @Column({ type: 'char', length: 64, nullable: true })
  uploadKey: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When it was submitted.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @WithdrawnAtColumn('Set when withdrawn: its responses count in no result.')
  withdrawnAt: Date | null;

  @WithdrawnByColumn()
  withdrawnBy: string | null;

  @WithdrawReasonColumn()
  withdrawReason: string | null;
}
