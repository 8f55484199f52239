import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { SurveyWaveEntity } from './survey-wave.entity';

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
@Check('chk_survey_batch_withdrawn', `("withdrawn_at" IS NULL) = ("withdraw_reason" IS NULL) AND ("withdrawn_at" IS NULL) = ("withdrawn_by" IS NULL)`)
export class SurveyBatchEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_survey_batch_wave_id')
  @Column({ type: 'uuid' })
  waveId: string;

  @ManyToOne(() => SurveyWaveEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'wave_id', foreignKeyConstraintName: 'fk_survey_batch_wave' })
  wave?: SurveyWaveEntity;

  @Field(() => SurveyBatchSource)
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

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Set when withdrawn: its responses count in no result.' })
  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  withdrawnBy: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was withdrawn.' })
  @Column({ type: 'text', nullable: true })
  withdrawReason: string | null;
}
