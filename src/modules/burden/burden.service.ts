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
import { visibleReports } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { IndicatorEntity } from '../steering/indicator.entity';
import { BurdenReportEntity, BurdenReportRevisionEntity } from './burden-report.entity';
import { ImprovementUse } from './burden.enums';
import { BurdenErrors } from './burden.errors';
import { BurdenReportsArgs } from './dto/burden-reports.args';
import { ReportIndicatorBurdenInput } from './dto/report-indicator-burden.input';
import { periodEnd } from './period';

const VALUE_FIELDS = [
  'staffHours',
  'staffCount',
  'recordCount',
  'doubleRegistration',
  'usedForImprovement',
  'perceivedUsefulness',
  'comment',
] as const;
const valuesOf = (r: BurdenReportEntity) => Object.fromEntries(VALUE_FIELDS.map((k) => [k, r[k]]));

@Injectable()
export class BurdenService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessChecks,
  ) {}

  list(actor: AuthUser, args: BurdenReportsArgs): Promise<ConnectionShape<BurdenReportEntity>> {
    const qb = applyTo(this.ds.getRepository(BurdenReportEntity).createQueryBuilder('b'), visibleReports(actor, 'b.organisation_id'));
    const f = args.filter ?? {};
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
   * One report per indicator, organisation and period: a resubmission of the same period
   * updates it and keeps the replaced values as a revision; an overlapping period is refused.
   */
  async report(actor: AuthUser, input: ReportIndicatorBurdenInput): Promise<BurdenReportEntity> {
    const end = periodEnd(input.periodKind, input.periodStart);
    if (!end) throw BurdenErrors.notPeriodStart(input.periodKind);
    if (end !== input.periodEnd) throw BurdenErrors.wrongEnd(input.periodKind, input.periodStart, end);
    return this.ds.transaction(async (em) => {
      await this.access.assertCanReportFor(actor, input.organisationId, em);
      if (!(await em.getRepository(IndicatorEntity).exists({ where: { id: input.indicatorId } }))) {
        throw notFound('Indicator', input.indicatorId);
      }
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
        const before = { ...same };
        await em.getRepository(BurdenReportRevisionEntity).insert({
          reportId: same.id,
          revision: same.revision,
          values: valuesOf(same),
          reportedBy: same.reportedBy,
        });
        Object.assign(same, values, { revision: same.revision + 1, reportedBy: actor.id });
        const saved = await repo.save(same);
        await this.audit.record(em, actor, { entity: AuditEntity.BURDEN_REPORT, entityId: saved.id, action: AuditAction.UPDATE, before, after: saved });
        await this.addToTotals(em, saved, before);
        return saved;
      }

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
        }),
      );
      await this.audit.record(em, actor, { entity: AuditEntity.BURDEN_REPORT, entityId: row.id, action: AuditAction.CREATE, before: null, after: row });
      await this.addToTotals(em, row, null);
      return row;
    });
  }

  /**
   * Keeps the rollup `burden_period_total` in step, in the report's transaction: a new report
   * adds itself; a resubmission adds the difference to what it replaced. Called last: the
   * rollup row is shared by every organisation reporting the indicator for that period, and its
   * lock is held until commit.
   */
  private async addToTotals(em: EntityManager, now: BurdenReportEntity, before: BurdenReportEntity | null): Promise<void> {
    const used = (r: BurdenReportEntity | null, v: ImprovementUse) => (r?.usedForImprovement === v ? 1 : 0);
    await em.query(
      `INSERT INTO burden_period_total AS t (indicator_id, period_start, period_end, reports, staff_hours, staff_count, used_yes, used_partly)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (indicator_id, period_start, period_end) DO UPDATE SET
         reports = t.reports + EXCLUDED.reports, staff_hours = t.staff_hours + EXCLUDED.staff_hours, staff_count = t.staff_count + EXCLUDED.staff_count,
         used_yes = t.used_yes + EXCLUDED.used_yes, used_partly = t.used_partly + EXCLUDED.used_partly`,
      [
        now.indicatorId, now.periodStart, now.periodEnd, before ? 0 : 1,
        Number(now.staffHours) - Number(before?.staffHours ?? 0), now.staffCount - (before?.staffCount ?? 0),
        used(now, ImprovementUse.YES) - used(before, ImprovementUse.YES), used(now, ImprovementUse.PARTLY) - used(before, ImprovementUse.PARTLY),
      ],
    );
  }
}
