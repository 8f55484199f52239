import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Login attempt counters, shared by every API instance (docs/architecture.md, "Login abuse").
 * The key is a SHA-256 of the limit's name and what it tracks (a client address or an e-mail
 * address), never the address itself. Not a GraphQL type.
 */
@Entity('rate_limit_counter')
export class RateLimitCounterEntity {
  @PrimaryColumn({ type: 'char', length: 64 })
  key: string;

  /** Attempts in the current window. */
  @Column({ type: 'integer' })
  hits: number;

  @Index('idx_rate_limit_counter_window_ends_at')
  @Column({ type: 'timestamptz' })
  windowEndsAt: Date;

  /** Set when the limit was exceeded: every attempt is refused until then. */
  @Column({ type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;
}
