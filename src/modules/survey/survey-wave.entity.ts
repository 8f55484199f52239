import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PilotEntity } from '../pilot/pilot.entity';
import { RespondentCategory } from './survey.enums';
import { SurveyInstrumentEntity } from './survey-instrument.entity';

@ObjectType('SurveyWave', { description: 'One round of a survey in a pilot (baseline, follow-up 1, ...).' })
@Entity('survey_wave')
@Check('chk_survey_wave_dates', `"closes_on" >= "opens_on"`)
@Index('idx_survey_wave_opens_on_id', ['opensOn', 'id'])
export class SurveyWaveEntity extends BaseRecord {
  @Index('idx_survey_wave_pilot_id')
  @Column({ type: 'uuid' })
  pilotId: string;

  @ManyToOne(() => PilotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'fk_survey_wave_pilot' })
  pilot?: PilotEntity;

  @Index('idx_survey_wave_instrument_id')
  @Column({ type: 'uuid' })
  instrumentId: string;

  @ManyToOne(() => SurveyInstrumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'instrument_id', foreignKeyConstraintName: 'fk_survey_wave_instrument' })
  instrument?: SurveyInstrumentEntity;

  @Field({ description: 'e.g. "Baseline", "Follow-up 1".' })
  @Column({ type: 'varchar', length: 100 })
  label: string;

  @Field(() => LocalDateResolver, { description: 'The first day answers are taken.' })
  @Column({ type: 'date' })
  opensOn: string;

  @Field(() => LocalDateResolver, { description: 'The last day answers are taken.' })
  @Column({ type: 'date' })
  closesOn: string;

  @Field(() => [RespondentCategory], {
    nullable: true,
    description: 'The respondent categories the wave asks for (a response in another is refused); null: every category.',
  })
  @Column({ type: 'enum', enum: RespondentCategory, enumName: 'respondent_category', array: true, nullable: true })
  respondentCategories: RespondentCategory[] | null;

  @Field({ description: 'Whether respondents are asked their tenure band; when not, a response must leave it empty.' })
  @Column({ type: 'boolean', default: true })
  asksTenureBand: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Set when closed early with closeSurveyWave.' })
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid' })
  createdBy: string;
}

/** The units a wave targets: only their staff may answer. */
@Entity('survey_wave_unit')
export class SurveyWaveUnitEntity {
  @PrimaryColumn({ type: 'uuid' })
  waveId: string;

  @PrimaryColumn({ type: 'uuid' })
  @Index('idx_survey_wave_unit_organisation_id')
  organisationId: string;

  @ManyToOne(() => SurveyWaveEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'wave_id', foreignKeyConstraintName: 'fk_survey_wave_unit_wave' })
  wave?: SurveyWaveEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_survey_wave_unit_organisation' })
  organisation?: OrganisationEntity;
}
