import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { analyticsQuery } from '../../database/read-replica';
import type { AuthUser } from '../../common/auth/auth-user';
import { Params } from '../../common/sql/params';
import { countableObservations, countableOwnCodes } from '../access/access.rules';
import { inRaw } from '../access/sql-fragment';
import { subtreeIdsSql } from '../organisation/organisation.sql';
import { RespondentRole } from '../observation/observation.enums';
import { SteeringLevel } from '../pilot/pilot.enums';
import { AccessLogService } from './access-log.service';
import {
  CodeCooccurrenceCell,
  CodeCooccurrenceInput,
  CodeCountFilter,
  CodedUnit,
  CodeDimension,
  CodeGroupBy,
  CodeFrequenciesInput,
  CodeFrequencyRow,
} from './dto/codes.input';

/**
 * Each dimension as an array of its own enum (scalar codes become 0 or 1 elements). Rows are
 * grouped by these enum values and only the groups' codes are turned into text: casting every
 * code of every row to text costs more than the counting (docs/benchmarks.md).
 */
export const CODES: Record<CodeDimension, string> = {
  FORM: 'src.forms',
  PHASE: 'array_remove(ARRAY[src.phase], NULL)',
  RELATION: 'src.relations',
  METHOD: 'src.methods',
  TRUSTWORTHINESS: 'src.trustworthiness',
  ORIENTATION: 'array_remove(ARRAY[src.orientation], NULL)',
  EFFECT_ON_TRUST: 'array_remove(ARRAY[src.effect_on_trust], NULL)',
  DEFINITION_PART: 'src.definition_parts',
  CONTROL_SYSTEM: 'src.control_systems',
  EFFECT_VARIABLE: 'src.effect_variables',
  CONTEXTUAL_CONDITION: 'src.contextual_conditions',
  OWN_CODE: 'src.own_code_ids',
};

/** A dimension's codes of row `src` that the caller may count (own codes: access.rules countableOwnCodes). */
export const codeArray = (d: CodeDimension, actor: AuthUser) => (d === CodeDimension.OWN_CODE ? countableOwnCodes(actor, CODES[d]) : CODES[d]);
/** The coding columns every dimension above reads. */
const CODE_COLUMNS = [
  'forms',
  'phase',
  'relations',
  'methods',
  'trustworthiness',
  'orientation',
  'effect_on_trust',
  'definition_parts',
  'control_systems',
  'effect_variables',
  'contextual_conditions',
  'own_code_ids',
];
/** What every coded row carries of its observation: the date, and the keys counts can be grouped by. */
const OBSERVATION_KEYS = 'o.occurred_on, o.pilot_id AS g_pilot_id, o.level AS g_level_value, o.respondent_role AS g_role_value';

interface GroupRow {
  g_pilot: string | null;
  g_level: SteeringLevel | null;
  g_role: RespondentRole | null;
}

/** The group columns (always three, null where not grouped): `inner` over src, `outer` over its grouped rows `g`. */
function groupColumns(groupBy: CodeGroupBy[]) {
  const on = (g: CodeGroupBy, expr: string, type: string) => (groupBy.includes(g) ? expr : `NULL::${type}`);
  return {
    inner: [
      `${on(CodeGroupBy.PILOT, 'src.g_pilot_id', 'uuid')} AS g_pilot`,
      `${on(CodeGroupBy.LEVEL, 'src.g_level_value::text', 'text')} AS g_level`,
      `${on(CodeGroupBy.RESPONDENT_ROLE, 'src.g_role_value::text', 'text')} AS g_role`,
    ].join(', '),
    outer: 'g.g_pilot, g.g_level, g.g_role',
  };
}

const groupOf = (r: GroupRow) => ({ pilotId: r.g_pilot ?? null, level: r.g_level ?? null, respondentRole: r.g_role ?? null });

