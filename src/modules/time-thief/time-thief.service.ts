import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { notFound } from '../../common/errors/domain-error';
import { ConnectionShape, paginate } from '../../common/pagination/connection';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { subtreeIdsSql } from '../organisation/organisation.sql';
import { AccessChecks } from '../access/access.checks';
import { visibleReports } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { ReportTimeThiefInput, TimeThievesArgs, UpdateTimeThiefStatusInput } from './dto/time-thief.input';
import { TimeThiefEntity, TimeThiefStatusChangeEntity } from './time-thief.entity';
import { TimeThiefStatus, TRANSITIONS } from './time-thief.enums';
import { TimeThiefErrors } from './time-thief.errors';

@Injectable()
export class TimeThiefService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessChecks,
  ) {}

  list(actor: AuthUser, args: TimeThievesArgs): Promise<ConnectionShape<TimeThiefEntity>> {
    const qb = applyTo(this.ds.getRepository(TimeThiefEntity).createQueryBuilder('tt'), visibleReports(actor, 'tt.organisation_id'));
    const f = args.filter ?? {};
    if (f.organisationId) qb.andWhere(`tt.organisation_id IN (${subtreeIdsSql(':filterOrgId')})`, { filterOrgId: f.organisationId });
    if (f.status?.length) qb.andWhere('tt.status IN (:...statuses)', { statuses: f.status });
    if (f.instrumentId) qb.andWhere('tt.imposedByInstrumentId = :instrumentId', { instrumentId: f.instrumentId });
    return paginate(qb, args, { column: 'tt.reportedOn', value: (tt) => tt.reportedOn, direction: 'DESC' });
  }

  async report(actor: AuthUser, input: ReportTimeThiefInput): Promise<TimeThiefEntity> {
    return this.ds.transaction(async (em) => {
      await this.access.assertCanReportFor(actor, input.organisationId, em);
      const repo = em.getRepository(TimeThiefEntity);
      const row = await repo.save(
        repo.create({
          ...input,
          imposedByInstrumentId: input.imposedByInstrumentId ?? null,
          imposedByOrganisationId: input.imposedByOrganisationId ?? null,
          status: TimeThiefStatus.REPORTED,
          reportedBy: actor.id,
        }),
      );
      await em.getRepository(TimeThiefStatusChangeEntity).insert({
        timeThiefId: row.id,
        status: TimeThiefStatus.REPORTED,
        reason: null,
        changedOn: input.reportedOn,
        changedBy: actor.id,
      });
      await this.audit.record(em, actor, { entity: AuditEntity.TIME_THIEF, entityId: row.id, action: AuditAction.CREATE, before: null, after: row });
      return row;
    });
  }

  async updateStatus(actor: AuthUser, input: UpdateTimeThiefStatusInput): Promise<TimeThiefEntity> {
    if (input.status === TimeThiefStatus.KEPT && !input.reason?.trim()) throw TimeThiefErrors.reasonNeeded();
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(TimeThiefEntity);
      const thief = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!thief) throw notFound('Time thief', input.id);
      await this.access.assertCanReportFor(actor, thief.organisationId, em).catch(() => {
        throw notFound('Time thief', input.id);
      });
      const allowed = TRANSITIONS[thief.status];
      if (!allowed.includes(input.status)) throw TimeThiefErrors.transition(thief.status, input.status, allowed);
      const [last] = await em.getRepository(TimeThiefStatusChangeEntity).find({
        where: { timeThiefId: thief.id },
        order: { changedOn: 'DESC', recordedAt: 'DESC' },
        take: 1,
      });
      if (last && input.changedOn < last.changedOn) throw TimeThiefErrors.beforePrevious(last.changedOn);

      const before = { ...thief };
      await em.getRepository(TimeThiefStatusChangeEntity).insert({
        timeThiefId: thief.id,
        status: input.status,
        reason: input.reason?.trim() || null,
        changedOn: input.changedOn,
        changedBy: actor.id,
      });
      thief.status = input.status;
      const saved = await repo.save(thief);
      await this.audit.record(em, actor, { entity: AuditEntity.TIME_THIEF, entityId: saved.id, action: AuditAction.UPDATE, before, after: saved });
      return saved;
    });
  }
}
