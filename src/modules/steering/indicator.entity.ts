import { Field, ObjectType } from '@nestjs/graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { VersionColumn } from '../../database/version-column';
import { SteeringInstrumentEntity } from './steering-instrument.entity';
import { AggregationLevel, MeasureType, ReportingFrequency } from './steering.enums';

@ObjectType('Indicator', { description: 'A measure an instrument requires to be recorded or reported (prestationsmått).' })
@Entity('indicator')
@Check('chk_indicator_dates', `"retired_on" IS NULL OR "retired_on" >= "introduced_on"`)
@Index('idx_indicator_in_force', ['introducedOn', 'retiredOn'])
@Index('idx_indicator_name_id', ['name', 'id'])
export class IndicatorEntity extends BaseRecord {
  @Field({ description: 'Its name.' })
  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Field({ description: 'What is measured, and how.' })
  @Column({ type: 'text' })
  description: string;

  @Index('idx_indicator_instrument_id')
  @Column({ type: 'uuid' })
  instrumentId: string;

  @ManyToOne(() => SteeringInstrumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'instrument_id', foreignKeyConstraintName: 'fk_indicator_instrument' })
  instrument?: SteeringInstrumentEntity;

  @Field(() => MeasureType, { description: 'Structure, process or result measure.' })
  @Index('idx_indicator_measure_type')
  @Column({ type: 'enum', enum: MeasureType, enumName: 'measure_type' })
  measureType: MeasureType;

  @Field(() => AggregationLevel, { description: 'The level it is aggregated to.' })
  @Column({ type: 'enum', enum: AggregationLevel, enumName: 'aggregation_level' })
  aggregationLevel: AggregationLevel;

  @Field(() => ReportingFrequency, { description: 'How often it is reported: the periods reportingObligations expects.' })
  @Column({ type: 'enum', enum: ReportingFrequency, enumName: 'reporting_frequency' })
  reportingFrequency: ReportingFrequency;

  @Field({ description: 'Whether payment depends on it (prestationsbaserade medel).' })
  @Index('idx_indicator_payment_dependent')
  @Column({ type: 'boolean' })
  paymentDependent: boolean;

  @Field(() => LocalDateResolver, { description: 'The first day it is in force: no report is due or accepted for a period before it.' })
  @Column({ type: 'date' })
  introducedOn: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The last day it is in force: no report is due or accepted for a period after it. Null: in force.',
  })
  @Column({ type: 'date', nullable: true })
  retiredOn: string | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @VersionColumn()
  version: number;
}
