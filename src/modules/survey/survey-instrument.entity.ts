import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { numericColumn } from '../../database/transformers';
import { ScaleKind, SurveyDimension } from './survey.enums';

@ObjectType('SurveyInstrument', { description: 'A named, versioned set of items. Never changed once it exists: a change is a new version.' })
@Entity('survey_instrument')
@Unique('uq_survey_instrument_name_version', ['name', 'version'])
export class SurveyInstrumentEntity extends BaseRecord {
  @Field({ description: 'Its name; a new version keeps the name.' })
  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Field(() => Int, { description: 'Its version: instruments never change, a new one gets the next number.' })
  @Column({ type: 'integer' })
  version: number;

  @Field({ description: 'What it measures and how.' })
  @Column({ type: 'text' })
  description: string;

  @Field({ description: 'What respondents read first, in Swedish (empty: nothing).' })
  @Column({ type: 'text', default: '' })
  introductionSv: string;

  @Field({ description: 'What respondents read first, in English (empty: the Swedish one is shown).' })
  @Column({ type: 'text', default: '' })
  introductionEn: string;

  /** Null for the instrument shipped with the system. */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}

@ObjectType('SurveyItem', { description: 'One question of an instrument.' })
@Entity('survey_item')
@Unique('uq_survey_item_position', ['instrumentId', 'position'])
@Unique('uq_survey_item_code', ['instrumentId', 'code'])
@Check(
  'chk_survey_item_scale',
  `("scale" = 'LIKERT_5' AND cardinality("labels_sv") = 5 AND cardinality("labels_en") = 5) OR ("scale" = 'NUMBER' AND "min" IS NOT NULL AND "max" > "min")`,
)
export class SurveyItemEntity {
  @Field(() => ID, { description: 'The item’s id.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_survey_item_instrument_id')
  @Column({ type: 'uuid' })
  instrumentId: string;

  @ManyToOne(() => SurveyInstrumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instrument_id', foreignKeyConstraintName: 'fk_survey_item_instrument' })
  instrument?: SurveyInstrumentEntity;

  @Field(() => Int, { description: '1-based; answers are given in this order.' })
  @Column({ type: 'integer' })
  position: number;

  @Field({ description: 'Short stable key, e.g. "D1"; the CSV column name.' })
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Field({ description: 'The question in Swedish.' })
  @Column({ type: 'text' })
  textSv: string;

  @Field({ description: 'The question in English.' })
  @Column({ type: 'text' })
  textEn: string;

  @Field(() => SurveyDimension, { description: 'What it measures.' })
  @Column({ type: 'enum', enum: SurveyDimension, enumName: 'survey_dimension' })
  dimension: SurveyDimension;

  @Field(() => ScaleKind, { description: 'How it is answered.' })
  @Column({ type: 'enum', enum: ScaleKind, enumName: 'scale_kind' })
  scale: ScaleKind;

  @Field(() => [String], { description: 'LIKERT_5: the labels of 1–5, in Swedish.' })
  @Column({ type: 'varchar', array: true })
  labelsSv: string[];

  @Field(() => [String], { description: 'The answer labels in English (Likert items).' })
  @Column({ type: 'varchar', array: true })
  labelsEn: string[];

  @Field(() => Float, { nullable: true, description: 'The lowest answer (number items).' })
  @Column({ type: 'numeric', nullable: true, transformer: numericColumn })
  min: number | null;

  @Field(() => Float, { nullable: true, description: 'The highest answer (number items).' })
  @Column({ type: 'numeric', nullable: true, transformer: numericColumn })
  max: number | null;

  @Field({ description: 'Higher answers mean less of the dimension; flipped when scored.' })
  @Column({ type: 'boolean' })
  reverseScored: boolean;
}
