import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SurveyWaveEntity } from '../survey/survey-wave.entity';

/**
 * A link staff open to answer a wave anonymously, for one unit of the wave: whoever holds it may
 * answer while the wave is open and the link not revoked, and nothing else. The token is a random
 * 256-bit string; it is kept (not only its hash) so that a reporter can see the link again.
 */
@ObjectType('SurveyLink', { description: 'A link staff of one unit open to answer a survey wave anonymously, without an account.' })
@Entity('survey_link')
@Unique('uq_survey_link_token', ['token'])
@Check('chk_survey_link_invited', `"invited" IS NULL OR "invited" >= 0`)
@Check('chk_survey_link_revoked', `("revoked_at" IS NULL) = ("revoke_reason" IS NULL) AND ("revoked_at" IS NULL) = ("revoked_by" IS NULL)`)
export class SurveyLinkEntity {
  @Field(() => ID, { description: 'The link’s id (not its token).' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_survey_link_wave_id')
  @Column({ type: 'uuid' })
  waveId: string;

  @ManyToOne(() => SurveyWaveEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'wave_id', foreignKeyConstraintName: 'fk_survey_link_wave' })
  wave?: SurveyWaveEntity;

  /** The unit whose staff answer through it: the finest unit their responses carry. */
  @Index('idx_survey_link_unit_id')
  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_survey_link_unit' })
  unit?: OrganisationEntity;

  /** 43 characters of base64url: 256 random bits. */
  @Column({ type: 'varchar', length: 64 })
  token: string;

  @Field(() => Int, { nullable: true, description: 'How many staff were invited through it; null while not known. The response rate is responses ÷ invited.' })
  @Column({ type: 'integer', nullable: true })
  invited: number | null;

  /** The reporter or admin who made it: the account its responses are submitted by. */
  @Column({ type: 'uuid' })
  createdBy: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was made.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Set when revoked: the link answers that it no longer works.' })
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked.' })
  @Column({ type: 'text', nullable: true })
  revokeReason: string | null;
}
