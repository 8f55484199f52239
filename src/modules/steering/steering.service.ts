import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { forbidden, notFound } from '../../common/errors/domain-error';
import { ConnectionShape, paginate } from '../../common/pagination/connection';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { ancestorIdsSql, likeEscape } from '../organisation/organisation.sql';
import { AccessChecks } from '../access/access.checks';
import { ClientRequests } from '../client-request/client-requests.service';
import { assertVersion, changesOf } from '../../common/corrections/changes';
import { CloseSteeringInstrumentInput, UpdateIndicatorInput, UpdateSteeringInstrumentInput } from './dto/correct-steering.input';
import { CreateSteeringInstrumentInput } from './dto/create-steering-instrument.input';
import { DefineIndicatorInput } from './dto/define-indicator.input';
import { IndicatorsArgs, SteeringInstrumentsArgs } from './dto/steering.args';
import { IndicatorEntity } from './indicator.entity';
import { SteeringInstrumentEntity, SteeringInstrumentTargetEntity } from './steering-instrument.entity';
import { FUNDED_KINDS, InstrumentKind } from './steering.enums';
import { SteeringErrors } from './steering.errors';

/**
 * Steering instruments and their indicators are facts about steering (laws, agreements,
 * compensation models): every signed-in user reads them. Admins register any; org reporters and
 * researchers those that apply to organisations they report for.
 */
