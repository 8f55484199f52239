import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { forbidden, notFound } from '../../common/errors/domain-error';
import { ConnectionShape, paginate } from '../../common/pagination/connection';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { likeEscape } from '../organisation/organisation.sql';
import { AccessChecks } from '../access/access.checks';
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
  ) {}

  listInstruments(args: SteeringInstrumentsArgs): Promise<ConnectionShape<SteeringInstrumentEntity>> {
    const qb = this.ds.getRepository(SteeringInstrumentEntity).createQueryBuilder('si');
    const f = args.filter ?? {};
    if (f.kind?.length) qb.andWhere('si.kind IN (:...kinds)', { kinds: f.kind });
    if (f.governanceForm?.length) qb.andWhere('si.governanceForm IN (:...forms)', { forms: f.governanceForm });
    if (f.imposedById) qb.andWhere('si.imposedById = :imposedById', { imposedById: f.imposedById });
    if (f.appliesToId) {
      qb.andWhere('EXISTS (SELECT 1 FROM steering_instrument_target t WHERE t.instrument_id = si.id AND t.organisation_id = :appliesToId)', {
        appliesToId: f.appliesToId,
      });
    }
    if (f.validOn) qb.andWhere('si.validFrom <= :validOn AND (si.validTo IS NULL OR si.validTo >= :validOn)', { validOn: f.validOn });
    if (f.text?.trim()) qb.andWhere(`si.name ILIKE :pattern ESCAPE '\\'`, { pattern: `%${likeEscape(f.text.trim())}%` });
    return paginate(qb, args, { column: 'si.name', value: (si) => si.name });
  }

  async getInstrument(id: string): Promise<SteeringInstrumentEntity> {
    const row = await this.ds.getRepository(SteeringInstrumentEntity).findOneBy({ id });
    if (!row) throw notFound('Steering instrument', id);
    return row;
  }

  async createInstrument(actor: AuthUser, input: CreateSteeringInstrumentInput): Promise<SteeringInstrumentEntity> {
    if (input.validTo && input.validTo < input.validFrom) throw SteeringErrors.endBeforeStart('input.validTo');
    const funded = FUNDED_KINDS.includes(input.kind);
    if (!funded && input.amountSek !== undefined && input.amountSek !== null) throw SteeringErrors.onlyFunded('input.amountSek');
    if (!funded && input.conditions !== undefined && input.conditions !== null) throw SteeringErrors.onlyFunded('input.conditions');
    if (input.compensationPrinciple && input.kind !== InstrumentKind.COMPENSATION_MODEL) throw SteeringErrors.onlyCompensationModel();
    return this.ds.transaction(async (em) => {
      for (const orgId of input.appliesToIds) await this.access.assertCanReportFor(actor, orgId, em);
      const repo = em.getRepository(SteeringInstrumentEntity);
      const { appliesToIds, ...fields } = input;
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
    });
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
    return this.ds.transaction(async (em) => {
      const instrument = await em.getRepository(SteeringInstrumentEntity).findOneBy({ id: input.instrumentId });
      if (!instrument) throw notFound('Steering instrument', input.instrumentId);
      const targets = await em.getRepository(SteeringInstrumentTargetEntity).findBy({ instrumentId: instrument.id });
      if (!(await this.access.mayReportForAny(actor, targets.map((t) => t.organisationId), em))) {
        throw forbidden('You define indicators only for instruments that apply to organisations you report for');
      }
      const repo = em.getRepository(IndicatorEntity);
      const row = await repo.save(repo.create({ ...input, retiredOn: input.retiredOn ?? null, createdBy: actor.id }));
      await this.audit.record(em, actor, { entity: AuditEntity.INDICATOR, entityId: row.id, action: AuditAction.CREATE, before: null, after: row });
      return row;
    });
  }
}