const UNIT: Record<string, string> = { MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' };

/**
 * Counts of framework codes on observations or on coded segments, in SQL, over the observations
 * the caller may count (access: countableObservations).
 */
@Injectable()
export class CodesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly accessLog: AccessLogService,
  ) {}

  async frequencies(actor: AuthUser, input: CodeFrequenciesInput): Promise<CodeFrequencyRow[]> {
    await this.accessLog.record(actor, 'codeFrequencies', input);
    const p = new Params();
    const source = this.source(actor, input.unit, input.filter, p);
    const bucket = input.bucket ? `date_trunc('${UNIT[input.bucket]}', s.occurred_on)::date` : 'NULL::date';
    const dims = input.dimensions ?? (Object.keys(CODES) as CodeDimension[]);
    const groups = groupColumns(input.groupBy ?? []);
    // The bucket is computed once per row. Rows are first counted per distinct code set (a few
    // hundred), and only those sets are unnested and named: no function call per row.
    const sql = `WITH RECURSIVE src AS (SELECT s.*, ${bucket} AS bucket FROM (${source}) s)
      SELECT to_char(x.bucket, 'YYYY-MM-DD') AS bucket_start, x.dimension, x.code, x.count, x.g_pilot, x.g_level, x.g_role FROM (
        ${dims
          .map(
            (d) => `SELECT g.bucket, ${groups.outer}, '${d}' AS dimension, c.code::text AS code, sum(g.n)::int AS count
             FROM (SELECT src.bucket, ${groups.inner}, ${codeArray(d, actor)} AS codes, count(*) AS n FROM src GROUP BY 1, 2, 3, 4, 5) g
             CROSS JOIN LATERAL unnest(g.codes) AS c(code) GROUP BY g.bucket, g.g_pilot, g.g_level, g.g_role, c.code`,
          )
          .join('\n        UNION ALL ')}
      ) x ORDER BY x.bucket, x.g_pilot, x.g_level, x.g_role, x.dimension, x.count DESC, x.code`;
    const rows: (GroupRow & { bucket_start: string | null; dimension: CodeDimension; code: string; count: number })[] = await analyticsQuery(
      this.ds,
      sql,
      p.values,
    );
    return rows.map((r) => ({ bucketStart: r.bucket_start, dimension: r.dimension, code: r.code, count: r.count, ...groupOf(r) }));
  }

  async cooccurrence(actor: AuthUser, input: CodeCooccurrenceInput): Promise<CodeCooccurrenceCell[]> {
    await this.accessLog.record(actor, 'codeCooccurrence', input);
    const p = new Params();
    const source = this.source(actor, input.unit, input.filter, p);
    const groups = groupColumns(input.groupBy ?? []);
    const sql = `WITH RECURSIVE src AS (${source})
      SELECT ${groups.outer}, r.code::text AS row_code, c.code::text AS column_code, sum(g.n)::int AS count
        FROM (SELECT ${groups.inner}, ${codeArray(input.rows, actor)} AS row_codes, ${codeArray(input.columns, actor)} AS column_codes, count(*) AS n FROM src GROUP BY 1, 2, 3, 4, 5) g
        CROSS JOIN LATERAL unnest(g.row_codes) AS r(code) CROSS JOIN LATERAL unnest(g.column_codes) AS c(code)
       GROUP BY g.g_pilot, g.g_level, g.g_role, r.code, c.code ORDER BY g.g_pilot, g.g_level, g.g_role, r.code::text, c.code::text`;
    const rows: (GroupRow & { row_code: string; column_code: string; count: number })[] = await analyticsQuery(this.ds, sql, p.values);
    return rows.map((r) => ({ rowCode: r.row_code, columnCode: r.column_code, count: r.count, ...groupOf(r) }));
  }

  /** The coded rows: live observations, or the segments of live observations, with their observation's date. */
  private source(actor: AuthUser, unit: CodedUnit, f: CodeCountFilter | undefined, p: Params): string {
    const where = ['o.deleted_at IS NULL', inRaw(countableObservations(actor, 'o'), p), ...observationConditions(f, p)];
    const cols = (a: string) => CODE_COLUMNS.map((c) => `${a}.${c}`).join(', ');
    return unit === CodedUnit.SEGMENTS
      ? `SELECT ${cols('s')}, ${OBSERVATION_KEYS} FROM coded_segment s JOIN observation o ON o.id = s.observation_id WHERE ${where.join(' AND ')}`
      : `SELECT ${cols('o')}, ${OBSERVATION_KEYS} FROM observation o WHERE ${where.join(' AND ')}`;
  }
}

/** The conditions of a code-count filter on observation `o` (access and liveness are the caller's). */
export function observationConditions(f: CodeCountFilter | undefined, p: Params): string[] {
  const add = (v: unknown, cast: string) => p.add(v, cast);
  const where: string[] = [];
  if (f?.pilotId?.length) where.push(`o.pilot_id = ANY(${add(f.pilotId, '::uuid[]')})`);
  if (f?.organisationId) where.push(`o.organisation_id IN (${subtreeIdsSql(add(f.organisationId, '::uuid'))})`);
  if (f?.authorId) where.push(`o.author_id = ${add(f.authorId, '::uuid')}`);
  if (f?.kind?.length) where.push(`o.kind::text = ANY(${add(f.kind, '::text[]')})`);
  if (f?.from) where.push(`o.occurred_on >= ${add(f.from, '::date')}`);
  if (f?.to) where.push(`o.occurred_on <= ${add(f.to, '::date')}`);
  if (f?.tag) where.push(`o.tags @> ARRAY[${add(f.tag, '::varchar')}]`);
  if (f?.level?.length) where.push(`o.level::text = ANY(${add(f.level, '::text[]')})`);
  if (f?.respondentRole?.length) where.push(`o.respondent_role::text = ANY(${add(f.respondentRole, '::text[]')})`);
  return where;
}
