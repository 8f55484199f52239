import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Role } from '../../common/auth/role.enum';
import { forbidden, notFound } from '../../common/errors/domain-error';
import { ConnectionShape, paginate } from '../../common/pagination/connection';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { CreateOrganisationInput } from './dto/create-organisation.input';
import { OrganisationsArgs } from './dto/organisations.args';
import { UpdateOrganisationInput } from './dto/update-organisation.input';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationErrors } from './organisation.errors';
import { applyOrganisationRules } from './organisation.rules';
import { likeEscape, researcherOrgIdsSql, subtreeIdsSql } from './organisation.sql';

/** Serialises changes to the tree, so two concurrent moves cannot create a cycle together. */
const TREE_LOCK_KEY = 0x7419_0001;

@Injectable()
export class OrganisationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Org reporters see their own organisation's subtree; everyone else sees the directory. */
  scope<T extends object>(actor: AuthUser, qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    if (actor.role === Role.ORG_REPORTER) {
      qb.andWhere(`${qb.alias}.id IN (${subtreeIdsSql(':scopeRootId')})`, { scopeRootId: actor.organisationId });
    }
    return qb;
  }

  /**
   * Reports about an organisation (indicator burden, time thieves): admins and analysts read
   * all; org reporters their own subtree; researchers the organisations in the pilots they
   * follow, with their units. `column` is the report's organisation id column.
   */
  reportScope<T extends object>(actor: AuthUser, qb: SelectQueryBuilder<T>, column: string): SelectQueryBuilder<T> {
    if (actor.role === Role.ORG_REPORTER) {
      qb.andWhere(`${column} IN (${subtreeIdsSql(':reportRootId')})`, { reportRootId: actor.organisationId });
    } else if (actor.role === Role.RESEARCHER) {
      qb.andWhere(`${column} IN (${researcherOrgIdsSql(':reportUserId')})`, { reportUserId: actor.id });
    } else if (actor.role !== Role.ADMIN && actor.role !== Role.ANALYST) {
      qb.andWhere('false');
    }
    return qb;
  }

  /**
   * Writes about an organisation: the same rule, without analysts. An org reporter gets
   * NOT_FOUND for organisations outside its subtree (it cannot see them); others FORBIDDEN.
   */
  async assertCanReportFor(actor: AuthUser, organisationId: string, em: EntityManager = this.ds.manager): Promise<void> {
    if (actor.role === Role.ADMIN) return;
    if (actor.role === Role.ORG_REPORTER || actor.role === Role.RESEARCHER) {
      const qb = em.getRepository(OrganisationEntity).createQueryBuilder('o').where('o.id = :orgId', { orgId: organisationId });
      if (await this.reportScope(actor, qb, 'o.id').getExists()) return;
      const exists = await em.getRepository(OrganisationEntity).exists({ where: { id: organisationId } });
      if (!exists || actor.role === Role.ORG_REPORTER) throw notFound('Organisation', organisationId);
      throw forbidden('You report only for organisations in the pilots you follow');
    }
    throw forbidden('Your role cannot report for organisations');
  }

  async list(actor: AuthUser, args: OrganisationsArgs): Promise<ConnectionShape<OrganisationEntity>> {
    const qb = this.scope(actor, this.ds.getRepository(OrganisationEntity).createQueryBuilder('o'));
    const f = args.filter ?? {};
    if (f.kind?.length) qb.andWhere('o.kind IN (:...kinds)', { kinds: f.kind });
    if (f.county?.length) qb.andWhere('o.county IN (:...counties)', { counties: f.county });
    if (f.parentId) qb.andWhere('o.parentId = :parentId', { parentId: f.parentId });
    if (f.rootsOnly) qb.andWhere('o.parentId IS NULL');
    if (f.text?.trim()) {
      qb.andWhere(`(o.name ILIKE :pattern ESCAPE '\\' OR o.officialCode = :code)`, {
        pattern: `%${likeEscape(f.text.trim())}%`,
        code: f.text.trim(),
      });
    }
    return paginate(qb, args, { column: 'o.name', value: (o) => o.name });
  }

  async get(actor: AuthUser, id: string): Promise<OrganisationEntity> {
    const qb = this.ds.getRepository(OrganisationEntity).createQueryBuilder('o').where('o.id = :id', { id });
    const org = await this.scope(actor, qb).getOne();
    if (!org) throw notFound('Organisation', id);
    return org;
  }

  async create(actor: AuthUser, input: CreateOrganisationInput): Promise<OrganisationEntity> {
    const fields = applyOrganisationRules(input);
    return this.ds.transaction(async (em) => {
      if (fields.parentId) await this.requireExists(em, fields.parentId);
      const repo = em.getRepository(OrganisationEntity);
      const org = await repo.save(repo.create(fields));
      await this.audit.record(em, actor, { entity: AuditEntity.ORGANISATION, entityId: org.id, action: AuditAction.CREATE, before: null, after: org });
      return org;
    });
  }

  async update(actor: AuthUser, input: UpdateOrganisationInput): Promise<OrganisationEntity> {
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(OrganisationEntity);
      const current = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('Organisation', input.id);
      const { id: _id, ...changes } = input;
      const merged = applyOrganisationRules({ ...current, ...changes });
      if (changes.parentId !== undefined && changes.parentId !== current.parentId && changes.parentId !== null) {
        await em.query('SELECT pg_advisory_xact_lock($1)', [TREE_LOCK_KEY]);
        await this.requireExists(em, changes.parentId);
        const [{ cycle }] = await em.query(
          `SELECT $2::uuid IN (${subtreeIdsSql('$1::uuid')}) AS cycle`,
          [current.id, changes.parentId],
        );
        if (cycle) throw OrganisationErrors.cycle();
      }
      const before = { ...current };
      const saved = await repo.save(repo.merge(current, merged));
      await this.audit.record(em, actor, { entity: AuditEntity.ORGANISATION, entityId: saved.id, action: AuditAction.UPDATE, before, after: saved });
      return saved;
    });
  }

  private async requireExists(em: EntityManager, id: string): Promise<void> {
    const found = await em.getRepository(OrganisationEntity).exists({ where: { id } });
    if (!found) throw notFound('Parent organisation', id);
  }
}
