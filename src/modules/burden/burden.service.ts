import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { badInput, DomainError, notFound } from '../../common/errors/domain-error';
import { ConnectionShape, paginate } from '../../common/pagination/connection';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { subtreeIdsSql } from '../organisation/organisation.sql';
import { AccessChecks } from '../access/access.checks';
import { ClientRequests, reused } from '../client-request/client-requests.service';
import { reportableOrganisations, visibleReports } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { IndicatorEntity } from '../steering/indicator.entity';
import { BurdenReportEntity, BurdenReportRevisionEntity } from './burden-report.entity';
import { BurdenErrors } from './burden.errors';
import { BurdenPlausibility, lockIndicator } from './burden.plausibility';
import { applyTotals, totalsDelta } from './burden.totals';
import { BatchFailure, BurdenBatchWriter } from './burden-batch';
import { BurdenReportsArgs } from './dto/burden-reports.args';
import {
  ReportIndicatorBurdenBatchInput,
  ReportIndicatorBurdenInput,
  RestoreBurdenReportInput,
  WithdrawBurdenReportInput,
} from './dto/report-indicator-burden.input';
import { periodEnd } from './period';
import { withdrawal } from '../../database/withdrawal-columns';

const VALUE_FIELDS = ['staffHours', 'staffCount', 'recordCount', 'doubleRegistration', 'usedForImprovement', 'perceivedUsefulness', 'comment'] as const;
const valuesOf = (r: BurdenReportEntity) => Object.fromEntries(VALUE_FIELDS.map((k) => [k, r[k]]));

