import { Field, Float, ObjectType } from '@nestjs/graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { numericColumn } from '../../database/transformers';
import { VersionColumn } from '../../database/version-column';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SteeringInstrumentEntity } from '../steering/steering-instrument.entity';
import { RequestFrequency, SupervisionCharacter, SupervisionKind } from './supervision.enums';

@ObjectType('SupervisionInteraction', {
  description:
    'A supervisory agency’s contact with a supervised organisation (tillsyn, D:561–635): what was asked for and how often, the staff time it took, whether the same data was already asked for elsewhere, and whether it supported learning.',
})
@Entity('supervision_interaction')
@Check('chk_supervision_staff_hours', `"staff_hours" >= 0 AND "staff_hours" <= 100000`)
@Check('chk_supervision_not_self_overlap', `"overlaps_interaction_id" IS DISTINCT FROM "id"`)
@Index('idx_supervision_occurred_on_id', ['occurredOn', 'id'])
export class SupervisionInteractionEntity extends BaseRecord {
  @Index('idx_supervision_organisation_id')
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_supervision_organisation' })
  organisation?: OrganisationEntity;

  @Index('idx_supervision_supervisor_id')
  @Column({ type: 'uuid' })
  supervisorId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supervisor_id', foreignKeyConstraintName: 'fk_supervision_supervisor' })
  supervisor?: OrganisationEntity;

  @Field(() => LocalDateResolver, { description: 'When it took place (or the request came).' })
  @Column({ type: 'date' })
  occurredOn: string;

  @Field(() => SupervisionKind, { description: 'What kind of contact it was.' })
  @Index('idx_supervision_kind')
  @Column({ type: 'enum', enum: SupervisionKind, enumName: 'supervision_kind' })
  kind: SupervisionKind;

  @Field({ description: 'What data was asked for (empty when none).' })
  @Column({ type: 'text', default: '' })
  dataRequested: string;

  @Field(() => RequestFrequency, { nullable: true, description: 'How often it is to be delivered (null when no data was asked for).' })
  @Column({ type: 'enum', enum: RequestFrequency, enumName: 'request_frequency', nullable: true })
  frequency: RequestFrequency | null;

  @Field(() => Float, { description: 'Staff hours it took the supervised organisation (preparing, meeting, delivering).' })
  @Column({ type: 'numeric', precision: 10, scale: 2, transformer: numericColumn })
  staffHours: number;

  @Index('idx_supervision_overlaps_interaction_id')
  @Column({ type: 'uuid', nullable: true })
  overlapsInteractionId: string | null;

  @ManyToOne(() => SupervisionInteractionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'overlaps_interaction_id', foreignKeyConstraintName: 'fk_supervision_overlaps_interaction' })
  overlapsInteraction?: SupervisionInteractionEntity;

  @Index('idx_supervision_overlaps_instrument_id')
  @Column({ type: 'uuid', nullable: true })
  overlapsInstrumentId: string | null;

  @ManyToOne(() => SteeringInstrumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'overlaps_instrument_id', foreignKeyConstraintName: 'fk_supervision_overlaps_instrument' })
  overlapsInstrument?: SteeringInstrumentEntity;

  @Field(() => SupervisionCharacter, { description: 'Controlling or enabling in character.' })
  @Column({ type: 'enum', enum: SupervisionCharacter, enumName: 'supervision_character' })
  character: SupervisionCharacter;

  @Field({ description: 'The feedback the supervisor gave.' })
  @Column({ type: 'text', default: '' })
  feedback: string;

  @Field(() => Boolean, { nullable: true, description: 'Whether the feedback supported learning (null: not known).' })
  @Column({ type: 'boolean', nullable: true })
  supportedLearning: boolean | null;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @VersionColumn()
  version: number;
}
