import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { assertVersion } from '../../common/corrections/changes';
import { badInput, conflict, forbidden, notFound } from '../../common/errors/domain-error';
import { AccessChecks } from '../access/access.checks';
import { visibleOwnCodes } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { ClientRequests } from '../client-request/client-requests.service';
import { ObservationService } from '../observation/observation.service';
import { CreateOwnCodeInput, MergeOwnCodesInput, OwnCodesArgs, RetireOwnCodeInput, UpdateOwnCodeInput } from './dto/own-code.input';
import { OwnCodeEntity } from './own-code.entity';
import './own-code.errors';

/**
 * Researchers' own codes (issue 14 §3): created, corrected, retired and merged by admins and
 * researchers (a pilot's codes by the researchers following it), read as access.rules
 * `visibleOwnCodes` says; own-code.usage.ts checks them before a coding uses them.
 */
@Injectable()
export class OwnCodeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessChecks,
    private readonly audit: AuditService,
    private readonly requests: ClientRequests,
    private readonly observations: ObservationService,
  ) {}

  list(actor: AuthUser, { filter }: OwnCodesArgs): Promise<OwnCodeEntity[]> {
    const qb = applyTo(this.ds.getRepository(OwnCodeEntity).createQueryBuilder('c'), visibleOwnCodes(actor, 'c'));
    if (filter?.pilotId) qb.andWhere('(c.pilotId IS NULL OR c.pilotId = :pilotId)', { pilotId: filter.pilotId });
    if (!filter?.includeRetired) qb.andWhere('c.retiredAt IS NULL');
    return qb.orderBy('lower(c.name)').addOrderBy('c.id').getMany();
  }

  async get(actor: AuthUser, id: string, em: EntityManager = this.ds.manager, lock = false): Promise<OwnCodeEntity> {
    const qb = em.getRepository(OwnCodeEntity).createQueryBuilder('c').where('c.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const code = await applyTo(qb, visibleOwnCodes(actor, 'c')).getOne();
    if (!code) throw notFound('OwnCode', id);
    return code;
  }

  create(actor: AuthUser, input: CreateOwnCodeInput): Promise<OwnCodeEntity> {
    return this.ds.transaction((em) =>
      this.requests.once(
        em,
        actor,
        'createOwnCode',
        input,
        async () => {
          const { clientId: _c, ...fields } = input;
          const pilotId = fields.pilotId ?? null;
          await this.assertMayWrite(em, actor, pilotId);
          if (fields.parentId && fields.parentDimension) throw badInput('input.parentId', 'give a parent code or a parent dimension, not both');
          if (fields.parentId) await this.checkParent(em, actor, { id: null, pilotId }, fields.parentId);
          const repo = em.getRepository(OwnCodeEntity);
          const code = await repo.save(
            repo.create({ ...fields, pilotId, parentId: fields.parentId ?? null, parentDimension: fields.parentDimension ?? null, createdBy: actor.id }),
          );
          await this.audit.record(em, actor, { entity: AuditEntity.OWN_CODE, entityId: code.id, action: AuditAction.CREATE, before: null, after: code });
          return code;
        },
        (id) => em.getRepository(OwnCodeEntity).findOneBy({ id }),
      ),
    );
  }

  /** A code an import brings (in the import's transaction), keeping the file's GUID as its id so a retry finds it. */
  async createIn(
    em: EntityManager,
    actor: AuthUser,
    fields: Pick<OwnCodeEntity, 'id' | 'name' | 'description' | 'colour' | 'parentDimension' | 'parentId' | 'pilotId'>,
    reason: string,
  ) {
    await this.assertMayWrite(em, actor, fields.pilotId);
    const repo = em.getRepository(OwnCodeEntity);
    const code = await repo.save(repo.create({ ...fields, createdBy: actor.id }));
    await this.audit.record(em, actor, { entity: AuditEntity.OWN_CODE, entityId: code.id, action: AuditAction.CREATE, before: null, after: code, reason });
    return code;
  }

  update(actor: AuthUser, input: UpdateOwnCodeInput): Promise<OwnCodeEntity> {
    const { id, expectedVersion, reason, topLevel, parentId, parentDimension, ...fields } = input;
    return this.change(actor, id, reason, async (em, code) => {
      assertVersion('OwnCode', code.version, expectedVersion);
      if (code.retiredAt) throw conflict('A retired code cannot be changed', 'input.id');
      if (parentId && parentDimension) throw badInput('input.parentId', 'give a parent code or a parent dimension, not both');
      const changes: Partial<OwnCodeEntity> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null));
      if (topLevel) Object.assign(changes, { parentId: null, parentDimension: null });
      if (parentDimension) Object.assign(changes, { parentId: null, parentDimension });
      if (parentId) {
        await this.checkParent(em, actor, code, parentId);
        Object.assign(changes, { parentId, parentDimension: null });
      }
      return changes;
    });
  }

  retire(actor: AuthUser, input: RetireOwnCodeInput): Promise<OwnCodeEntity> {
    return this.change(actor, input.id, input.reason, async (_em, code) => (code.retiredAt ? {} : { retiredAt: new Date(), retireReason: input.reason }));
  }

  /**
   * Moves every coding of one code to another and retires the first, pointing at the second. Its
   * child codes move under the second. Each observation and segment whose codes change gets an
   * entry in its history, with the reason.
   */
  merge(actor: AuthUser, input: MergeOwnCodesInput): Promise<OwnCodeEntity> {
    if (input.id === input.intoId) throw badInput('input.intoId', 'must be another code than id');
    return this.ds.transaction(async (em) => {
      // Both rows locked, in id order, so two merges of the same pair cannot deadlock.
      const [first, second] = [input.id, input.intoId].sort();
      const locked = [await this.get(actor, first, em, true), await this.get(actor, second, em, true)];
      const [from, into] = locked[0].id === input.id ? locked : [locked[1], locked[0]];
      await this.assertMayWrite(em, actor, from.pilotId);
      await this.assertMayWrite(em, actor, into.pilotId);
      if (from.retiredAt) throw conflict('This code is already retired or merged', 'input.id');
      if (into.retiredAt) throw badInput('input.intoId', 'is retired: merge into a live code');
      if (into.pilotId !== null && into.pilotId !== from.pilotId)
        throw badInput('input.intoId', 'is kept to one pilot: a code can only be merged into a shared code or one of its own pilot');
      if (await this.isBelow(em, into.id, from.id)) throw badInput('input.intoId', 'sits under the code being merged: move it out first');
      await this.assertMayRecodeEverywhere(em, actor, from.id);
      await this.observations.replaceOwnCode(em, actor, from.id, into.id, input.reason);
      await em.query('UPDATE own_code SET parent_id = $2 WHERE parent_id = $1', [from.id, into.id]);
      const before = { ...from };
      Object.assign(from, { retiredAt: new Date(), retireReason: input.reason, mergedIntoId: into.id, version: from.version + 1 });
      const saved = await em.getRepository(OwnCodeEntity).save(from);
      await this.audit.record(em, actor, {
        entity: AuditEntity.OWN_CODE,
        entityId: from.id,
        action: AuditAction.UPDATE,
        before,
        after: saved,
        reason: input.reason,
      });
      return saved;
    });
  }

  private change(
    actor: AuthUser,
    id: string,
    reason: string,
    changes: (em: EntityManager, code: OwnCodeEntity) => Promise<Partial<OwnCodeEntity>>,
  ): Promise<OwnCodeEntity> {
    return this.ds.transaction(async (em) => {
      const code = await this.get(actor, id, em, true);
      await this.assertMayWrite(em, actor, code.pilotId);
      const before = { ...code };
      const changed = await changes(em, code);
      if (!Object.keys(changed).length) return code;
      Object.assign(code, changed, { version: code.version + 1 });
      const saved = await em.getRepository(OwnCodeEntity).save(code);
      await this.audit.record(em, actor, { entity: AuditEntity.OWN_CODE, entityId: id, action: AuditAction.UPDATE, before, after: saved, reason });
      return saved;
    });
  }

  /** A parent must be a live code the caller sees, shared or of the same pilot, and not the code itself or below it. */
  private async checkParent(em: EntityManager, actor: AuthUser, code: { id: string | null; pilotId: string | null }, parentId: string): Promise<void> {
    const parent = await this.get(actor, parentId, em).catch(() => null);
    if (!parent) throw badInput('input.parentId', 'is no own code you may use');
    if (parent.retiredAt) throw badInput('input.parentId', 'is retired');
    if (parent.pilotId !== null && parent.pilotId !== code.pilotId) throw badInput('input.parentId', 'is kept to another pilot');
    if (code.id && (parent.id === code.id || (await this.isBelow(em, parent.id, code.id)))) throw badInput('input.parentId', 'would put the code under itself');
  }

  /** Whether code `id` sits (at any depth) under code `ancestorId`. */
  private async isBelow(em: EntityManager, id: string, ancestorId: string): Promise<boolean> {
    const [{ below }] = await em.query(
      `WITH RECURSIVE up AS (SELECT parent_id FROM own_code WHERE id = $1 UNION SELECT c.parent_id FROM own_code c JOIN up ON c.id = up.parent_id)
       SELECT EXISTS (SELECT 1 FROM up WHERE parent_id = $2) AS below`,
      [id, ancestorId],
    );
    return below;
  }

  /**
   * A merge rewrites every observation and segment carrying the code: a shared code's codings may
   * sit in several pilots, and the caller must write own codes in each of them (admins always).
   */
  private async assertMayRecodeEverywhere(em: EntityManager, actor: AuthUser, codeId: string): Promise<void> {
    const pilots: { pilot_id: string }[] = await em.query(
      `SELECT o.pilot_id FROM observation o WHERE o.own_code_ids @> ARRAY[$1::uuid]
       UNION SELECT o.pilot_id FROM coded_segment s JOIN observation o ON o.id = s.observation_id WHERE s.own_code_ids @> ARRAY[$1::uuid]`,
      [codeId],
    );
    for (const { pilot_id } of pilots)
      if (!(await this.access.mayWriteOwnCode(actor, pilot_id, em)))
        throw forbidden('This code is used in a pilot you do not follow: only an admin, or researchers following every pilot it is used in, merge it');
  }

  private async assertMayWrite(em: EntityManager, actor: AuthUser, pilotId: string | null): Promise<void> {
    if (!(await this.access.mayWriteOwnCode(actor, pilotId, em)))
      throw forbidden('Only admins and researchers write own codes; a pilot’s codes only the researchers following it');
  }
}
