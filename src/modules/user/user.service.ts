import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Role } from '../../common/auth/role.enum';
import { notFound } from '../../common/errors/domain-error';
import { ConnectionShape, paginate } from '../../common/pagination/connection';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { ClientRequests } from '../client-request/client-requests.service';
import { likeEscape } from '../organisation/organisation.sql';
import { CreateUserInput } from './dto/create-user.input';
import { UpdateUserInput } from './dto/update-user.input';
import { UsersArgs } from './dto/users.args';
import { hashPassword } from './password';
import { UserEntity } from './user.entity';
import { UserErrors } from './user.errors';
import { endLinks, endSessions } from './account-ends';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

@Injectable()
export class UserService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly requests: ClientRequests,
  ) {}

  private get repo() {
    return this.ds.getRepository(UserEntity);
  }

  async list(args: UsersArgs): Promise<ConnectionShape<UserEntity>> {
    const qb = this.repo.createQueryBuilder('u');
    const f = args.filter ?? {};
    if (f.role?.length) qb.andWhere('u.role IN (:...roles)', { roles: f.role });
    if (f.active !== undefined) qb.andWhere('u.active = :active', { active: f.active });
    if (f.organisationId) qb.andWhere('u.organisationId = :orgId', { orgId: f.organisationId });
    if (f.text?.trim()) {
      // Matches the trigram index idx_app_user_search_trgm.
      qb.andWhere(`(u.displayName || ' ' || u.email) ILIKE :pattern ESCAPE '\\'`, {
        pattern: `%${likeEscape(f.text.trim())}%`,
      });
    }
    return paginate(qb, args, { column: 'u.displayName', value: (u) => u.displayName });
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.repo.findOneBy({ id });
    if (!user) throw notFound('User', id);
    return user;
  }

  /** `actor` null: the system (the create-admin command). */
  async create(actor: AuthUser | null, input: CreateUserInput): Promise<UserEntity> {
    this.checkOrganisationRule(input.role, input.organisationId ?? null);
    const { password, ...fields } = input;
    const passwordHash = await hashPassword(password);
    return this.ds.transaction(async (em) => {
      const create = () => this.insert(em, actor, fields, passwordHash);
      if (!actor) return create();
      // The password stays out of the request's fingerprint.
      return this.requests.once(em, actor, 'createUser', fields, create, (id) => em.getRepository(UserEntity).findOneBy({ id }));
    });
  }

  /** Inserts an account with its audit entry, in the caller's transaction. */
  async insert(em: EntityManager, actor: AuthUser | null, input: Omit<CreateUserInput, 'password' | 'clientId'>, passwordHash: string): Promise<UserEntity> {
    this.checkOrganisationRule(input.role, input.organisationId ?? null);
    const repo = em.getRepository(UserEntity);
    const user = await repo.save(
      repo.create({
        email: normaliseEmail(input.email),
        displayName: input.displayName.trim(),
        role: input.role,
        organisationId: input.organisationId ?? null,
        passwordHash,
        active: true,
      }),
    );
    await this.audit.record(em, actor, { entity: AuditEntity.USER, entityId: user.id, action: AuditAction.CREATE, before: null, after: user });
    return user;
  }

  async update(actor: AuthUser, input: UpdateUserInput): Promise<UserEntity> {
    const { id, password, email, reason, ...rest } = input;
    const passwordHash = password ? await hashPassword(password) : undefined;
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('User', id);
      const before = { ...user };
      repo.merge(user, rest);
      if (email !== undefined) user.email = normaliseEmail(email);
      if (passwordHash) user.passwordHash = passwordHash;
      this.checkOrganisationRule(user.role, user.organisationId);
      const saved = await repo.save(user);
      await this.audit.record(em, actor, { entity: AuditEntity.USER, entityId: id, action: AuditAction.UPDATE, before, after: saved, reason });
      // A deactivated user is signed out everywhere at once; a new password ends the old sessions.
      if (!saved.active || passwordHash) {
        await endSessions(em, id);
        if (!saved.active) await endLinks(em, id);
      }
      return saved;
    });
  }

  /**
   * The active user behind a token, or undefined (unknown or deactivated). Runs on every request
   * (the auth guard): one plain statement, no query builder or entity.
   */
  async findAuthUser(id: string): Promise<AuthUser | undefined> {
    const [row]: { id: string; role: Role; organisation_id: string | null }[] = await this.ds.query(
      'SELECT id, role, organisation_id FROM app_user WHERE id = $1 AND active',
      [id],
    );
    return row ? { id: row.id, role: row.role, organisationId: row.organisation_id } : undefined;
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email: normaliseEmail(email) });
  }

  private checkOrganisationRule(role: Role, organisationId: string | null): void {
    if ((role === Role.ORG_REPORTER) !== (organisationId !== null)) throw UserErrors.reporterNeedsOrganisation();
  }
}