@Injectable()
export class SteeringService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessChecks,
    private readonly requests: ClientRequests,
  ) {}

  listInstruments(args: SteeringInstrumentsArgs): Promise<ConnectionShape<SteeringInstrumentEntity>> {
    const qb = this.ds.getRepository(SteeringInstrumentEntity).createQueryBuilder('si');
    const f = args.filter ?? {};
    if (f.kind?.length) qb.andWhere('si.kind IN (:...kinds)', { kinds: f.kind });
    if (f.governanceForm?.length) qb.andWhere('si.governanceForm IN (:...forms)', { forms: f.governanceForm });
    if (f.imposedById) qb.andWhere('si.imposedById = :imposedById', { imposedById: f.imposedById });
    if (f.appliesToId) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM steering_instrument_target t WHERE t.instrument_id = si.id AND t.organisation_id IN (${ancestorIdsSql(':appliesToId')}))`,
        {
          appliesToId: f.appliesToId,
        },
      );
    }
    if (f.validOn) qb.andWhere('si.validFrom <= :validOn AND (si.validTo IS NULL OR si.validTo >= :validOn)', { validOn: f.validOn });
    if (f.text?.trim()) qb.andWhere(`si.name ILIKE :pattern ESCAPE '\\'`, { pattern: `%${likeEscape(f.text.trim())}%` });
    return paginate(qb, args, { column: 'si.name', value: (si) => si.name });
  }

  /** Indicators by id (the catalogue every signed-in role reads), by name. */
  indicatorsByIds(ids: string[]): Promise<IndicatorEntity[]> {
    return ids.length ? this.ds.getRepository(IndicatorEntity).find({ where: { id: In(ids) }, order: { name: 'ASC' } }) : Promise.resolve([]);
  }

  async getInstrument(id: string): Promise<SteeringInstrumentEntity> {
    const row = await this.ds.getRepository(SteeringInstrumentEntity).findOneBy({ id });
    if (!row) throw notFound('Steering instrument', id);
    return row;
  }

  async createInstrument(actor: AuthUser, input: CreateSteeringInstrumentInput): Promise<SteeringInstrumentEntity> {
    checkInstrument(input);
    const repo = (em: EntityManager) => em.getRepository(SteeringInstrumentEntity);
    return this.ds.transaction(async (em) =>
      this.requests.once(
        em,
        actor,
        'createSteeringInstrument',
        input,
        () => this.insertInstrument(em, actor, input),
        (id) => repo(em).findOneBy({ id }),
      ),
    );
  }

  private async insertInstrument(em: EntityManager, actor: AuthUser, input: CreateSteeringInstrumentInput): Promise<SteeringInstrumentEntity> {
    for (const orgId of input.appliesToIds) await this.access.assertCanReportFor(actor, orgId, em);
    const repo = em.getRepository(SteeringInstrumentEntity);
    const { appliesToIds, clientId: _c, ...fields } = input;
    const row = await repo.save(
      repo.create({
        ...fields,
        validTo: fields.validTo ?? null,
        amountSek: fields.amountSek ?? null,
        conditions: fields.conditions ?? null,
        compensationPrinciple: fields.compensationPrinciple ?? null,
        createdBy: actor.id,
      }),
    );
    await em.getRepository(SteeringInstrumentTargetEntity).insert(appliesToIds.map((organisationId) => ({ instrumentId: row.id, organisationId })));
    await this.audit.record(em, actor, {
      entity: AuditEntity.STEERING_INSTRUMENT,
      entityId: row.id,
      action: AuditAction.CREATE,
      before: null,
      after: { ...row, appliesToIds },
    });
    return row;
  }

  listIndicators(args: IndicatorsArgs): Promise<ConnectionShape<IndicatorEntity>> {
    const qb = this.ds.getRepository(IndicatorEntity).createQueryBuilder('i');
    const f = args.filter ?? {};
    if (f.instrumentId) qb.andWhere('i.instrumentId = :instrumentId', { instrumentId: f.instrumentId });
    if (f.measureType?.length) qb.andWhere('i.measureType IN (:...types)', { types: f.measureType });
    if (f.paymentDependent !== undefined) qb.andWhere('i.paymentDependent = :pd', { pd: f.paymentDependent });
    if (f.inForceOn) qb.andWhere('i.introducedOn <= :d AND (i.retiredOn IS NULL OR i.retiredOn >= :d)', { d: f.inForceOn });
    return paginate(qb, args, { column: 'i.name', value: (i) => i.name });
  }

  async defineIndicator(actor: AuthUser, input: DefineIndicatorInput): Promise<IndicatorEntity> {
    if (input.retiredOn && input.retiredOn < input.introducedOn) throw SteeringErrors.endBeforeStart('input.retiredOn');
    return this.ds.transaction(async (em) =>
      this.requests.once(
        em,
        actor,
        'defineIndicator',
        input,
        () => this.insertIndicator(em, actor, input),
        (id) => em.getRepository(IndicatorEntity).findOneBy({ id }),
      ),
    );
  }

  private async insertIndicator(em: EntityManager, actor: AuthUser, input: DefineIndicatorInput): Promise<IndicatorEntity> {
    const instrument = await em.getRepository(SteeringInstrumentEntity).findOneBy({ id: input.instrumentId });
    if (!instrument) throw notFound('Steering instrument', input.instrumentId);
    const targets = await em.getRepository(SteeringInstrumentTargetEntity).findBy({ instrumentId: instrument.id });
    if (
      !(await this.access.mayReportForAny(
        actor,
        targets.map((t) => t.organisationId),
        em,
      ))
    ) {
      throw forbidden('You define indicators only for instruments that apply to organisations you report for');
    }
    const repo = em.getRepository(IndicatorEntity);
    const { clientId: _c, ...fields } = input;
    const row = await repo.save(repo.create({ ...fields, retiredOn: fields.retiredOn ?? null, createdBy: actor.id }));
    await this.audit.record(em, actor, { entity: AuditEntity.INDICATOR, entityId: row.id, action: AuditAction.CREATE, before: null, after: row });
    return row;
  }

  // ---------------------------------------------------------------- corrections

  /** Corrects or retires an indicator: by admins, and by those who report for every organisation its instrument applies to. */
  async updateIndicator(actor: AuthUser, input: UpdateIndicatorInput): Promise<IndicatorEntity> {
    const { id, expectedVersion, reason, ...fields } = input;
    const changes = changesOf(fields, ['name', 'description', 'reportingFrequency', 'paymentDependent', 'introducedOn']);
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(IndicatorEntity);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('Indicator', id);
      const targets = await this.targetsOf(em, row.instrumentId);
      if (!(await this.access.mayReportForAll(actor, targets, em))) throw SteeringErrors.notAllTargets('indicator');
      assertVersion('indicator', row.version, expectedVersion);
      const before = { ...row };
      Object.assign(row, changes);
      if (row.retiredOn && row.retiredOn < row.introducedOn) throw SteeringErrors.endBeforeStart(changes.retiredOn ? 'input.retiredOn' : 'input.introducedOn');
      await this.refuseStrandedReports(em, [row.id], row.introducedOn, row.retiredOn, 'indicator');
      return this.saveCorrection(em, actor, AuditEntity.INDICATOR, repo, before, row, reason);
    });
  }

  /** Corrects an instrument: by admins, and by those who report for every organisation it applies to, before and after. */
  async updateInstrument(actor: AuthUser, input: UpdateSteeringInstrumentInput): Promise<SteeringInstrumentEntity> {
    const { id, expectedVersion, reason, appliesToIds, ...fields } = input;
    const changes = changesOf(fields, ['name', 'description', 'kind', 'governanceForm', 'imposedById', 'validFrom']);
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(SteeringInstrumentEntity);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('Steering instrument', id);
      const targets = await this.targetsOf(em, row.id);
      if (!(await this.access.mayReportForAll(actor, [...targets, ...(appliesToIds ?? [])], em))) throw SteeringErrors.notAllTargets('instrument');
      assertVersion('steering instrument', row.version, expectedVersion);
      const before = { ...row, appliesToIds: targets };
      Object.assign(row, changes);
      checkInstrument(row);
      await this.refuseStrandedReports(em, await this.indicatorIdsOf(em, row.id), row.validFrom, row.validTo, 'instrument');
      if (appliesToIds) await this.replaceTargets(em, row.id, appliesToIds);
      return this.saveCorrection(em, actor, AuditEntity.STEERING_INSTRUMENT, repo, before, row, reason, { appliesToIds: appliesToIds ?? targets });
    });
  }

  /** Ends an instrument's validity on `validTo`, with a reason. */
  closeInstrument(actor: AuthUser, input: CloseSteeringInstrumentInput): Promise<SteeringInstrumentEntity> {
    return this.updateInstrument(actor, Object.assign(new UpdateSteeringInstrumentInput(), input));
  }

  /**
   * Bumps the version and records the correction (values before and after, and why), in the
   * caller's transaction. `extra` adds what is not a column (an instrument's targets).
   */
  private async saveCorrection<T extends { id: string; version: number }>(
    em: EntityManager,
    actor: AuthUser,
    entity: AuditEntity,
    repo: Repository<T>,
    before: object,
    row: T,
    reason: string,
    extra: object = {},
  ): Promise<T> {
    row.version += 1;
    const saved = await repo.save(row);
    await this.audit.record(em, actor, { entity, entityId: saved.id, action: AuditAction.UPDATE, before, after: { ...saved, ...extra }, reason });
    return saved;
  }

  private async targetsOf(em: EntityManager, instrumentId: string): Promise<string[]> {
    return (await em.getRepository(SteeringInstrumentTargetEntity).findBy({ instrumentId })).map((t) => t.organisationId);
  }

  private async indicatorIdsOf(em: EntityManager, instrumentId: string): Promise<string[]> {
    return (await em.getRepository(IndicatorEntity).find({ where: { instrumentId }, select: { id: true } })).map((i) => i.id);
  }

  private async replaceTargets(em: EntityManager, instrumentId: string, organisationIds: string[]): Promise<void> {
    await em.getRepository(SteeringInstrumentTargetEntity).delete({ instrumentId });
    await em.getRepository(SteeringInstrumentTargetEntity).insert(organisationIds.map((organisationId) => ({ instrumentId, organisationId })));
  }

  /**
   * A new period of force must still hold every report made under it: reports (not withdrawn)
   * for periods outside [from, to] are CONFLICT, counted, with the first named.
   */
  private async refuseStrandedReports(
    em: EntityManager,
    indicatorIds: string[],
    from: string,
    to: string | null,
    what: 'indicator' | 'instrument',
  ): Promise<void> {
    if (!indicatorIds.length) return;
    const [row]: { n: number; first_start: string; first_end: string; early: boolean }[] = await em.query(
      `SELECT count(*) OVER ()::int AS n, to_char(period_start, 'YYYY-MM-DD') AS first_start, to_char(period_end, 'YYYY-MM-DD') AS first_end,
              period_start < $2::date AS early
         FROM burden_report
        WHERE indicator_id = ANY($1::uuid[]) AND withdrawn_at IS NULL AND (period_start < $2::date OR period_end > $3::date)
        ORDER BY period_start LIMIT 1`,
      [indicatorIds, from, to ?? 'infinity'],
    );
    if (!row) return;
    const field = what === 'indicator' ? (row.early ? 'input.introducedOn' : 'input.retiredOn') : row.early ? 'input.validFrom' : 'input.validTo';
    throw SteeringErrors.strandedReports(what, row.n, row.first_start, row.first_end, field);
  }
}

/** The rules of an instrument's fields, for a new one and after a correction. */
function checkInstrument(
  i: Pick<SteeringInstrumentEntity, 'kind' | 'validFrom'> &
    Partial<Pick<SteeringInstrumentEntity, 'validTo' | 'amountSek' | 'conditions' | 'compensationPrinciple'>>,
): void {
  if (i.validTo && i.validTo < i.validFrom) throw SteeringErrors.endBeforeStart('input.validTo');
  const funded = FUNDED_KINDS.includes(i.kind);
  if (!funded && i.amountSek !== undefined && i.amountSek !== null) throw SteeringErrors.onlyFunded('input.amountSek');
  if (!funded && i.conditions !== undefined && i.conditions !== null) throw SteeringErrors.onlyFunded('input.conditions');
  if (i.compensationPrinciple && i.kind !== InstrumentKind.COMPENSATION_MODEL) throw SteeringErrors.onlyCompensationModel();
}
