import { Field, Float, ObjectType } from '@nestjs/graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { VersionColumn } from '../../database/version-column';
import { numericColumn } from '../../database/transformers';
import { CompensationPrinciple, GovernanceForm } from '../framework/framework.enums';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { InstrumentKind } from './steering.enums';

@ObjectType('SteeringInstrument', { description: 'Styrmedel: something that imposes requirements on operations, for a period.' })
@Entity('steering_instrument')
@Check('chk_steering_instrument_validity', `"valid_to" IS NULL OR "valid_to" >= "valid_from"`)
@Check('chk_steering_instrument_amount', `"amount_sek" IS NULL OR "amount_sek" >= 0`)
@Index('idx_steering_instrument_valid', ['validFrom', 'validTo'])
@Index('idx_steering_instrument_name_id', ['name', 'id'])
export class SteeringInstrumentEntity extends BaseRecord {
  @Field({ description: 'Its name.' })
  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Field({ description: 'What it requires, in its own words.' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => InstrumentKind, {
    description: 'Law or regulation, state–SKL agreement, targeted grant, compensation model, supervision, the principal’s follow-up, quality registry, other.',
  })
  @Index('idx_steering_instrument_kind')
  @Column({ type: 'enum', enum: InstrumentKind, enumName: 'instrument_kind' })
  kind: InstrumentKind;

  @Field(() => GovernanceForm, { description: 'The governance form it mainly belongs to.' })
  @Index('idx_steering_instrument_governance_form')
  @Column({ type: 'enum', enum: GovernanceForm, enumName: 'governance_form' })
  governanceForm: GovernanceForm;

  @Field(() => CompensationPrinciple, { nullable: true, description: 'For compensation models.' })
  @Column({ type: 'enum', enum: CompensationPrinciple, enumName: 'compensation_principle', nullable: true })
  compensationPrinciple: CompensationPrinciple | null;

  @Index('idx_steering_instrument_imposed_by_id')
  @Column({ type: 'uuid' })
  imposedById: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'imposed_by_id', foreignKeyConstraintName: 'fk_steering_instrument_imposed_by' })
  imposedBy?: OrganisationEntity;

  @Field(() => LocalDateResolver, { description: 'The first day it is in force.' })
  @Column({ type: 'date' })
  validFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Null: still in force.' })
  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Field(() => Float, { nullable: true, description: 'SEK, for agreements and targeted grants.' })
  @Column({ type: 'bigint', nullable: true, transformer: numericColumn })
  amountSek: number | null;

  @Field(() => String, { nullable: true, description: 'Conditions for the money, e.g. performance criteria.' })
  @Column({ type: 'text', nullable: true })
  conditions: string | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @VersionColumn()
  version: number;
}

/** The organisations an instrument applies to. */
@Entity('steering_instrument_target')
export class SteeringInstrumentTargetEntity {
  @PrimaryColumn({ type: 'uuid' })
  instrumentId: string;

  @PrimaryColumn({ type: 'uuid' })
  @Index('idx_steering_instrument_target_organisation_id')
  organisationId: string;

  @ManyToOne(() => SteeringInstrumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instrument_id', foreignKeyConstraintName: 'fk_steering_instrument_target_instrument' })
  instrument?: SteeringInstrumentEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_steering_instrument_target_organisation' })
  organisation?: OrganisationEntity;
}
