import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { notFound } from '../../common/errors/domain-error';
import { ConnectionShape, keysetSql, KeysetSort, toConnection } from '../../common/pagination/connection';
import type { PageSelection } from '../../common/pagination/page-selection';
import { UserEntity } from '../user/user.entity';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { subtreeIdsSql, takesPartInPilotSql } from '../organisation/organisation.sql';
import { AccessChecks } from '../access/access.checks';
import { readableObservations, visibleDeletedObservations } from '../access/access.rules';
import { applyTo, inRaw } from '../access/sql-fragment';
import { EntityRows } from '../../common/sql/entity-rows';
import { Params } from '../../common/sql/params';
import { CodedSegmentEntity } from './coded-segment.entity';
import { AddCodedSegmentInput, UpdateCodedSegmentInput } from './dto/coded-segment.input';
import { DeleteObservationInput, RestoreObservationInput } from './dto/delete-observation.input';
import { RemoveByIdInput } from '../../common/corrections/correction.input';
import { LogObservationInput } from './dto/log-observation.input';
import { CodeFilter, ObservationFilter, ObservationsArgs } from './dto/observations.args';
import { UpdateObservationInput } from './dto/update-observation.input';
import { FrameworkCodes, FrameworkCodesInput, toCodes } from './framework-codes';
import { assertOwnCodesUsable } from '../own-code/own-code.usage';
import { ObservationVersionEntity } from './observation-version.entity';
import { stableJson } from '../../common/json/stable-json';
import { ClientRequests } from '../client-request/client-requests.service';
import { ObservationEntity, TEXT_MAX } from './observation.entity';
import { CodeMatch } from './observation.enums';
import { MethodPolarity, TrustMethod } from '../framework/framework.enums';
import { ObservationErrors } from './observation.errors';
import { anchorSegment, reanchor } from './anchor';
import { codePointLength, sliceCodePoints } from './text';

/** The expression the Swedish full-text index (idx_observation_search) is built on. */
const SEARCH_VECTOR = `to_tsvector('swedish', o.title || ' ' || o.text)`;

/** Lists are newest first: by the day it occurred, then by id. */
const NEWEST_FIRST: KeysetSort<ObservationEntity> = { column: 'o.occurred_on', value: (o) => o.occurredOn, direction: 'DESC' };

/** Fields of Observation resolved from other columns (their keys) or from none; every other field is a column. */
const RESOLVED_FROM: Record<string, string[]> = {
  pilot: ['pilotId'],
  organisation: ['organisationId'],
  author: ['authorId'],
  segments: [],
  versions: [],
  __typename: [],
};

/** The properties a page must read for these fields: theirs, the keys of resolved ones, and the cursor's. */
function columnsFor(fields: ReadonlySet<string>): Set<string> {
  const properties = new Set(['id', 'occurredOn']);
  for (const field of fields) for (const p of RESOLVED_FROM[field] ?? [field]) properties.add(p);
  return properties;
}

/** What a version keeps: everything a user can change. */
function snapshot(o: ObservationEntity) {
  return {
    organisationId: o.organisationId,
    level: o.level,
    occurredOn: o.occurredOn,
    occurredTime: o.occurredTime,
    kind: o.kind,
    respondentRole: o.respondentRole,
    title: o.title,
    text: o.text,
    codes: { ...o.codes },
    tags: o.tags,
    deletedAt: o.deletedAt?.toISOString() ?? null,
    deleteReason: o.deleteReason,
  };
}

