import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { analyticsQuery } from '../../database/read-replica';
import type { AuthUser } from '../../common/auth/auth-user';
import { badInput } from '../../common/errors/domain-error';
import { Params } from '../../common/sql/params';
import { isUnrestricted, visibleReports } from '../access/access.rules';
import { inRaw } from '../access/sql-fragment';
import { pilotOrgIdsSql, subtreeIdsSql } from '../organisation/organisation.sql';
import { AccessLogService } from './access-log.service';
import {
  BUCKET_STEP,
  BurdenGroupBy,
  BurdenSeriesInput,
  BurdenSeriesRow,
  IndicatorLoadInput,
  IndicatorLoadRow,
  SeriesInput,
  TimeThiefSummaryInput,
  TimeThiefSummaryRow,
} from './dto/series.input';
import { SupervisionLoadInput, SupervisionLoadRow } from './dto/supervision-load.input';

const BURDEN_KEYS: Record<BurdenGroupBy, { expr: string; prop: keyof BurdenSeriesRow }> = {
  ORGANISATION: { expr: 'org_key', prop: 'organisationId' },
  GOVERNANCE_FORM: { expr: 'governance_form', prop: 'governanceForm' },
  INSTRUMENT_KIND: { expr: 'instrument_kind', prop: 'instrumentKind' },
  IMPOSED_BY: { expr: 'imposed_by_id', prop: 'imposedById' },
  INDICATOR: { expr: 'indicator_id', prop: 'indicatorId' },
  MEASURE_TYPE: { expr: 'measure_type', prop: 'measureType' },
};

/**
 * Time series of indicator burden, indicator load and time thieves, each one SQL statement over
 * calendar buckets (docs/analysis.md). Scope: admins and analysts see every organisation; org
 * reporters their subtree; researchers the organisations in the pilots they follow.
 */
/** Where each burdenSeries breakdown key comes from, once reports are joined to indicator (i) and instrument (si). */
const BURDEN_KEY_SOURCE: Record<string, string> = {
  governance_form: 'si.governance_form',
  instrument_kind: 'si.kind',
  imposed_by_id: 'si.imposed_by_id',
  indicator_id: 'pre.indicator_id',
  measure_type: 'i.measure_type',
};
/** Enum keys, grouped raw and cast to text only in the output. */
const ENUM_KEYS = new Set(['governance_form', 'instrument_kind', 'measure_type']);
const asText = (k: string) => (ENUM_KEYS.has(k) ? `${k}::text` : k);

