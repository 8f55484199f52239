import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { VersionColumn } from '../../database/version-column';
import { CodeDimension } from '../analytics/dto/codes.input';
import { PilotEntity } from '../pilot/pilot.entity';
import { UserEntity } from '../user/user.entity';

export const OWN_CODE_NAME_MAX = 200;
export const OWN_CODE_DESCRIPTION_MAX = 5_000;

/**
 * A researcher's own, inductive code beside the framework (issue 14 §3): shared across the
 * system (no pilot) or kept to one pilot. It is never deleted: a code is retired, or merged into
 * another (its codings move there and it is retired, pointing at the code it went into).
 */
@ObjectType('OwnCode', { description: 'A researchers’ own code beside the framework: shared by every pilot, or kept to one.' })
@Entity('own_code')
// One live code of a name per scope (shared, or one pilot): by hand in the migration, on lower(name).
@Index('uq_own_code_scope_name', { synchronize: false })
@Check('chk_own_code_colour', `"colour" ~ '^#[0-9A-F]{6}$'`)
@Check('chk_own_code_one_parent', `"parent_dimension" IS NULL OR "parent_id" IS NULL`)
@Check('chk_own_code_not_own_parent', `"parent_id" IS NULL OR "parent_id" <> "id"`)
@Check('chk_own_code_retired', `("retired_at" IS NULL) = ("retire_reason" IS NULL)`)
@Check('chk_own_code_merged', `"merged_into_id" IS NULL OR "retired_at" IS NOT NULL`)
export class OwnCodeEntity extends BaseRecord {
  @Field({ description: 'Its name, unique among the live codes of its scope (case does not count).' })
  @Column({ type: 'varchar', length: OWN_CODE_NAME_MAX })
  name: string;

  @Field({ description: 'What it stands for: when to use it, and when not.' })
  @Column({ type: 'text', default: '' })
  description: string;

  @Field({ description: 'Its colour in QDA tools, as #RRGGBB.' })
  @Column({ type: 'char', length: 7 })
  colour: string;

  @Field(() => CodeDimension, { nullable: true, description: 'The framework dimension it sits under, if any (not with a parent code).' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  parentDimension: CodeDimension | null;

  @Index('idx_own_code_parent_id')
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => OwnCodeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_own_code_parent' })
  parent?: OwnCodeEntity;

  @Index('idx_own_code_pilot_id')
  @Column({ type: 'uuid', nullable: true })
  pilotId: string | null;

  @ManyToOne(() => PilotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'fk_own_code_pilot' })
  pilot?: PilotEntity;

  @Column({ type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_own_code_created_by' })
  creator?: UserEntity;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was retired (or merged): no new codings, existing ones stay.' })
  @Column({ type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was retired or merged.' })
  @Column({ type: 'text', nullable: true })
  retireReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @ManyToOne(() => OwnCodeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'fk_own_code_merged_into' })
  mergedInto?: OwnCodeEntity;

  @VersionColumn()
  version: number;
}