@Injectable()
export class ObservationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessChecks,
    private readonly requests: ClientRequests,
  ) {
    this.rows = new EntityRows(ds, ObservationEntity, 'o');
    // Every column a User field may read, but not the password hash.
    const userColumns = ds
      .getMetadata(UserEntity)
      .columns.map((c) => c.propertyName)
      .filter((p) => p !== 'passwordHash');
    this.authors = new EntityRows(ds, UserEntity, 'u', 'u', new Set(userColumns));
  }

  /** Observations by hand-written SQL (the one-observation read and the list are the API's hottest paths). */
  private readonly rows: EntityRows<ObservationEntity>;
  /** Their authors, read in the same statement as a page that selects them. */
  private readonly authors: EntityRows<UserEntity>;

  // ---------------------------------------------------------------- reading

  /**
   * One page, newest first, in one statement: only the columns the selection needs (`want`,
   * from the GraphQL selection set; all without it), the author joined when selected, and the
   * total count when selected (unless the page is empty: then it is counted on its own).
   */
  async list(actor: AuthUser, args: ObservationsArgs, want?: PageSelection): Promise<ConnectionShape<ObservationEntity>> {
    const p = new Params();
    const where = this.listWhere(actor, args.filter ?? { deleted: false, codeMatch: CodeMatch.ANY }, p);
    const countSql = `SELECT count(*)::int AS n FROM observation o WHERE ${where}`;
    const countParams = [...p.values];
    const keyset = keysetSql(args, NEWEST_FIRST, 'o.id', p);
    const rows = want ? this.rows.only(columnsFor(want.nodeFields)) : this.rows;
    const author = want?.nodeFields.has('author') ?? false;
    const select = [rows.select, author && this.authors.select, want?.totalCount && `(${countSql}) AS total_count`].filter(Boolean);
    const raw: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${select.join(', ')} FROM observation o ${author ? 'JOIN app_user u ON u.id = o.author_id' : ''}
        WHERE ${where} AND ${keyset.where} ${keyset.orderLimit}`,
      p.values,
    );
    const page = raw.map((row) => Object.assign(rows.hydrate(row), author ? { author: this.authors.hydrate(row) } : {}));
    const count = () => this.ds.query(countSql, countParams).then(([r]) => r.n as number);
    return toConnection(page, args, NEWEST_FIRST, count, raw[0]?.total_count as number | undefined);
  }

  /** The filter of a list, with the caller's access rule, as one SQL condition on `o`. */
  private listWhere(actor: AuthUser, f: ObservationFilter, p: Params): string {
    const where = [inRaw(readableObservations(actor, 'o'), p)];
    if (f.deleted) where.push('o.deleted_at IS NOT NULL', inRaw(visibleDeletedObservations(actor, 'o'), p));
    else where.push('o.deleted_at IS NULL');
    // One value as equality: PostgreSQL 15 reads an index in order only for `=`, not for `= ANY` (idx_observation_pilot_newest).
    const any = (column: string, values: unknown[] | undefined, type: string) =>
      values?.length && where.push(values.length === 1 ? `${column} = ${p.add(values[0], `::${type}`)}` : `${column} = ANY(${p.add(values, `::${type}[]`)})`);
    any('o.pilot_id', f.pilotId, 'uuid');
    any('o.kind', f.kind, 'observation_kind');
    any('o.level', f.level, 'steering_level');
    any('o.respondent_role', f.respondentRole, 'respondent_role');
    if (f.organisationId) where.push(`o.organisation_id IN (${subtreeIdsSql(p.add(f.organisationId, '::uuid'))})`);
    if (f.authorId) where.push(`o.author_id = ${p.add(f.authorId, '::uuid')}`);
    if (f.from) where.push(`o.occurred_on >= ${p.add(f.from, '::date')}`);
    if (f.to) where.push(`o.occurred_on <= ${p.add(f.to, '::date')}`);
    if (f.tag) where.push(`o.tags @> ${p.add([f.tag], '::varchar[]')}`);
    if (f.text?.trim()) where.push(`${SEARCH_VECTOR} @@ websearch_to_tsquery('swedish', ${p.add(f.text.trim())})`);
    if (f.codes) where.push(this.codesWhere(f.codes, f.codeMatch, p));
    return where.filter(Boolean).join(' AND ');
  }

  /** The code filter: ANY of the codes given or ALL of them ('' when none is given). */
  private codesWhere(codes: CodeFilter, match: CodeMatch, p: Params): string {
    const parts: string[] = [];
    const arrays: [keyof CodeFilter, string, string][] = [
      ['forms', 'forms', 'governance_form'],
      ['relations', 'relations', 'trust_relation'],
      ['trustworthiness', 'trustworthiness', 'trustworthiness'],
    ];
    for (const [key, column, type] of arrays) {
      const values = codes[key];
      if (values?.length) parts.push(`o.${column} ${match === CodeMatch.ALL ? '@>' : '&&'} ${p.add(values, `::${type}[]`)}`);
    }
    parts.push(...this.methodsWhere(codes, match, p));
    const scalars: [keyof CodeFilter, string, string][] = [
      ['phase', 'phase', 'governance_phase'],
      ['orientation', 'orientation', 'coded_orientation'],
      ['effectOnTrust', 'effect_on_trust', 'trust_effect'],
    ];
    for (const [key, column, type] of scalars) {
      const values = codes[key] as string[] | undefined;
      if (!values?.length) continue;
      if (match === CodeMatch.ANY) parts.push(`o.${column} = ANY(${p.add(values, `::${type}[]`)})`);
      else parts.push(...values.map((v) => `o.${column} = ${p.add(v, `::${type}`)}`));
    }
    return parts.length ? `(${parts.join(match === CodeMatch.ALL ? ' AND ' : ' OR ')})` : '';
  }

  /**
   * Methods are stored with their polarity ("METHOD:POLARITY"): each method asked for is the set
   * of its codes with the polarities asked for (all by default); ANY needs one of those codes of
   * any method, ALL one of each method's. Overlap (&&) on the GIN-indexed column either way.
   */
  private methodsWhere(codes: CodeFilter, match: CodeMatch, p: Params): string[] {
    if (!codes.methods?.length && !codes.methodPolarity?.length) return [];
    const polarities = codes.methodPolarity?.length ? codes.methodPolarity : Object.values(MethodPolarity);
    const codesOf = (methods: TrustMethod[]) => methods.flatMap((m) => polarities.map((pol) => `${m}:${pol}`));
    const groups =
      codes.methods?.length && match === CodeMatch.ALL ? codes.methods.map((m) => [m]) : [codes.methods?.length ? codes.methods : Object.values(TrustMethod)];
    return groups.map((methods) => `o.methods && ${p.add(codesOf(methods), '::text[]')}`);
  }

  /** One observation; deleted ones only to their author and admins (the same rule as visibleOne). */
  async get(actor: AuthUser, id: string): Promise<ObservationEntity> {
    const p = new Params();
    const where = `o.id = ${p.add(id, '::uuid')} AND ${inRaw(readableObservations(actor, 'o'), p)}
      AND (o.deleted_at IS NULL OR ${inRaw(visibleDeletedObservations(actor, 'o'), p)})`;
    const [obs] = await this.rows.query(`FROM observation o WHERE ${where}`, p.values);
    if (!obs) throw notFound('Observation', id);
    return obs;
  }

  /** The observation of `qb` if the caller may read it (deleted: its author and admins), else NOT_FOUND. */
  private async visibleOne(actor: AuthUser, qb: SelectQueryBuilder<ObservationEntity>, id: string): Promise<ObservationEntity> {
    const live = visibleDeletedObservations(actor, 'o');
    const obs = await applyTo(qb, readableObservations(actor, 'o')).andWhere(`(o.deleted_at IS NULL OR (${live.sql}))`, live.params).getOne();
    if (!obs) throw notFound('Observation', id);
    return obs;
  }

  // ---------------------------------------------------------------- writing

  /**
   * Logs an observation. With a clientId, a retry of the same request returns the observation
   * the first one made; the same clientId with other content is a CONFLICT.
   */
  async log(actor: AuthUser, input: LogObservationInput): Promise<ObservationEntity> {
    this.checkText(input.text);
    const { clientId, ...content } = input;
    const requestHash = clientId ? createHash('sha256').update(stableJson(content)).digest('hex') : null;
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(ObservationEntity);
      if (clientId) {
        const earlier = await this.byClientId(em, actor.id, clientId);
        if (earlier) return this.sameRequest(earlier, requestHash);
      }
      await this.checkCanWrite(em, actor, input.pilotId, input.occurredOn);
      await this.checkLocation(em, input.pilotId, input.organisationId);

      const row = repo.create({
        pilotId: input.pilotId,
        organisationId: input.organisationId,
        authorId: actor.id,
        level: input.level,
        occurredOn: input.occurredOn,
        occurredTime: input.occurredTime ?? null,
        kind: input.kind,
        respondentRole: input.respondentRole ?? null,
        title: input.title,
        text: input.text,
        codes: await this.codesFor(em, actor, input.pilotId, input.codes),
        tags: input.tags,
        version: 1,
        clientId: clientId ?? null,
        requestHash,
        deletedAt: null,
        deletedBy: null,
        deleteReason: null,
      });
      // ON CONFLICT DO NOTHING: a concurrent retry with the same clientId waits for us, then finds ours.
      // The stored row comes back with the insert: no second statement to read it.
      const inserted = await repo.createQueryBuilder().insert().values(row).orIgnore().returning(this.rows.returning).execute();
      if (!inserted.raw[0]) return this.sameRequest((await this.byClientId(em, actor.id, clientId!))!, requestHash);

      const obs = this.rows.hydrate(inserted.raw[0]);
      await this.addVersion(em, actor, obs, AuditAction.CREATE, Object.keys(snapshot(obs)));
      await this.audit.record(em, actor, { entity: AuditEntity.OBSERVATION, entityId: obs.id, action: AuditAction.CREATE, before: null, after: snapshot(obs) });
      return obs;
    });
  }

  async update(actor: AuthUser, input: UpdateObservationInput): Promise<ObservationEntity> {
    if (input.text !== undefined) this.checkText(input.text);
    return this.ds.transaction(async (em) => {
      const obs = await this.lockForChange(em, actor, input.id);
      if (obs.deletedAt) throw ObservationErrors.deleted();
      if (obs.version !== input.expectedVersion) throw ObservationErrors.stale(obs.version, input.expectedVersion);
      const before = snapshot(obs);
      await this.checkCanWrite(em, actor, obs.pilotId, input.occurredOn ?? obs.occurredOn, obs);

      const { id: _id, expectedVersion: _v, reason, codes, ...fields } = input;
      Object.assign(obs, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
      if (codes !== undefined) obs.codes = await this.codesFor(em, actor, obs.pilotId, codes, obs.codes);
      if (input.organisationId && input.organisationId !== before.organisationId) {
        await this.checkLocation(em, obs.pilotId, input.organisationId);
      }
      const changed = Object.keys(before).filter((k) => stableJson(before[k as keyof typeof before]) !== stableJson(snapshot(obs)[k as keyof typeof before]));
      if (!changed.length) return obs;

      return this.saveEdit(em, actor, obs, before, changed, reason);
    });
  }

  /** An edit of `obs` (from `before`): the next version, segments rechecked if the text changed, its version row and audit entry. */
  private async saveEdit(
    em: EntityManager,
    actor: AuthUser,
    obs: ObservationEntity,
    before: ReturnType<typeof snapshot>,
    changed: string[],
    reason: string,
  ): Promise<ObservationEntity> {
    obs.version += 1;
    const saved = await em.getRepository(ObservationEntity).save(obs);
    if (changed.includes('text')) await this.recheckSegments(em, actor, saved);
    await this.addVersion(em, actor, saved, AuditAction.UPDATE, changed, reason);
    await this.audit.record(em, actor, {
      entity: AuditEntity.OBSERVATION,
      entityId: saved.id,
      action: AuditAction.UPDATE,
      before,
      after: snapshot(saved),
      reason,
    });
    return saved;
  }

  /** Soft delete, with a reason; a repeated delete changes nothing. */
  async delete(actor: AuthUser, input: DeleteObservationInput): Promise<ObservationEntity> {
    return this.ds.transaction(async (em) => {
      const obs = await this.lockForChange(em, actor, input.id);
      if (obs.deletedAt) return obs;
      return this.changeDeletion(em, actor, obs, { deletedAt: new Date(), deletedBy: actor.id, deleteReason: input.reason }, AuditAction.DELETE, input.reason);
    });
  }

  async restore(actor: AuthUser, input: RestoreObservationInput): Promise<ObservationEntity> {
    return this.ds.transaction(async (em) => {
      const obs = await this.lockForChange(em, actor, input.id);
      if (!obs.deletedAt) return obs;
      return this.changeDeletion(em, actor, obs, { deletedAt: null, deletedBy: null, deleteReason: null }, AuditAction.RESTORE, input.reason);
    });
  }

  // ---------------------------------------------------------------- segments

  async addSegment(actor: AuthUser, input: AddCodedSegmentInput): Promise<CodedSegmentEntity> {
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(CodedSegmentEntity);
      return this.requests.once(
        em,
        actor,
        'addCodedSegment',
        input,
        () => this.insertSegment(em, actor, input),
        (id) => repo.findOneBy({ id }),
      );
    });
  }

  /** Adds a segment in the caller's transaction (an import); `id` keeps the importing file's GUID, so a retry finds it. */
  async insertSegment(em: EntityManager, actor: AuthUser, input: AddCodedSegmentInput, id?: string): Promise<CodedSegmentEntity> {
    const obs = await this.lockVisible(em, actor, input.observationId);
    if (obs.deletedAt) throw ObservationErrors.deleted();
    await this.checkCanWrite(em, actor, obs.pilotId, obs.occurredOn);
    const { start, end } = anchorSegment(obs.text, input);
    const repo = em.getRepository(CodedSegmentEntity);
    const segment = await repo.save(
      repo.create({
        ...(id ? { id } : {}),
        observationId: obs.id,
        authorId: actor.id,
        start,
        end,
        quote: sliceCodePoints(obs.text, start, end),
        stale: false,
        codes: await this.codesFor(em, actor, obs.pilotId, input.codes),
        memo: input.memo,
      }),
    );
    await this.audit.record(em, actor, {
      entity: AuditEntity.CODED_SEGMENT,
      entityId: segment.id,
      action: AuditAction.CREATE,
      before: null,
      after: segmentRecord(segment),
    });
    return segment;
  }

  async updateSegment(actor: AuthUser, input: UpdateCodedSegmentInput): Promise<CodedSegmentEntity> {
    return this.ds.transaction(async (em) => {
      const { segment, obs } = await this.lockSegment(em, actor, input.id);
      const before = segmentRecord(segment);
      if (input.start !== undefined || input.end !== undefined || input.quote !== undefined) {
        const offsets = input.start !== undefined || input.end !== undefined ? { start: input.start ?? segment.start, end: input.end ?? segment.end } : {};
        const { start, end } = anchorSegment(obs.text, { ...offsets, quote: input.quote, occurrence: input.occurrence });
        Object.assign(segment, { start, end, quote: sliceCodePoints(obs.text, start, end), stale: false });
      }
      if (input.codes !== undefined) segment.codes = await this.codesFor(em, actor, obs.pilotId, input.codes, segment.codes);
      if (input.memo !== undefined) segment.memo = input.memo;
      return this.saveSegment(em, actor, segment, before, input.reason);
    });
  }

  /** A segment changed (from `before`): saved, with an entry in its history. */
  private async saveSegment(em: EntityManager, actor: AuthUser, segment: CodedSegmentEntity, before: ReturnType<typeof segmentRecord>, reason: string) {
    const saved = await em.getRepository(CodedSegmentEntity).save(segment);
    await this.audit.record(em, actor, {
      entity: AuditEntity.CODED_SEGMENT,
      entityId: saved.id,
      action: AuditAction.UPDATE,
      before,
      after: segmentRecord(saved),
      reason,
    });
    return saved;
  }

  async removeSegment(actor: AuthUser, { id, reason }: RemoveByIdInput): Promise<string> {
    return this.ds.transaction(async (em) => {
      const { segment } = await this.lockSegment(em, actor, id);
      await em.getRepository(CodedSegmentEntity).delete({ id });
      await this.audit.record(em, actor, {
        entity: AuditEntity.CODED_SEGMENT,
        entityId: id,
        action: AuditAction.DELETE,
        before: segmentRecord(segment),
        after: null,
        reason,
      });
      return id;
    });
  }

  // ---------------------------------------------------------------- rules

  /** Research writes go to pilots the caller follows on the date concerned, and change only their own rows (admins: any). */
  private async checkCanWrite(em: EntityManager, actor: AuthUser, pilotId: string, date: string, existing?: { authorId: string }): Promise<void> {
    if (existing && !this.access.mayChangeOwn(actor, existing.authorId)) throw ObservationErrors.notAuthor();
    if (!(await this.access.mayWriteResearch(actor, pilotId, date, em))) throw ObservationErrors.notFollowing(date);
  }

  private async checkLocation(em: EntityManager, pilotId: string, organisationId: string): Promise<void> {
    const [{ ok }] = await em.query(takesPartInPilotSql('$1::uuid', '$2::uuid'), [pilotId, organisationId]);
    if (!ok) throw ObservationErrors.notInPilot();
  }

  private checkText(text: string): void {
    const n = codePointLength(text);
    if (n > TEXT_MAX) throw ObservationErrors.textTooLong(n);
  }

  /** The author's observation logged with this clientId, if any. */
  private async byClientId(em: EntityManager, authorId: string, clientId: string): Promise<ObservationEntity | undefined> {
    const [earlier] = await this.rows.query('FROM observation o WHERE o.author_id = $1 AND o.client_id = $2', [authorId, clientId], em);
    return earlier;
  }

  private sameRequest(earlier: ObservationEntity, requestHash: string | null): ObservationEntity {
    if (earlier.requestHash !== requestHash) throw ObservationErrors.clientIdReused();
    return earlier;
  }

  /** The observation, locked, if the caller may see it (else NOT_FOUND) and change it (else FORBIDDEN). */
  private async lockForChange(em: EntityManager, actor: AuthUser, id: string): Promise<ObservationEntity> {
    const obs = await this.lockVisible(em, actor, id);
    if (!this.access.mayChangeOwn(actor, obs.authorId)) throw ObservationErrors.notAuthor();
    return obs;
  }

  private lockVisible(em: EntityManager, actor: AuthUser, id: string): Promise<ObservationEntity> {
    const qb = em.getRepository(ObservationEntity).createQueryBuilder('o').where('o.id = :id', { id }).setLock('pessimistic_write');
    return this.visibleOne(actor, qb, id);
  }

  private async lockSegment(em: EntityManager, actor: AuthUser, id: string) {
    const segment = await em.getRepository(CodedSegmentEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!segment) throw notFound('Coded segment', id);
    const obs = await this.lockVisible(em, actor, segment.observationId).catch(() => {
      throw notFound('Coded segment', id);
    });
    if (!this.access.mayChangeOwn(actor, segment.authorId)) throw ObservationErrors.notAuthor();
    if (obs.deletedAt) throw ObservationErrors.deleted();
    return { segment, obs };
  }

  private async changeDeletion(
    em: EntityManager,
    actor: AuthUser,
    obs: ObservationEntity,
    fields: Pick<ObservationEntity, 'deletedAt' | 'deletedBy' | 'deleteReason'>,
    action: AuditAction,
    reason: string,
  ): Promise<ObservationEntity> {
    const before = snapshot(obs);
    Object.assign(obs, fields);
    obs.version += 1;
    const saved = await em.getRepository(ObservationEntity).save(obs);
    await this.addVersion(em, actor, saved, action, ['deletedAt', 'deleteReason'], reason);
    await this.audit.record(em, actor, { entity: AuditEntity.OBSERVATION, entityId: saved.id, action, before, after: snapshot(saved), reason });
    return saved;
  }

  /** After the text changed: segments whose range no longer holds their quote are flagged, never moved. */
  /**
   * The codes to store: own codes must be usable in the pilot (assertOwnCodesUsable), but a
   * code the row already carries may stay when it has been retired since.
   */
  private async codesFor(
    em: EntityManager,
    actor: AuthUser,
    pilotId: string,
    input: FrameworkCodesInput | undefined,
    current?: FrameworkCodes,
  ): Promise<FrameworkCodes> {
    const added = (input?.ownCodeIds ?? []).filter((id) => !current?.ownCodeIds?.includes(id));
    await assertOwnCodesUsable(em, actor, pilotId, added, 'input.codes.ownCodeIds');
    return toCodes(input);
  }

  /** Re-codes an observation in the caller's transaction (an import), as its author or an admin, with a reason. */
  async recodeIn(em: EntityManager, actor: AuthUser, id: string, codes: FrameworkCodesInput, reason: string): Promise<void> {
    const obs = await this.lockForChange(em, actor, id);
    if (obs.deletedAt) throw ObservationErrors.deleted();
    await this.checkCanWrite(em, actor, obs.pilotId, obs.occurredOn, obs);
    const before = snapshot(obs);
    obs.codes = await this.codesFor(em, actor, obs.pilotId, codes, obs.codes);
    await this.saveEdit(em, actor, obs, before, ['codes'], reason);
  }

  /** Re-codes a segment in the caller's transaction (an import), as its author or an admin, with a reason. */
  async recodeSegmentIn(em: EntityManager, actor: AuthUser, id: string, codes: FrameworkCodesInput, reason: string): Promise<void> {
    const { segment, obs } = await this.lockSegment(em, actor, id);
    const before = segmentRecord(segment);
    segment.codes = await this.codesFor(em, actor, obs.pilotId, codes, segment.codes);
    await this.saveSegment(em, actor, segment, before, reason);
  }

  /**
   * Moves every coding of own code `fromId` to `intoId` (a merge, in the caller's transaction):
   * each observation gets a new version and each segment an audit entry, with the reason.
   */
  async replaceOwnCode(em: EntityManager, actor: AuthUser, fromId: string, intoId: string, reason: string): Promise<void> {
    const replace = (ids: string[]) => [...new Set(ids.map((id) => (id === fromId ? intoId : id)))].sort();
    const carrying = <T extends ObjectLiteral>(entity: new () => T, alias: string) =>
      em
        .getRepository<T>(entity)
        .createQueryBuilder(alias)
        .where(`${alias}.own_code_ids @> ARRAY[CAST(:fromId AS uuid)]`, { fromId })
        .setLock('pessimistic_write')
        .getMany();
    for (const obs of await carrying(ObservationEntity, 'o')) {
      const before = snapshot(obs);
      obs.codes.ownCodeIds = replace(obs.codes.ownCodeIds);
      await this.saveEdit(em, actor, obs, before, ['codes'], reason);
    }
    for (const segment of await carrying(CodedSegmentEntity, 's')) {
      const before = segmentRecord(segment);
      segment.codes.ownCodeIds = replace(segment.codes.ownCodeIds);
      await this.saveSegment(em, actor, segment, before, reason);
    }
  }

  private async recheckSegments(em: EntityManager, actor: AuthUser, obs: ObservationEntity): Promise<void> {
    const repo = em.getRepository(CodedSegmentEntity);
    const segments = await repo.findBy({ observationId: obs.id });
    // Each segment whose quote still occurs exactly once moves to it; the rest go stale, keeping
    // their quote for the researcher to place again. Every move is in the segment's history.
    for (const s of segments) {
      const before = segmentRecord(s);
      const holds = s.end <= codePointLength(obs.text) && sliceCodePoints(obs.text, s.start, s.end) === s.quote;
      const moved = holds ? null : reanchor(obs.text, s.quote);
      const next = holds ? { start: s.start, end: s.end, stale: false } : moved ? { ...moved, stale: false } : { start: s.start, end: s.end, stale: true };
      if (next.start === s.start && next.end === s.end && next.stale === s.stale) continue;
      Object.assign(s, next);
      const reason = s.stale ? 'The observation’s text changed: the quote is no longer found once' : 'The observation’s text changed: moved to its quote';
      await this.saveSegment(em, actor, s, before, reason);
    }
  }

  private async addVersion(
    em: EntityManager,
    actor: AuthUser,
    obs: ObservationEntity,
    change: AuditAction,
    changedFields: string[],
    reason: string | null = null,
  ) {
    await em.getRepository(ObservationVersionEntity).insert({
      observationId: obs.id,
      version: obs.version,
      change,
      changedFields,
      reason,
      changedBy: actor.id,
      snapshot: snapshot(obs),
    });
  }
}

function segmentRecord(s: CodedSegmentEntity): Record<string, unknown> & { codes: FrameworkCodes } {
  return { observationId: s.observationId, start: s.start, end: s.end, quote: s.quote, stale: s.stale, codes: { ...s.codes }, memo: s.memo };
}
