import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { badInputs, DomainError, notFound } from '../../common/errors/domain-error';
import { EntityRows } from '../../common/sql/entity-rows';
import { AccessChecks } from '../access/access.checks';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { ClientRequests } from '../client-request/client-requests.service';
import { BurdenReportEntity } from './burden-report.entity';
import { BurdenErrors } from './burden.errors';
import { BurdenPlausibility, doubleCountingProblem, Facts } from './burden.plausibility';
import { applyTotals, totalsDelta } from './burden.totals';
import { ReportIndicatorBurdenInput } from './dto/report-indicator-burden.input';

const OPERATION = 'reportIndicatorBurden';

/** A stored report of the indicator and organisation whose period overlaps a new one's. */
interface Existing {
  n: number;
  revision: number;
  period_start: string;
  period_end: string;
  same: boolean;
}

const overlaps = (a: ReportIndicatorBurdenInput, b: ReportIndicatorBurdenInput) => a.periodStart <= b.periodEnd && b.periodStart <= a.periodEnd;

/**
 * New burden reports in bulk (reportIndicatorBurdenBatch without replacements): the rules of a
 * single report, checked for the whole batch in a few statements (access, facts, double
 * counting, reports already stored), then one insert, one audit insert, one rollup update and one
 * record of the clientIds — instead of about ten statements per report. The error is the one the
 * reports stored one by one would give: the first report that fails, with that report's first
 * failing rule, counting the batch's earlier reports as stored.
 */
@Injectable()
export class BurdenBatchWriter {
  private readonly rows: EntityRows<BurdenReportEntity>;

  constructor(
    @InjectDataSource() ds: DataSource,
    private readonly access: AccessChecks,
    private readonly audit: AuditService,
    private readonly requests: ClientRequests,
    private readonly plausibility: BurdenPlausibility,
  ) {
    this.rows = new EntityRows(ds, BurdenReportEntity, 'b');
  }

  /**
   * `earlier`: per report, what an earlier request with its clientId stored (ClientRequests.earlier).
   * The caller holds the clientIds' and the indicators' locks. Errors are thrown as `[place, error]`.
   */
  async createAll(em: EntityManager, actor: AuthUser, reports: ReportIndicatorBurdenInput[], earlier: (string | null)[]): Promise<BurdenReportEntity[]> {
    const places = reports.map((_, i) => i).filter((i) => earlier[i] === null);
    const fresh = places.map((i) => reports[i]);
    const failure = fresh.length ? await this.firstFailure(em, actor, fresh) : null;
    if (failure) throw new BatchFailure(places[failure[0]], failure[1]);
    const stored = fresh.length ? await this.insert(em, actor, fresh) : [];
    const before = await this.load(
      em,
      earlier.filter((id): id is string => !!id),
    );
    let k = 0;
    return reports.map((_, i) => (earlier[i] ? before.get(earlier[i]!)! : stored[k++]));
  }

  /** The first report (by place) that a one-by-one run would refuse, and why. */
  private async firstFailure(em: EntityManager, actor: AuthUser, reports: ReportIndicatorBurdenInput[]): Promise<[number, unknown] | null> {
    const noAccess = await this.access.firstNotReportable(
      actor,
      reports.map((r) => r.organisationId),
      em,
    );
    const upTo = noAccess < 0 ? reports : reports.slice(0, noAccess);
    if (upTo.length) {
      const failure = await this.firstImplausible(em, upTo);
      if (failure) return failure;
    }
    if (noAccess >= 0) {
      const refused = await this.access.assertCanReportFor(actor, reports[noAccess].organisationId, em).then(
        () => null,
        (err: unknown) => err,
      );
      return [noAccess, refused ?? new DomainError('FORBIDDEN', 'You may not report for this organisation')];
    }
    return null;
  }

  /** The first of reports the actor may make that breaks a rule, or collides with a stored report or an earlier one of the batch. */
  private async firstImplausible(em: EntityManager, upTo: ReportIndicatorBurdenInput[]): Promise<[number, unknown] | null> {
    const { problems, facts } = await this.plausibility.problemsOfAll(em, upTo);
    const existing = await this.existing(em, upTo);
    for (let i = 0; i < upTo.length; i++) {
      const r = upTo[i];
      if (!facts[i]) return [i, notFound('Indicator', r.indicatorId)];
      if (!problems[i].length) problems[i].push(...this.countedTwiceInBatch(upTo, facts, i));
      if (problems[i].length) return [i, badInputs(problems[i])];
      const own =
        existing.get(i + 1) ??
        upTo
          .slice(0, i)
          .map((e, j) => ({ e, j }))
          .find(({ e }) => sameUnit(e, r) && overlaps(e, r));
      if (own && 'revision' in own) return [i, own.same ? BurdenErrors.exists(own.revision) : BurdenErrors.overlap(own.period_start, own.period_end)];
      if (own) return [i, samePeriod(own.e, r) ? BurdenErrors.exists(1) : BurdenErrors.overlap(own.e.periodStart, own.e.periodEnd)];
    }
    return null;
  }

