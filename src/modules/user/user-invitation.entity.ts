import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * A one-time link to set one's password: made by an admin for a new or existing account, shown
 * once, valid until `expiresAt` or its first use. Only the SHA-256 of its token is kept, so a
 * reader of the database cannot use it.
 */
@Entity('user_invitation')
@Unique('uq_user_invitation_token_hash', ['tokenHash'])
export class UserInvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_user_invitation_user_id')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_invitation_user' })
  user?: UserEntity;

  /** Hex SHA-256 of the token. */
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** When the link set a password, or when a newer link or a deactivation ended it. */
  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /** The admin who made it. */
  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
