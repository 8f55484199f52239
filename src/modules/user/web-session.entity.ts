import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signed-in browser's session (express-session's store, connect-pg-simple's columns). The cookie
 * holds only the signed id; `sess` holds the user's id, the CSRF token, the language and when the
 * user signed in. Rows past `expire` are pruned; a user's rows go when they are deactivated,
 * change their password or set it through an invitation (docs/adr/0008-web-sessions.md).
 */
@Entity('web_session')
@Index('idx_web_session_user', { synchronize: false }) // on (sess ->> 'userId'), by hand in the migration
export class WebSessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sid: string;

  @Column({ type: 'json' })
  sess: Record<string, unknown>;

  @Index('idx_web_session_expire')
  @Column({ type: 'timestamptz' })
  expire: Date;
}
