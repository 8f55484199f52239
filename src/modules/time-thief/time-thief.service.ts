import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { notFound } from '../../common/errors/domain-error';
import { ConnectionShape, paginate } from '../../common/pagination/connection';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { subtreeIdsSql } from '../organisation/organisation.sql';
import { AccessChecks } from '../access/access.checks';
import { ClientRequests } from '../client-request/client-requests.service';
import { reportableOrganisations, visibleReports } from '../access/access.rules';
import { assertVersion, changesOf } from '../../common/corrections/changes';
import { applyTo } from '../access/sql-fragment';
import { appendStatusChange } from '../../common/status-history/status-change';
import {
  ReportTimeThiefInput,
  RestoreTimeThiefInput,
  TimeThievesArgs,
  UpdateTimeThiefInput,
  UpdateTimeThiefStatusInput,
  WithdrawTimeThiefInput,
} from './dto/time-thief.input';
import { TimeThiefEntity, TimeThiefStatusChangeEntity } from './time-thief.entity';
import { TIME_THIEF_STATUS_RULES, TimeThiefStatus } from './time-thief.enums';
import { TimeThiefErrors } from './time-thief.errors';
import { withdrawal } from '../../database/withdrawal-columns';

@Injectable()
export class TimeThiefService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessChecks,
    private readonly requests: ClientRequests,
  ) {}

  list(actor: AuthUser, args: TimeThievesArgs): Promise<ConnectionShape<TimeThiefEntity>> {
    const qb = applyTo(this.ds.getRepository(TimeThiefEntity).createQueryBuilder('tt'), visibleReports(actor, 'tt.organisation_id'));
    const f = args.filter ?? {};
    // Withdrawn ones only on request, and only to admins and those who report for the organisation.
    if (f.withdrawn) applyTo(qb.andWhere('tt.withdrawnAt IS NOT NULL'), reportableOrganisations(actor, 'tt.organisation_id'));
    else qb.andWhere('tt.withdrawnAt IS NULL');
    if (f.organisationId) qb.andWhere(`tt.organisation_id IN (${subtreeIdsSql(':filterOrgId')})`, { filterOrgId: f.organisationId });
    if (f.status?.length) qb.andWhere('tt.status IN (:...statuses)', { statuses: f.status });
    if (f.instrumentId) qb.andWhere('tt.imposedByInstrumentId = :instrumentId', { instrumentId: f.instrumentId });
    return paginate(qb, args, { column: 'tt.reportedOn', value: (tt) => tt.reportedOn, direction: 'DESC' });
  }

  /** One time thief the caller may see (not withdrawn), with its status history; otherwise NOT_FOUND. */
  async withHistory(actor: AuthUser, id: string): Promise<{ thief: TimeThiefEntity; history: TimeThiefStatusChangeEntity[] }> {
    const qb = this.ds.getRepository(TimeThiefEntity).createQueryBuilder('tt').where('tt.id = :id AND tt.withdrawnAt IS NULL', { id });
    const thief = await applyTo(qb, visibleReports(actor, 'tt.organisation_id')).getOne();
    if (!thief) throw notFound('Time thief', id);
    const history = await this.ds
      .getRepository(TimeThiefStatusChangeEntity)
      .find({ where: { timeThiefId: id }, order: { changedOn: 'ASC', recordedAt: 'ASC' } });
    return { thief, history };
  }

  async report(actor: AuthUser, input: ReportTimeThiefInput): Promise<TimeThiefEntity> {
    return this.ds.transaction(async (em) =>
      this.requests.once(
        em,
        actor,
        'reportTimeThief',
        input,
        () => this.insert(em, actor, input),
        (id) => em.getRepository(TimeThiefEntity).findOneBy({ id }),
      ),
    );
  }

  private async insert(em: EntityManager, actor: AuthUser, input: ReportTimeThiefInput): Promise<TimeThiefEntity> {
    await this.access.assertCanReportFor(actor, input.organisationId, em);
    const repo = em.getRepository(TimeThiefEntity);
    const { clientId: _c, ...fields } = input;
    const row = await repo.save(
      repo.create({
        ...fields,
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
  }

  async updateStatus(actor: AuthUser, input: UpdateTimeThiefStatusInput): Promise<TimeThiefEntity> {
    return this.ds.transaction(async (em) => {
      const thief = await this.lockForChange(em, actor, input.id);
      if (thief.withdrawnAt) throw TimeThiefErrors.withdrawn();
      await appendStatusChange(em, TimeThiefStatusChangeEntity, { timeThiefId: thief.id }, TIME_THIEF_STATUS_RULES, thief.status, input, actor.id);
      const before = { ...thief };
      thief.status = input.status;
      thief.version += 1;
      const saved = await em.getRepository(TimeThiefEntity).save(thief);
      await this.audit.record(em, actor, { entity: AuditEntity.TIME_THIEF, entityId: saved.id, action: AuditAction.UPDATE, before, after: saved });
      return saved;
    });
  }

  // ---------------------------------------------------------------- corrections

  /** Corrects its description, estimates or origin, with the version read and a reason. */
  async update(actor: AuthUser, input: UpdateTimeThiefInput): Promise<TimeThiefEntity> {
    const { id, expectedVersion, reason, ...fields } = input;
    const changes = changesOf(fields, ['task', 'process', 'minutesPerWeek', 'staffAffected', 'proposedRemedy']);
    return this.ds.transaction(async (em) => {
      const thief = await this.lockForChange(em, actor, id);
      if (thief.withdrawnAt) throw TimeThiefErrors.withdrawn();
      assertVersion('time thief', thief.version, expectedVersion);
      return this.save(em, actor, thief, changes, AuditAction.UPDATE, reason);
    });
  }

  /** Takes it out of every list and result (it stays in history, with the reason); a repeated withdrawal changes nothing. */
  withdraw(actor: AuthUser, input: WithdrawTimeThiefInput): Promise<TimeThiefEntity> {
    return this.changeWithdrawal(actor, input.id, input.reason, true);
  }

  restore(actor: AuthUser, input: RestoreTimeThiefInput): Promise<TimeThiefEntity> {
    return this.changeWithdrawal(actor, input.id, input.reason, false);
  }

  private changeWithdrawal(actor: AuthUser, id: string, reason: string, withdraw: boolean): Promise<TimeThiefEntity> {
    return this.ds.transaction(async (em) => {
      const thief = await this.lockForChange(em, actor, id);
      if (!!thief.withdrawnAt === withdraw) return thief;
      return this.save(em, actor, thief, withdrawal(withdraw, actor.id, reason), withdraw ? AuditAction.DELETE : AuditAction.RESTORE, reason);
    });
  }

  private async save(
    em: EntityManager,
    actor: AuthUser,
    thief: TimeThiefEntity,
    changes: Partial<TimeThiefEntity>,
    action: AuditAction,
    reason: string,
  ): Promise<TimeThiefEntity> {
    const before = { ...thief };
    Object.assign(thief, changes);
    thief.version += 1;
    const saved = await em.getRepository(TimeThiefEntity).save(thief);
    await this.audit.record(em, actor, { entity: AuditEntity.TIME_THIEF, entityId: saved.id, action, before, after: saved, reason });
    return saved;
  }

  /** The time thief, locked, if the caller reports for its organisation (admins: any); otherwise NOT_FOUND. */
  private async lockForChange(em: EntityManager, actor: AuthUser, id: string): Promise<TimeThiefEntity> {
    const thief = await em.getRepository(TimeThiefEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!thief) throw notFound('Time thief', id);
    await this.access.assertCanReportFor(actor, thief.organisationId, em).catch(() => {
      throw notFound('Time thief', id);
    });
    return thief;
  }
}
