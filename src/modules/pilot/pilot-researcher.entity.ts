import { Field, ObjectType } from '@nestjs/graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { UserEntity } from '../user/user.entity';
import { PilotEntity } from './pilot.entity';

@ObjectType('PilotResearcher', { description: 'A researcher following a pilot over a period.' })
@Entity('pilot_researcher')
@Check('chk_pilot_researcher_dates', `"to_date" IS NULL OR "to_date" >= "from_date"`)
@Exclusion('ex_pilot_researcher_overlap', `USING gist ("pilot_id" WITH =, "user_id" WITH =, daterange("from_date", "to_date", '[]') WITH &&)`)
export class PilotResearcherEntity extends BaseRecord {
  @Index('idx_pilot_researcher_pilot_id')
  @Column({ type: 'uuid' })
  pilotId: string;

  @ManyToOne(() => PilotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'fk_pilot_researcher_pilot' })
  pilot?: PilotEntity;

  @Index('idx_pilot_researcher_user_id')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_pilot_researcher_user' })
  user?: UserEntity;

  @Field(() => LocalDateResolver, { description: 'The first day they follow it: observations from then on.' })
  @Column({ type: 'date' })
  fromDate: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Null: still following.' })
  @Column({ type: 'date', nullable: true })
  toDate: string | null;
}
