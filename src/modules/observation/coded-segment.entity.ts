import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { UserEntity } from '../user/user.entity';
import { pairCodeChecks, FrameworkCodes } from './framework-codes';
import { ObservationEntity } from './observation.entity';

@ObjectType('CodedSegment', { description: 'A coded part of an observation’s text: code points [start, end).' })
@Entity('coded_segment')
@pairCodeChecks('coded_segment')
@Index('idx_coded_segment_own_code_ids_gin', { synchronize: false })
@Check('chk_coded_segment_range', `"start_offset" >= 0 AND "end_offset" > "start_offset"`)
export class CodedSegmentEntity extends BaseRecord {
  @Index('idx_coded_segment_observation_id')
  @Column({ type: 'uuid' })
  observationId: string;

  @ManyToOne(() => ObservationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'observation_id', foreignKeyConstraintName: 'fk_coded_segment_observation' })
  observation?: ObservationEntity;

  @Index('idx_coded_segment_author_id')
  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_coded_segment_author' })
  author?: UserEntity;

  @Field(() => Int, { description: 'First code point (0-based, inclusive).' })
  @Column({ type: 'integer', name: 'start_offset' })
  start: number;

  @Field(() => Int, { description: 'End code point (exclusive).' })
  @Column({ type: 'integer', name: 'end_offset' })
  end: number;

  @Field({ description: 'The text the segment was coded on.' })
  @Column({ type: 'text' })
  quote: string;

  @Field({ description: 'True when the observation’s text changed so that [start, end) no longer holds the quote: review it.' })
  @Column({ type: 'boolean' })
  stale: boolean;

  @Field(() => FrameworkCodes, { description: 'The framework codes of this passage.' })
  @Column(() => FrameworkCodes, { prefix: false })
  codes: FrameworkCodes;

  @Field({ description: 'The researcher’s note on the coding.' })
  @Column({ type: 'text' })
  memo: string;
}