@Injectable()
export class SeriesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly accessLog: AccessLogService,
  ) {}

  async burdenSeries(actor: AuthUser, input: BurdenSeriesInput): Promise<BurdenSeriesRow[]> {
    await this.accessLog.record(actor, 'burdenSeries', input);
    const p = new Params();
    const head = this.head(actor, input, p, 'br.organisation_id');
    const keys = input.groupBy.map((g) => BURDEN_KEYS[g].expr);
    // Readable order: organisations and indicators by name, the rest by value.
    const order = keys.map((k) =>
      k === 'org_key' || k === 'imposed_by_id'
        ? `(SELECT o.name FROM organisation o WHERE o.id = ${k}), ${k}`
        : k === 'indicator_id'
          ? `(SELECT i.name FROM indicator i WHERE i.id = ${k}), ${k}`
          : k,
    );
    const byOrg = input.groupBy.includes(BurdenGroupBy.ORGANISATION);
    // Reports are first summed per indicator, period (and organisation, when broken down by it),
    // then split into buckets and named: the split and the joins see tens of thousands of rows,
    // not every report. When the caller sees every organisation and nothing narrows or splits by
    // organisation, the sums come ready from the rollup burden_period_total (docs/benchmarks.md).
    const useTotals = !byOrg && !input.organisationId && !input.pilotId && isUnrestricted(visibleReports(actor, 'br.organisation_id'));
    const instrument = (alias: string) =>
      input.instrumentId ? `AND ${alias}.indicator_id IN (SELECT id FROM indicator WHERE instrument_id = ${p.add(input.instrumentId, '::uuid')})` : '';
    const pre = useTotals
      ? `SELECT t.indicator_id, NULL::uuid AS organisation_id, t.period_start, t.period_end, t.reports::bigint AS n,
                t.staff_hours::float8 AS h, t.staff_count::float8 AS c, t.used_yes::bigint AS yes, t.used_partly::bigint AS partly
           FROM burden_period_total t
          WHERE t.period_end >= ${head.from} AND t.period_start <= ${head.to} ${instrument('t')}`
      : `SELECT br.indicator_id, ${byOrg ? 'br.organisation_id' : 'NULL::uuid'} AS organisation_id, br.period_start, br.period_end, count(*) AS n,
                sum(br.staff_hours)::float8 AS h, sum(br.staff_count)::float8 AS c,
                count(*) FILTER (WHERE br.used_for_improvement = 'YES') AS yes, count(*) FILTER (WHERE br.used_for_improvement = 'PARTLY') AS partly
           FROM burden_report br
          WHERE br.period_end >= ${head.from} AND br.period_start <= ${head.to} AND br.withdrawn_at IS NULL AND ${head.scope} ${instrument('br')}
          GROUP BY 1, 2, 3, 4`;
    // Named by the breakdown's keys (raw enums: cast to text only once grouped) and summed over
    // indicators before the bucket split, so the split sees a few rows per period.
    const named = keys.filter((k) => k !== 'org_key');
    const sql = `${head.ctes},
      pre AS (${pre}),
      named AS (
        SELECT pre.period_start, pre.period_end, pre.organisation_id${named.map((k) => `, ${BURDEN_KEY_SOURCE[k]} AS ${k}`).join('')},
               sum(pre.n) AS n, sum(pre.h) AS h, sum(pre.c) AS c, sum(pre.yes) AS yes, sum(pre.partly) AS partly
          FROM pre JOIN indicator i ON i.id = pre.indicator_id JOIN steering_instrument si ON si.id = i.instrument_id
         GROUP BY pre.period_start, pre.period_end, pre.organisation_id${named.map((k) => `, ${BURDEN_KEY_SOURCE[k]}`).join('')}
      ),
      ${byOrg ? `${head.rollup('named', 'organisation_id')},` : ''}
      parts AS (
        SELECT b.bstart, b.bend, named.*, ${byOrg ? head.orgKey() : 'NULL::uuid'} AS org_key,
               (least(named.period_end, b.bend) - greatest(named.period_start, b.bstart) + 1)::float8
                 / (named.period_end - named.period_start + 1) AS frac
          FROM named JOIN b ON named.period_start <= b.bend AND named.period_end >= b.bstart
          ${byOrg ? head.joinUp('named.organisation_id') : ''}
      )
      SELECT to_char(bstart, 'YYYY-MM-DD') AS bucket_start, to_char(bend, 'YYYY-MM-DD') AS bucket_end${keys.map((k) => `, ${asText(k)} AS ${k}`).join('')},
             sum(h * frac)::float8 AS staff_hours, sum(c * frac)::float8 AS staff_count,
             sum(n)::int AS reports, -- a report has one part per bucket
             (sum(yes)::float8 / sum(n)) AS yes_share, (sum(partly)::float8 / sum(n)) AS partly_share
        FROM parts GROUP BY bstart, bend${keys.map((k) => `, ${k}`).join('')}
       ORDER BY bstart${order.map((k) => `, ${asText(k)}`).join('')}`;
    const rows: Record<string, unknown>[] = await analyticsQuery(this.ds, sql, p.values);
    return rows.map((r) => {
      const row: BurdenSeriesRow = {
        bucketStart: r.bucket_start as string,
        bucketEnd: r.bucket_end as string,
        organisationId: null,
        governanceForm: null,
        instrumentKind: null,
        imposedById: null,
        indicatorId: null,
        measureType: null,
        staffHours: r.staff_hours as number,
        staffCount: r.staff_count as number,
        hoursPerStaff: (r.staff_count as number) > 0 ? (r.staff_hours as number) / (r.staff_count as number) : null,
        reports: r.reports as number,
        shareUsedForImprovement: r.yes_share as number,
        sharePartlyUsed: r.partly_share as number,
      };
      for (const g of input.groupBy) (row as unknown as Record<string, unknown>)[BURDEN_KEYS[g].prop] = r[BURDEN_KEYS[g].expr];
      return row;
    });
  }

  async indicatorLoad(actor: AuthUser, input: IndicatorLoadInput): Promise<IndicatorLoadRow[]> {
    await this.accessLog.record(actor, 'indicatorLoad', input);
    const p = new Params();
    const head = this.head(actor, input, p, 't.organisation_id');
    const instrument = input.instrumentId ? `AND i.instrument_id = ${p.add(input.instrumentId, '::uuid')}` : '';
    const sql = `${head.ctes},
      tgt AS (
        SELECT t.organisation_id, i.id AS indicator_id, i.introduced_on, i.retired_on, i.payment_dependent
          FROM steering_instrument_target t JOIN indicator i ON i.instrument_id = t.instrument_id
         WHERE ${head.scope} ${instrument}
      ),
      ${head.rollup('tgt', 'organisation_id')}
      SELECT q.* FROM (
        SELECT b.bstart, to_char(b.bstart, 'YYYY-MM-DD') AS bucket_start, to_char(b.bend, 'YYYY-MM-DD') AS bucket_end,
               ${head.orgKey()} AS organisation_id,
               count(DISTINCT tgt.indicator_id)::int AS indicators,
               count(DISTINCT tgt.indicator_id) FILTER (WHERE tgt.payment_dependent)::int AS payment_dependent
          FROM b JOIN tgt ON tgt.introduced_on <= b.bend AND (tgt.retired_on IS NULL OR tgt.retired_on >= b.bstart)
          ${head.joinUp('tgt.organisation_id')}
         GROUP BY b.bstart, b.bend, 4
      ) q ORDER BY q.bstart, (SELECT o.name FROM organisation o WHERE o.id = q.organisation_id), q.organisation_id`;
    const rows: Record<string, unknown>[] = await analyticsQuery(this.ds, sql, p.values);
    return rows.map((r) => ({
      bucketStart: r.bucket_start as string,
      bucketEnd: r.bucket_end as string,
      organisationId: r.organisation_id as string,
      indicators: r.indicators as number,
      paymentDependent: r.payment_dependent as number,
    }));
  }

  /** Distinct indicators in force per bucket across every organisation in scope (for pilotSignals). */
  async indicatorsInForce(actor: AuthUser, input: SeriesInput): Promise<{ bucketStart: string; bucketEnd: string; indicators: number }[]> {
    const p = new Params();
    const head = this.head(actor, input, p, 't.organisation_id');
    const sql = `${head.ctes}
      SELECT to_char(b.bstart, 'YYYY-MM-DD') AS bucket_start, to_char(b.bend, 'YYYY-MM-DD') AS bucket_end,
             count(DISTINCT i.id) FILTER (WHERE i.id IS NOT NULL)::int AS indicators
        FROM b LEFT JOIN (steering_instrument_target t JOIN indicator i ON i.instrument_id = t.instrument_id)
          ON i.introduced_on <= b.bend AND (i.retired_on IS NULL OR i.retired_on >= b.bstart) AND ${head.scope}
       GROUP BY b.bstart, b.bend ORDER BY b.bstart`;
    const rows: { bucket_start: string; bucket_end: string; indicators: number }[] = await analyticsQuery(this.ds, sql, p.values);
    return rows.map((r) => ({ bucketStart: r.bucket_start, bucketEnd: r.bucket_end, indicators: r.indicators }));
  }

  async timeThiefSummary(actor: AuthUser, input: TimeThiefSummaryInput): Promise<TimeThiefSummaryRow[]> {
    await this.accessLog.record(actor, 'timeThiefSummary', input);
    const p = new Params();
    const head = this.head(actor, input, p, 'tt.organisation_id');
    const org = input.byOrganisation ? `${head.orgKey()}` : 'NULL::uuid';
    const sql = `${head.ctes},
      ch AS (
        SELECT c.status::text AS status, c.changed_on, tt.organisation_id, tt.minutes_per_week, tt.staff_affected
          FROM time_thief_status_change c JOIN time_thief tt ON tt.id = c.time_thief_id
         WHERE c.changed_on BETWEEN ${head.from} AND ${head.to} AND tt.withdrawn_at IS NULL AND ${head.scope}
      ),
      ${head.rollup('ch', 'organisation_id')}
      SELECT to_char(b.bstart, 'YYYY-MM-DD') AS bucket_start, to_char(b.bend, 'YYYY-MM-DD') AS bucket_end, ${org} AS organisation_id,
             count(*) FILTER (WHERE ch.status = 'REPORTED')::int AS reported,
             count(*) FILTER (WHERE ch.status = 'REMOVED')::int AS removed,
             count(*) FILTER (WHERE ch.status = 'KEPT')::int AS kept,
             coalesce(sum(ch.minutes_per_week * ch.staff_affected) FILTER (WHERE ch.status = 'REMOVED'), 0)::float8 / 60 AS hours_freed
        FROM b JOIN ch ON ch.changed_on BETWEEN b.bstart AND b.bend
        ${head.joinUp('ch.organisation_id')}
       GROUP BY b.bstart, b.bend, 3 ORDER BY b.bstart, 3`;
    const rows: Record<string, unknown>[] = await analyticsQuery(this.ds, sql, p.values);
    return rows.map((r) => ({
      bucketStart: r.bucket_start as string,
      bucketEnd: r.bucket_end as string,
      organisationId: (r.organisation_id as string | null) ?? null,
      reported: r.reported as number,
      removed: r.removed as number,
      kept: r.kept as number,
      hoursFreedPerWeek: r.hours_freed as number,
    }));
  }

  /**
   * Supervision per supervised organisation (at organisationDepth) and bucket: contacts, staff
   * hours, data requests, and the overlapping ones — a contact that names another demand for
   * the same data, or that a later contact names (both sides of an overlap count).
   */
  async supervisionLoad(actor: AuthUser, input: SupervisionLoadInput): Promise<SupervisionLoadRow[]> {
    await this.accessLog.record(actor, 'supervisionLoad', input);
    const p = new Params();
    const head = this.head(actor, input, p, 'si.organisation_id');
    const sql = `${head.ctes},
      si AS (
        SELECT si.organisation_id, si.supervisor_id, si.occurred_on, si.staff_hours, si.character, si.supported_learning,
               si.data_requested <> '' AS asks_data,
               (si.overlaps_interaction_id IS NOT NULL OR si.overlaps_instrument_id IS NOT NULL
                OR EXISTS (SELECT 1 FROM supervision_interaction o WHERE o.overlaps_interaction_id = si.id)) AS overlapping
          FROM supervision_interaction si
         WHERE si.occurred_on BETWEEN ${head.from} AND ${head.to} AND ${head.scope}
      ),
      ${head.rollup('si', 'organisation_id')}
      SELECT to_char(b.bstart, 'YYYY-MM-DD') AS "bucketStart", to_char(b.bend, 'YYYY-MM-DD') AS "bucketEnd", ${head.orgKey()} AS "organisationId",
             count(*)::int AS interactions,
             sum(si.staff_hours)::float8 AS "staffHours",
             count(*) FILTER (WHERE si.asks_data)::int AS "dataRequests",
             count(*) FILTER (WHERE si.overlapping)::int AS overlapping,
             coalesce(sum(si.staff_hours) FILTER (WHERE si.overlapping), 0)::float8 AS "overlappingStaffHours",
             count(*) FILTER (WHERE si.character <> 'CONTROLLING')::int AS enabling,
             count(*) FILTER (WHERE si.supported_learning)::int AS "supportedLearning",
             count(DISTINCT si.supervisor_id)::int AS supervisors
        FROM b JOIN si ON si.occurred_on BETWEEN b.bstart AND b.bend
        ${head.joinUp('si.organisation_id')}
       GROUP BY b.bstart, b.bend, 3 ORDER BY b.bstart, 3`;
    return analyticsQuery(this.ds, sql, p.values);
  }

  /**
   * What every series shares: the buckets (CTE `b`: bstart, bend, clipped to from–to), the
   * caller's scope and the organisation filter as one SQL condition on `orgColumn`, and the
   * roll-up of organisations to a depth of the tree.
   */
  private head(actor: AuthUser, input: SeriesInput, p: Params, orgColumn: string) {
    if (input.to < input.from) throw badInput('input.to', 'must not be before from');
    const [unit, step] = BUCKET_STEP[input.bucket];
    const from = p.add(input.from, '::date');
    const to = p.add(input.to, '::date');
    const conditions: string[] = [inRaw(visibleReports(actor, orgColumn), p)];
    if (input.organisationId) conditions.push(`${orgColumn} IN (${subtreeIdsSql(p.add(input.organisationId, '::uuid'))})`);
    if (input.pilotId) conditions.push(`${orgColumn} IN (${pilotOrgIdsSql(p.add(input.pilotId, '::uuid'))})`);
    return {
      from,
      to,
      scope: conditions.join(' AND '),
      ctes: `WITH RECURSIVE b AS (
          SELECT greatest(gs::date, ${from}) AS bstart, least((gs + ${p.add(step, '::interval')} - interval '1 day')::date, ${to}) AS bend
            FROM generate_series(date_trunc(${p.add(unit, '::text')}, ${from}), ${to}, ${p.add(step, '::interval')}) gs
        )`,
      /** CTE `up`: for each organisation in `source`, its path from the top of the tree. */
      rollup: (source: string, column: string) => `up(org_id, id, parent_id, path) AS (
          SELECT o.id, o.id, o.parent_id, ARRAY[o.id] FROM organisation o WHERE o.id IN (SELECT DISTINCT ${column} FROM ${source})
          UNION ALL
          SELECT up.org_id, o.id, o.parent_id, o.id || up.path FROM organisation o JOIN up ON o.id = up.parent_id
        )`,
      joinUp: (column: string) => `JOIN up ON up.org_id = ${column} AND up.parent_id IS NULL`,
      /** The organisation at `organisationDepth` (no depth: itself); adds its parameter when used. */
      orgKey: () => `up.path[least(${p.add(input.organisationDepth ?? null, '::int')} + 1, array_length(up.path, 1))]`,
    };
  }
}
