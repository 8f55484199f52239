import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { notFound } from '../../common/errors/domain-error';
import { ConnectionShape, paginate } from '../../common/pagination/connection';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { visibleOrganisations } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { AuditService } from '../audit/audit.service';
import { ClientRequests } from '../client-request/client-requests.service';
import { CreateOrganisationInput } from './dto/create-organisation.input';
import { OrganisationsArgs } from './dto/organisations.args';
import { UpdateOrganisationInput } from './dto/update-organisation.input';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationErrors } from './organisation.errors';
import { applyOrganisationRules } from './organisation.rules';
import { likeEscape, subtreeIdsSql } from './organisation.sql';

/** Serialises changes to the tree, so two concurrent moves cannot create a cycle together. */
const TREE_LOCK_KEY = 0x7419_0001;

@Injectable()
export class OrganisationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly requests: ClientRequests,
  ) {}

  async list(actor: AuthUser, args: OrganisationsArgs): Promise<ConnectionShape<OrganisationEntity>> {
    const qb = applyTo(this.ds.getRepository(OrganisationEntity).createQueryBuilder('o'), visibleOrganisations(actor, 'o.id'));
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
    const org = await applyTo(qb, visibleOrganisations(actor, 'o.id')).getOne();
    if (!org) throw notFound('Organisation', id);
    return org;
  }

  /** The organisations of these ids the caller may see (others are left out, as if missing). */
  visibleByIds(actor: AuthUser, ids: string[]): Promise<OrganisationEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    const qb = this.ds.getRepository(OrganisationEntity).createQueryBuilder('o').where('o.id IN (:...ids)', { ids });
    return applyTo(qb, visibleOrganisations(actor, 'o.id')).orderBy('o.name').getMany();
  }

  /** Every organisation the caller may see, by name (for a choice in a form; at most `limit`). */
  visibleNames(actor: AuthUser, limit = 5_000): Promise<OrganisationEntity[]> {
    const qb = this.ds.getRepository(OrganisationEntity).createQueryBuilder('o').select(['o.id', 'o.name']);
    return applyTo(qb, visibleOrganisations(actor, 'o.id')).orderBy('o.name').addOrderBy('o.id').take(limit).getMany();
  }

  /** An organisation and everything below it that the caller may see, by name. */
  subtree(actor: AuthUser, id: string): Promise<OrganisationEntity[]> {
    const qb = this.ds
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where(`o.id IN (${subtreeIdsSql(':root')})`, { root: id });
    return applyTo(qb, visibleOrganisations(actor, 'o.id')).orderBy('o.name').getMany();
  }

  async create(actor: AuthUser, input: CreateOrganisationInput): Promise<OrganisationEntity> {
    const { clientId: _c, ...rest } = input;
    const fields = applyOrganisationRules(rest);
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(OrganisationEntity);
      return this.requests.once(
        em,
        actor,
        'createOrganisation',
        input,
        async () => {
          if (fields.parentId) await this.requireExists(em, fields.parentId);
          const org = await repo.save(repo.create(fields));
          await this.audit.record(em, actor, { entity: AuditEntity.ORGANISATION, entityId: org.id, action: AuditAction.CREATE, before: null, after: org });
          return org;
        },
        (id) => repo.findOneBy({ id }),
      );
    });
  }

  async update(actor: AuthUser, input: UpdateOrganisationInput): Promise<OrganisationEntity> {
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(OrganisationEntity);
      const current = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('Organisation', input.id);
      const { id: _id, reason, ...changes } = input;
      const merged = applyOrganisationRules({ ...current, ...changes });
      if (changes.parentId !== undefined && changes.parentId !== current.parentId && changes.parentId !== null) {
        await em.query('SELECT pg_advisory_xact_lock($1)', [TREE_LOCK_KEY]);
        await this.requireExists(em, changes.parentId);
        const [{ cycle }] = await em.query(`SELECT $2::uuid IN (${subtreeIdsSql('$1::uuid')}) AS cycle`, [current.id, changes.parentId]);
        if (cycle) throw OrganisationErrors.cycle();
      }
      const before = { ...current };
      const saved = await repo.save(repo.merge(current, merged));
      await this.audit.record(em, actor, { entity: AuditEntity.ORGANISATION, entityId: saved.id, action: AuditAction.UPDATE, before, after: saved, reason });
      return saved;
    });
  }

  private async requireExists(em: EntityManager, id: string): Promise<void> {
    const found = await em.getRepository(OrganisationEntity).exists({ where: { id } });
    if (!found) throw notFound('Parent organisation', id);
  }
}