@Injectable()
export class BurdenService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessChecks,
    private readonly requests: ClientRequests,
    private readonly plausibility: BurdenPlausibility,
    private readonly batch: BurdenBatchWriter,
  ) {}

  list(actor: AuthUser, args: BurdenReportsArgs): Promise<ConnectionShape<BurdenReportEntity>> {
    const qb = applyTo(this.ds.getRepository(BurdenReportEntity).createQueryBuilder('b'), visibleReports(actor, 'b.organisation_id'));
    const f = args.filter ?? {};
    // Withdrawn reports only on request, and only to admins and those who report for the organisation.
    if (f.withdrawn) applyTo(qb.andWhere('b.withdrawnAt IS NOT NULL'), reportableOrganisations(actor, 'b.organisation_id'));
    else qb.andWhere('b.withdrawnAt IS NULL');
    if (f.indicatorId) qb.andWhere('b.indicatorId = :indicatorId', { indicatorId: f.indicatorId });
    if (f.instrumentId) {
      qb.andWhere('b.indicator_id IN (SELECT i.id FROM indicator i WHERE i.instrument_id = :instrumentId)', { instrumentId: f.instrumentId });
    }
    if (f.organisationId) qb.andWhere(`b.organisation_id IN (${subtreeIdsSql(':filterOrgId')})`, { filterOrgId: f.organisationId });
    if (f.periodKind?.length) qb.andWhere('b.periodKind IN (:...kinds)', { kinds: f.periodKind });
    if (f.from) qb.andWhere('b.periodEnd >= :from', { from: f.from });
    if (f.to) qb.andWhere('b.periodStart <= :to', { to: f.to });
    return paginate(qb, args, { column: 'b.periodStart', value: (b) => b.periodStart });
  }

  /**
   * For a report form (of those who report for the organisation): the report of this period if there is one, also a withdrawn one (to
   * correct, with its revision), else the organisation's latest earlier one still counted (its
   * values offered as a starting point).
   */
  async startingPoint(
    actor: AuthUser,
    key: { indicatorId: string; organisationId: string; periodStart: string },
  ): Promise<{ current: BurdenReportEntity | null; previous: BurdenReportEntity | null }> {
    const qb = () =>
      applyTo(this.ds.getRepository(BurdenReportEntity).createQueryBuilder('b'), reportableOrganisations(actor, 'b.organisation_id')).andWhere(
        'b.indicatorId = :i AND b.organisationId = :o',
        { i: key.indicatorId, o: key.organisationId },
      );
    // A withdrawn report of the period is still the one a new report replaces (with a reason).
    const current = await qb().andWhere('b.periodStart = :s', { s: key.periodStart }).getOne();
    const previous = current
      ? null
      : await qb().andWhere('b.periodEnd < :s AND b.withdrawnAt IS NULL', { s: key.periodStart }).orderBy('b.periodStart', 'DESC').getOne();
    return { current, previous };
  }

  /**
   * One report per indicator, organisation and period. A first report creates it; changing it
   * needs the revision it replaces (`expectedRevision`) and a reason — a first report of an
   * existing key, or a stale revision, is CONFLICT with the current revision, so nobody
   * overwrites another reporter's values unseen. Replaced values are kept as a revision; an
   * overlapping period is refused.
   */
  async report(actor: AuthUser, input: ReportIndicatorBurdenInput): Promise<BurdenReportEntity> {
    checkPeriod(input);
    return this.ds.transaction(async (em) => this.reportIn(em, actor, input));
  }

  /**
   * Several reports in one transaction, each by the rules of `report` (its clientId included):
   * all stored, or none. The first report that fails is named by its place
   * (`input.reports.<i>.<field>`). Locks are taken first in the order a single report takes them
   * (clientIds, then indicators, each sorted), so batches and single reports of the same
   * indicators wait for each other instead of deadlocking. New reports are checked and stored
   * set-wise (BurdenBatchWriter); a batch with replacements goes one report at a time.
   */
  async reportBatch(actor: AuthUser, input: ReportIndicatorBurdenBatchInput): Promise<BurdenReportEntity[]> {
    input.reports.forEach((r, i) => {
      try {
        checkPeriod(r);
      } catch (err) {
        throw named(err, i);
      }
    });
    return this.ds.transaction(async (em) => {
      const { ids: earlier, reusedAt } = await this.requests.earlier(em, actor, 'reportIndicatorBurden', input.reports);
      if (reusedAt !== null) throw named(reused(), reusedAt);
      for (const indicatorId of [...new Set(input.reports.map((r) => r.indicatorId))].sort()) await lockIndicator(em, indicatorId);
      if (input.reports.some((r) => r.expectedRevision !== undefined && r.expectedRevision !== null)) {
        // Replacements read and lock each report they replace: one at a time.
        const stored: BurdenReportEntity[] = [];
        for (const [i, r] of input.reports.entries()) stored.push(await atIndex(i, () => this.reportIn(em, actor, r)));
        return stored;
      }
      try {
        return await this.batch.createAll(em, actor, input.reports, earlier);
      } catch (err) {
        throw err instanceof BatchFailure ? named(err.error, err.place) : err;
      }
    });
  }

  private reportIn(em: EntityManager, actor: AuthUser, input: ReportIndicatorBurdenInput): Promise<BurdenReportEntity> {
    return this.requests.once(
      em,
      actor,
      'reportIndicatorBurden',
      input,
      () => this.store(em, actor, input),
      (id) => em.getRepository(BurdenReportEntity).findOneBy({ id }),
    );
  }

  private async store(em: EntityManager, actor: AuthUser, input: ReportIndicatorBurdenInput): Promise<BurdenReportEntity> {
    await this.access.assertCanReportFor(actor, input.organisationId, em);
    if (!(await em.getRepository(IndicatorEntity).exists({ where: { id: input.indicatorId } }))) {
      throw notFound('Indicator', input.indicatorId);
    }
    await this.plausibility.check(em, input);
    const repo = em.getRepository(BurdenReportEntity);
    const same = await repo.findOne({
      where: { indicatorId: input.indicatorId, organisationId: input.organisationId, periodStart: input.periodStart, periodEnd: input.periodEnd },
      lock: { mode: 'pessimistic_write' },
    });
    const values = {
      staffHours: input.staffHours,
      staffCount: input.staffCount,
      recordCount: input.recordCount ?? null,
      doubleRegistration: input.doubleRegistration,
      usedForImprovement: input.usedForImprovement,
      perceivedUsefulness: input.perceivedUsefulness ?? null,
      comment: input.comment,
    };

    if (same) {
      if (input.expectedRevision === undefined || input.expectedRevision === null) throw BurdenErrors.exists(same.revision);
      if (input.expectedRevision !== same.revision) throw BurdenErrors.stale(same.revision, input.expectedRevision);
      const reason = required(input.reason, 'input.reason', 'replacing a report');
      const before = { ...same };
      await em.getRepository(BurdenReportRevisionEntity).insert({
        reportId: same.id,
        revision: same.revision,
        values: valuesOf(same),
        reportedBy: same.reportedBy,
      });
      // A replacement is a report again, also when the one it replaces was withdrawn.
      Object.assign(same, values, { revision: same.revision + 1, reportedBy: actor.id }, withdrawal(false, actor.id, reason));
      const saved = await repo.save(same);
      await this.audit.record(em, actor, { entity: AuditEntity.BURDEN_REPORT, entityId: saved.id, action: AuditAction.UPDATE, before, after: saved, reason });
      await this.shiftTotals(em, saved, before, saved);
      return saved;
    }
    if (input.expectedRevision !== undefined && input.expectedRevision !== null) throw BurdenErrors.nothingToReplace();

    const overlapping = await repo
      .createQueryBuilder('b')
      .where('b.indicatorId = :i AND b.organisationId = :o', { i: input.indicatorId, o: input.organisationId })
      .andWhere(`daterange(b.periodStart, b.periodEnd, '[]') && daterange(:s, :e, '[]')`, { s: input.periodStart, e: input.periodEnd })
      .getOne();
    if (overlapping) throw BurdenErrors.overlap(overlapping.periodStart, overlapping.periodEnd);

    const row = await repo.save(
      repo.create({
        indicatorId: input.indicatorId,
        organisationId: input.organisationId,
        periodKind: input.periodKind,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        ...values,
        reportedBy: actor.id,
        revision: 1,
        withdrawnAt: null,
        withdrawnBy: null,
        withdrawReason: null,
      }),
    );
    await this.audit.record(em, actor, { entity: AuditEntity.BURDEN_REPORT, entityId: row.id, action: AuditAction.CREATE, before: null, after: row });
    await this.shiftTotals(em, row, null, row);
    return row;
  }

  /** Takes a report out of every result (it stays in history, with the reason); a repeated withdrawal changes nothing. */
  withdraw(actor: AuthUser, input: WithdrawBurdenReportInput): Promise<BurdenReportEntity> {
    return this.changeWithdrawal(actor, input.id, input.reason, true);
  }

  /** Brings a withdrawn report back into every result, with a reason. */
  restore(actor: AuthUser, input: RestoreBurdenReportInput): Promise<BurdenReportEntity> {
    return this.changeWithdrawal(actor, input.id, input.reason, false);
  }

  private changeWithdrawal(actor: AuthUser, id: string, reason: string, withdraw: boolean): Promise<BurdenReportEntity> {
    return this.ds.transaction(async (em) => {
      const qb = em.getRepository(BurdenReportEntity).createQueryBuilder('b').where('b.id = :id', { id }).setLock('pessimistic_write');
      const report = await applyTo(qb, reportableOrganisations(actor, 'b.organisation_id')).getOne();
      if (!report) throw notFound('Burden report', id);
      if (!!report.withdrawnAt === withdraw) return report;
      const before = { ...report };
      Object.assign(report, withdrawal(withdraw, actor.id, reason));
      const saved = await em.getRepository(BurdenReportEntity).save(report);
      const action = withdraw ? AuditAction.DELETE : AuditAction.RESTORE;
      await this.audit.record(em, actor, { entity: AuditEntity.BURDEN_REPORT, entityId: id, action, before, after: saved, reason });
      await this.shiftTotals(em, saved, before, saved);
      return saved;
    });
  }

  /**
   * Keeps the rollup `burden_period_total` in step, in the report's transaction: it moves by what
   * the report counts now minus what it counted before (a withdrawn report counts nothing).
   * Called last: the rollup row is shared by every organisation reporting the indicator for that
   * period, and its lock is held until commit.
   */
  private shiftTotals(em: EntityManager, key: BurdenReportEntity, before: BurdenReportEntity | null, after: BurdenReportEntity | null): Promise<void> {
    return applyTotals(em, [{ key, delta: totalsDelta(before, after) }]);
  }
}

/** A reason that says something: trimmed, not empty. */
function required(reason: string | null | undefined, field: string, what: string): string {
  const text = reason?.trim();
  if (!text) throw badInput(field, `is required for ${what}: say why`);
  return text;
}

/** The period must be a whole month, quarter or year: its first day and its last. */
function checkPeriod(input: ReportIndicatorBurdenInput): void {
  const end = periodEnd(input.periodKind, input.periodStart);
  if (!end) throw BurdenErrors.notPeriodStart(input.periodKind);
  if (end !== input.periodEnd) throw BurdenErrors.wrongEnd(input.periodKind, input.periodStart, end);
}

/** Runs one report of a batch; its errors name it. */
async function atIndex<T>(i: number, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw named(err, i);
  }
}

/** A batch's report's error, naming it: `input.x` becomes `input.reports.<i>.x`. */
function named(err: unknown, i: number): unknown {
  if (!(err instanceof DomainError)) return err;
  const at = (field: string) => field.replace(/^input\./, `input.reports.${i}.`);
  return new DomainError(
    err.code,
    `input.reports.${i}: ${err.message}`,
    err.fields.map((f) => ({ ...f, field: at(f.field) })),
    err.retryAfterSeconds,
  );
}
