import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { badInput, notFound } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { ClientRequests } from '../client-request/client-requests.service';
import { ChangePasswordInput, IssuePasswordLinkInput, InviteUserInput, PasswordLink } from './dto/account.input';
import { PASSWORD_MIN } from './dto/create-user.input';
import { hashPassword, verifyPassword } from './password';
import { UserInvitationEntity } from './user-invitation.entity';
import { UserEntity } from './user.entity';
import { normaliseEmail, UserService } from './user.service';
import { endLinks, endSessions } from './account-ends';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** What a one-time link to set a password is now. */
export type PasswordLinkState = { valid: true; user: UserEntity } | { valid: false };

/**
 * Accounts people manage themselves: an admin invites (or gives a forgotten password a new
 * link), the user sets their own password through the one-time link, and every user changes
 * their own password. Setting a password ends the user's other sessions; so does deactivation
 * (UserService.update).
 */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserService,
    private readonly audit: AuditService,
    private readonly requests: ClientRequests,
  ) {}

  /** A new account without a usable password, and its link. A retry gives the same account a fresh link. */
  async invite(actor: AuthUser, input: InviteUserInput): Promise<PasswordLink> {
    const unusable = await hashPassword(randomBytes(32).toString('base64url'));
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(UserEntity);
      let link: PasswordLink | undefined;
      const create = async () => {
        const user = await this.users.insert(em, actor, { ...input, email: normaliseEmail(input.email) }, unusable);
        link = await this.makeLink(em, actor, user);
        return user;
      };
      const user = await this.requests.once(em, actor, 'inviteUser', input, create, (id) => repo.findOneBy({ id }));
      return link ?? (await this.makeLink(em, actor, user));
    });
  }

  async passwordLink(actor: AuthUser, input: IssuePasswordLinkInput): Promise<PasswordLink> {
    return this.ds.transaction(async (em) => {
      const user = await em.getRepository(UserEntity).findOne({ where: { id: input.userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('User', input.userId);
      if (!user.active) throw badInput('input.userId', 'the account is deactivated: activate it first');
      return this.makeLink(em, actor, user, input.reason);
    });
  }

  async changePassword(actor: AuthUser, input: ChangePasswordInput, keepSessionId?: string): Promise<UserEntity> {
    const user = await this.users.get(actor.id);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw badInput('input.currentPassword', 'is not your current password');
    const passwordHash = await hashPassword(input.newPassword);
    return this.ds.transaction(async (em) => {
      const saved = await this.setPassword(em, actor, user, passwordHash, 'Changed their own password');
      await endSessions(em, user.id, keepSessionId);
      return saved;
    });
  }

  /** Whether a link still works, and for whom. */
  async linkState(token: string): Promise<PasswordLinkState> {
    const [row] = await this.ds.query(
      `SELECT i.user_id FROM user_invitation i JOIN app_user u ON u.id = i.user_id
        WHERE i.token_hash = $1 AND i.ended_at IS NULL AND i.expires_at > now() AND u.active`,
      [sha256(token)],
    );
    return row ? { valid: true, user: await this.users.get(row.user_id) } : { valid: false };
  }

  /** Sets the password through a link, once: the link ends, and so does every session of the user. */
  async setPasswordByLink(token: string, password: string): Promise<UserEntity | undefined> {
    if (password.length < PASSWORD_MIN) throw badInput('password', `must be at least ${PASSWORD_MIN} characters`);
    const passwordHash = await hashPassword(password);
    return this.ds.transaction(async (em) => {
      // An UPDATE's result through TypeORM is [rows, count].
      const [[row]]: [{ user_id: string }[], number] = await em.query(
        `UPDATE user_invitation i SET ended_at = now() FROM app_user u
          WHERE i.token_hash = $1 AND i.ended_at IS NULL AND i.expires_at > now() AND u.id = i.user_id AND u.active
          RETURNING i.user_id`,
        [sha256(token)],
      );
      if (!row) return undefined;
      const user = await em.getRepository(UserEntity).findOneByOrFail({ id: row.user_id });
      const self: AuthUser = { id: user.id, role: user.role, organisationId: user.organisationId };
      const saved = await this.setPassword(em, self, user, passwordHash, 'Set their password through a one-time link');
      await endSessions(em, user.id);
      return saved;
    });
  }

  private async setPassword(em: EntityManager, actor: AuthUser, user: UserEntity, passwordHash: string, reason: string): Promise<UserEntity> {
    const before = { ...user };
    user.passwordHash = passwordHash;
    const saved = await em.getRepository(UserEntity).save(user);
    await this.audit.record(em, actor, { entity: AuditEntity.USER, entityId: user.id, action: AuditAction.UPDATE, before, after: saved, reason });
    return saved;
  }

  /** A new link for the user (in the audit trail as when it expires); their earlier open links end. */
  private async makeLink(em: EntityManager, actor: AuthUser, user: UserEntity, reason = 'Invited'): Promise<PasswordLink> {
    await endLinks(em, user.id);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.auth.invitationTtlHours * 3_600_000);
    await em.getRepository(UserInvitationEntity).insert({ userId: user.id, tokenHash: sha256(token), expiresAt, createdBy: actor.id });
    const change = { entity: AuditEntity.USER, entityId: user.id, action: AuditAction.UPDATE, reason };
    await this.audit.record(em, actor, { ...change, before: { passwordLinkUntil: null }, after: { passwordLinkUntil: expiresAt.toISOString() } });
    return { user, url: `${this.config.publicUrl}/inbjudan/${token}`, expiresAt };
  }
}
