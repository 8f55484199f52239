import { Field, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../database/base-record';
import { Role } from '../../common/auth/role.enum';
import { OrganisationEntity } from '../organisation/organisation.entity';

@ObjectType('User', { description: 'A person who signs in: an admin, analyst, researcher or organisation reporter.' })
@Entity('app_user')
@Check('chk_app_user_email_lower', `"email" = lower("email")`)
@Check('chk_app_user_reporter_organisation', `("role" = 'ORG_REPORTER') = ("organisation_id" IS NOT NULL)`)
@Index('idx_app_user_display_name_id', ['displayName', 'id']) // keyset pagination order
@Index('idx_app_user_search_trgm', { synchronize: false }) // GIN trigram on display_name || ' ' || email, by hand
export class UserEntity extends BaseRecord {
  /** Exposed through UserResolver.email: admins and the user themself only. */
  @Index('uq_app_user_email', { unique: true })
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Field({ description: 'The name others see.' })
  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  @Field(() => Role, { description: 'What they may do (see the role’s description).' })
  @Index('idx_app_user_role')
  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role: Role;

  @Index('idx_app_user_organisation_id')
  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => OrganisationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_app_user_organisation' })
  organisation?: OrganisationEntity | null;

  /** argon2id; never exposed (no @Field). */
  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Field({ description: 'Deactivated users cannot log in, and their tokens stop working.' })
  @Index('idx_app_user_active')
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
