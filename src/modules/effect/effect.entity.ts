import { Field, ObjectType } from '@nestjs/graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { VersionColumn } from '../../database/version-column';
import { PilotEntity } from '../pilot/pilot.entity';
import { EffectAspect, EffectDirection, EvidenceStrength } from './effect.enums';

@ObjectType('Effect', {
  description: 'An effect of a pilot the researchers assess, for a period: on what, which way, for whom, and how strong the evidence is.',
})
@Entity('effect')
@Check('chk_effect_period', `"period_end" >= "period_start"`)
@Index('idx_effect_period_start_id', ['periodStart', 'id'])
export class EffectEntity extends BaseRecord {
  @Index('idx_effect_pilot_id')
  @Column({ type: 'uuid' })
  pilotId: string;

  @ManyToOne(() => PilotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'fk_effect_pilot' })
  pilot?: PilotEntity;

  @Field(() => LocalDateResolver, { description: 'The first day of the period assessed.' })
  @Column({ type: 'date' })
  periodStart: string;

  @Field(() => LocalDateResolver, { description: 'The last day of the period assessed.' })
  @Column({ type: 'date' })
  periodEnd: string;

  @Field(() => EffectAspect, { description: 'What the effect is on.' })
  @Index('idx_effect_aspect')
  @Column({ type: 'enum', enum: EffectAspect, enumName: 'effect_aspect' })
  aspect: EffectAspect;

  @Field(() => EffectDirection, { description: 'Which way it goes.' })
  @Index('idx_effect_direction')
  @Column({ type: 'enum', enum: EffectDirection, enumName: 'effect_direction' })
  direction: EffectDirection;

  @Field(() => EvidenceStrength, { description: 'How strong the evidence is.' })
  @Column({ type: 'enum', enum: EvidenceStrength, enumName: 'evidence_strength' })
  evidenceStrength: EvidenceStrength;

  @Field({ description: 'For whom (e.g. "brukare med omfattande behov", "medarbetare i hemtjänsten").' })
  @Column({ type: 'text', default: '' })
  forWhom: string;

  @Field({ description: 'The assessment in words.' })
  @Column({ type: 'text' })
  assessment: string;

  @Field({ description: 'The evidence behind it, in words (links to the data itself: issue 13 §5).' })
  @Column({ type: 'text', default: '' })
  evidence: string;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @VersionColumn()
  version: number;
}
