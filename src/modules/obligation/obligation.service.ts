import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { badInput, notFound } from '../../common/errors/domain-error';
import { Params } from '../../common/sql/params';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { visibleReports } from '../access/access.rules';
import { inRaw } from '../access/sql-fragment';
import { AccessLogService } from '../analytics/access-log.service';
import { BUCKET_STEP } from '../analytics/dto/series.input';
import { pilotOrgIdsSql, subtreeIdsSql } from '../organisation/organisation.sql';
import { ReportingCompletenessInput, ReportingObligationsArgs } from './dto/obligation.args';
import { CompletenessGroupBy } from './obligation.enums';
import { ReportingCompletenessRow, ReportingObligation } from './obligation.model';
import { obligationCtes } from './obligation.sql';

/** More rows than a person reads, or a form shows: narrow the question instead. */
export const MAX_OBLIGATIONS = 10_000;

/**
 * What each organisation owes (reportingObligations) and how completely organisations report
 * (reportingCompleteness): both from the same obligations (obligation.sql.ts), over the
 * organisations whose reports the caller may read.
 */
@Injectable()
export class ObligationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accessLog: AccessLogService,
  ) {}

  async obligations(actor: AuthUser, args: ReportingObligationsArgs): Promise<ReportingObligation[]> {
    if (args.to < args.from) throw badInput('to', 'must not be before from');
    await this.assertVisible(actor, args.organisationId);
    await this.accessLog.record(actor, 'reportingObligations', args);
    const p = new Params();
    const ctes = this.ctes(actor, p, subtreeIdsSql(p.add(args.organisationId, '::uuid')), args);
    const status = args.status?.length ? `WHERE ob.status = ANY(${p.add(args.status, '::text[]')})` : '';
    const rows: ReportingObligation[] = await this.ds.query(
      `WITH RECURSIVE ${ctes}
       SELECT ob.leaf_id AS "organisationId", ob.indicator_id AS "indicatorId",
              to_char(ob.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(ob.period_end, 'YYYY-MM-DD') AS "periodEnd",
              to_char(ob.due_on, 'YYYY-MM-DD') AS "dueOn", ob.status, ob.covered_days AS "coveredDays", ob.period_days AS "periodDays",
              ob.received_at AS "receivedAt", ob.reported_by AS "reportedById"
         FROM obligation ob JOIN organisation o ON o.id = ob.leaf_id JOIN indicator i ON i.id = ob.indicator_id
        ${status}
        ORDER BY o.name, o.id, i.name, i.id, ob.period_start
        LIMIT ${MAX_OBLIGATIONS + 1}`,
      p.values,
    );
    if (rows.length > MAX_OBLIGATIONS) {
      throw badInput('to', `more than ${MAX_OBLIGATIONS.toLocaleString('en')} obligations: narrow the period, the organisation, the indicator or the status`);
    }
    return rows;
  }

  async completeness(actor: AuthUser, input: ReportingCompletenessInput): Promise<ReportingCompletenessRow[]> {
    if (input.to < input.from) throw badInput('input.to', 'must not be before from');
    await this.accessLog.record(actor, 'reportingCompleteness', input);
    const p = new Params();
    const by = new Set(input.groupBy);
    const byPilot = by.has(CompletenessGroupBy.PILOT) || !!input.pilotId;
    // Broken down by pilot, only the organisations in a pilot count (the join with the pilots
    // below drops the rest): leave the others out from the start (M, all of Sweden: ×1.9–2.6).
    const roots = input.organisationId
      ? subtreeIdsSql(p.add(input.organisationId, '::uuid'))
      : byPilot
        ? pilotOrgIdsSql(input.pilotId ? p.add(input.pilotId, '::uuid') : null)
        : 'SELECT id FROM organisation';
    const ctes = this.ctes(actor, p, roots, input);
    const [unit, step] = BUCKET_STEP[input.bucket].map((v) => `'${v}'`);
    // The first and last bucket are clipped to the range, as in burdenSeries.
    const [from, to] = [p.add(input.from, '::date'), p.add(input.to, '::date')];
    const keys = [
      [by.has(CompletenessGroupBy.PILOT) || input.pilotId ? 'po.pilot_id' : 'NULL::uuid', 'pilotId'],
      [by.has(CompletenessGroupBy.ORGANISATION) ? 'ob.leaf_id' : 'NULL::uuid', 'organisationId'],
      [by.has(CompletenessGroupBy.INDICATOR) ? 'ob.indicator_id' : 'NULL::uuid', 'indicatorId'],
      [by.has(CompletenessGroupBy.PERIOD) ? `date_trunc(${unit}, ob.period_start::timestamp)::date` : 'NULL::date', 'bucket'],
    ];
    const pilots = byPilot
      ? `JOIN (SELECT DISTINCT ch.leaf_id, pp.pilot_id FROM chain ch JOIN pilot_participant pp ON pp.organisation_id = ch.org_id
                ${input.pilotId ? `WHERE pp.pilot_id = ${p.add(input.pilotId, '::uuid')}` : ''}) po ON po.leaf_id = ob.leaf_id`
      : '';
    return this.ds.query(
      `WITH RECURSIVE ${ctes},
       grouped AS (
         SELECT ${keys.map(([expr, name]) => `${expr} AS "${name}"`).join(', ')},
                count(*) FILTER (WHERE ob.status <> 'DUE')::int AS expected,
                count(*) FILTER (WHERE ob.status IN ('REPORTED', 'LATE'))::int AS received,
                count(*) FILTER (WHERE ob.status = 'REPORTED')::int AS "onTime",
                count(*) FILTER (WHERE ob.status = 'LATE')::int AS late,
                count(*) FILTER (WHERE ob.status = 'PARTIAL')::int AS partial,
                count(*) FILTER (WHERE ob.status = 'MISSING')::int AS missing,
                count(*) FILTER (WHERE ob.status = 'DUE')::int AS "notYetDue"
           FROM obligation ob ${pilots}
          GROUP BY 1, 2, 3, 4
       )
       SELECT g."pilotId", g."organisationId", g."indicatorId",
              to_char(greatest(g.bucket, ${from}), 'YYYY-MM-DD') AS "bucketStart",
              to_char(least(g.bucket + ${step}::interval - interval '1 day', ${to}), 'YYYY-MM-DD') AS "bucketEnd",
              g.expected, g.received, g."onTime", g.late, g.partial, g.missing, g."notYetDue",
              g.received::float8 / nullif(g.expected, 0) AS "reportingRate", g."onTime"::float8 / nullif(g.expected, 0) AS "onTimeRate"
         FROM grouped g
         LEFT JOIN pilot pi ON pi.id = g."pilotId" LEFT JOIN organisation o ON o.id = g."organisationId" LEFT JOIN indicator i ON i.id = g."indicatorId"
        ORDER BY pi.code, o.name, g."organisationId", i.name, g."indicatorId", g.bucket`,
      p.values,
    );
  }

  private ctes(actor: AuthUser, p: Params, roots: string, q: { from: string; to: string; indicatorId?: string }): string {
    return obligationCtes({
      roots,
      visible: inRaw(visibleReports(actor, 'o.id'), p),
      indicator: q.indicatorId ? p.add(q.indicatorId, '::uuid') : undefined,
      from: p.add(q.from, '::date'),
      to: p.add(q.to, '::date'),
      grace: p.add(this.config.reporting.graceDays, '::int'),
    });
  }

  /** The organisation, if the caller may read its reports; otherwise it answers like a missing one. */
  private async assertVisible(actor: AuthUser, organisationId: string): Promise<void> {
    const p = new Params();
    const id = p.add(organisationId, '::uuid');
    const [row] = await this.ds.query(`SELECT 1 FROM organisation o WHERE o.id = ${id} AND ${inRaw(visibleReports(actor, 'o.id'), p)}`, p.values);
    if (!row) throw notFound('Organisation', organisationId);
  }
}
