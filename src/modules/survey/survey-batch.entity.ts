import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { SurveyWaveEntity } from './survey-wave.entity';
import { WithdrawalCheck, WithdrawnAtColumn, WithdrawnByColumn, WithdrawReasonColumn } from '../../database/withdrawal-columns';

export enum SurveyBatchSource {
  API = 'API',
  CSV = 'CSV',
}
registerEnumType(SurveyBatchSource, {
  name: 'SurveyBatchSource',
  description: 'How a batch of responses arrived.',
  valuesMap: { API: { description: 'submitSurveyResponses.' }, CSV: { description: 'A CSV upload.' } },
});

/**
 * One submission of anonymous responses: a submitSurveyResponses call or a CSV upload. Responses
 * cannot be told apart, so they are corrected by what brought them: an admin withdraws a whole
 * batch (with a reason), and it leaves every result and count at once.
 */
@ObjectType('SurveyBatch', { description: 'One submission of survey responses (a call or a CSV upload); corrections withdraw a whole batch.' })
@Entity('survey_batch')
@Unique('uq_survey_batch_upload_key', ['waveId', 'uploadKey'])
@WithdrawalCheck('survey_batch')
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

  @Field(() => SurveyBatchSource, { description: 'A submitSurveyResponses call or a CSV upload.' })
  @Column({ type: 'enum', enum: SurveyBatchSource, enumName: 'survey_batch_source' })
  source: SurveyBatchSource;

  @Field(() => Int, { description: 'Responses it stored.' })
  @Column({ type: 'integer' })
  responseCount: number;

  /** The account that submitted it (an org reporter or an admin), never a respondent. */
  @Index('idx_survey_batch_submitted_by')
  @Column({ type: 'uuid' })
  submittedBy: string;

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