  /** An earlier report of the batch, above or below this one's unit, for the indicator and an overlapping period. */
  private countedTwiceInBatch(reports: ReportIndicatorBurdenInput[], facts: (Facts | undefined)[], i: number) {
    const r = reports[i];
    for (let j = 0; j < i; j++) {
      const e = reports[j];
      if (e.indicatorId !== r.indicatorId || !overlaps(e, r)) continue;
      const above = facts[i]!.ancestors.includes(e.organisationId);
      const below = facts[j]?.ancestors.includes(r.organisationId) ?? false;
      if (above || below) return [doubleCountingProblem({ organisation: facts[j]!.organisation, period_start: e.periodStart, period_end: e.periodEnd, below })];
    }
    return [];
  }

  /** Per report (by place), the stored report of its indicator and unit its period meets: the same period first. */
  private async existing(em: EntityManager, reports: ReportIndicatorBurdenInput[]): Promise<Map<number, Existing>> {
    const rows: Existing[] = await em.query(
      `SELECT DISTINCT ON (x.n) x.n, b.revision, to_char(b.period_start, 'YYYY-MM-DD') AS period_start, to_char(b.period_end, 'YYYY-MM-DD') AS period_end,
              (b.period_start = x.period_start AND b.period_end = x.period_end) AS same
         FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[]) WITH ORDINALITY AS x(indicator_id, organisation_id, period_start, period_end, n)
         JOIN burden_report b ON b.indicator_id = x.indicator_id AND b.organisation_id = x.organisation_id
          AND daterange(b.period_start, b.period_end, '[]') && daterange(x.period_start, x.period_end, '[]')
        ORDER BY x.n, same DESC, b.period_start`,
      [reports.map((r) => r.indicatorId), reports.map((r) => r.organisationId), reports.map((r) => r.periodStart), reports.map((r) => r.periodEnd)],
    );
    return new Map(rows.map((r) => [Number(r.n), r]));
  }

  /** One insert for every report (in their order), their audit entries, the rollup and the clientIds. */
  private async insert(em: EntityManager, actor: AuthUser, reports: ReportIndicatorBurdenInput[]): Promise<BurdenReportEntity[]> {
    const col = <T>(f: (r: ReportIndicatorBurdenInput) => T) => reports.map(f);
    const inserted = await this.rows.query(
      'FROM b ORDER BY b.n',
      [
        col((r) => r.indicatorId),
        col((r) => r.organisationId),
        col((r) => r.periodKind),
        col((r) => r.periodStart),
        col((r) => r.periodEnd),
        col((r) => r.staffHours),
        col((r) => r.staffCount),
        col((r) => r.recordCount ?? null),
        col((r) => r.doubleRegistration),
        col((r) => r.usedForImprovement),
        col((r) => r.perceivedUsefulness ?? null),
        col((r) => r.comment),
        actor.id,
      ],
      em,
      `WITH x AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::period_kind[], $4::date[], $5::date[], $6::numeric[], $7::int[], $8::int[], $9::boolean[],
                                      $10::improvement_use[], $11::smallint[], $12::text[]) WITH ORDINALITY
                    AS x(indicator_id, organisation_id, period_kind, period_start, period_end, staff_hours, staff_count, record_count,
                         double_registration, used_for_improvement, perceived_usefulness, comment, n)),
       ins AS (
         INSERT INTO burden_report (indicator_id, organisation_id, period_kind, period_start, period_end, staff_hours, staff_count, record_count,
                                    double_registration, used_for_improvement, perceived_usefulness, comment, reported_by, revision)
         SELECT indicator_id, organisation_id, period_kind, period_start, period_end, staff_hours, staff_count, record_count,
                double_registration, used_for_improvement, perceived_usefulness, comment, $13, 1 FROM x ORDER BY n
         RETURNING *),
       b AS (SELECT ins.*, x.n FROM ins JOIN x USING (indicator_id, organisation_id, period_start))`,
    );
    await this.audit.record(
      em,
      actor,
      ...inserted.map((row) => ({ entity: AuditEntity.BURDEN_REPORT, entityId: row.id, action: AuditAction.CREATE, before: null, after: row })),
    );
    await applyTotals(
      em,
      inserted.map((row) => ({ key: row, delta: totalsDelta(null, row) })),
    );
    await this.requests.rememberAll(
      em,
      actor,
      OPERATION,
      reports.map((input, i) => ({ input, entityId: inserted[i].id })),
    );
    return inserted;
  }

  private async load(em: EntityManager, ids: string[]): Promise<Map<string, BurdenReportEntity>> {
    if (!ids.length) return new Map();
    const found = await this.rows.query('FROM burden_report b WHERE b.id = ANY ($1::uuid[])', [ids], em);
    return new Map(found.map((r) => [r.id, r]));
  }
}

/** A report of a batch was refused: its place, and the error a single report would have got. */
export class BatchFailure extends Error {
  constructor(
    readonly place: number,
    readonly error: unknown,
  ) {
    super('a report of the batch was refused');
  }
}

const sameUnit = (a: ReportIndicatorBurdenInput, b: ReportIndicatorBurdenInput) => a.indicatorId === b.indicatorId && a.organisationId === b.organisationId;
const samePeriod = (a: ReportIndicatorBurdenInput, b: ReportIndicatorBurdenInput) => a.periodStart === b.periodStart && a.periodEnd === b.periodEnd;
