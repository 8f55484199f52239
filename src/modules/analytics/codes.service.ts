import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Params } from '../../common/sql/params';
import { countableObservations } from '../access/access.rules';
import { inRaw } from '../access/sql-fragment';
import { subtreeIdsSql } from '../organisation/organisation.sql';
import { AccessLogService } from './access-log.service';
import {
  CodeCooccurrenceCell,
  CodeCooccurrenceInput,
  CodeCountFilter,
  CodedUnit,
  CodeDimension,
  CodeFrequenciesInput,
  CodeFrequencyRow,
} from './dto/codes.input';

/**
 * Each dimension as an array of its own enum (scalar codes become 0 or 1 elements). Rows are
 * grouped by these enum values and only the groups' codes are turned into text: casting every
 * code of every row to text costs more than the counting (docs/benchmarks.md).
 */
const CODES: Record<CodeDimension, string> = {
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
};
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
];
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
    // The bucket is computed once per row. Rows are first counted per distinct code set (a few
    // hundred), and only those sets are unnested and named: no function call per row.
    const sql = `WITH RECURSIVE src AS (SELECT s.*, ${bucket} AS bucket FROM (${source}) s)
      SELECT to_char(x.bucket, 'YYYY-MM-DD') AS bucket_start, x.dimension, x.code, x.count FROM (
        ${dims
          .map(
            (d) => `SELECT g.bucket, '${d}' AS dimension, c.code::text AS code, sum(g.n)::int AS count
             FROM (SELECT src.bucket, ${CODES[d]} AS codes, count(*) AS n FROM src GROUP BY 1, 2) g
             CROSS JOIN LATERAL unnest(g.codes) AS c(code) GROUP BY g.bucket, c.code`,
          )
          .join('\n        UNION ALL ')}
      ) x ORDER BY x.bucket, x.dimension, x.count DESC, x.code`;
    const rows: { bucket_start: string | null; dimension: CodeDimension; code: string; count: number }[] = await this.ds.query(sql, p.values);
    return rows.map((r) => ({ bucketStart: r.bucket_start, dimension: r.dimension, code: r.code, count: r.count }));
  }

  async cooccurrence(actor: AuthUser, input: CodeCooccurrenceInput): Promise<CodeCooccurrenceCell[]> {
    await this.accessLog.record(actor, 'codeCooccurrence', input);
    const p = new Params();
    const source = this.source(actor, input.unit, input.filter, p);
    const sql = `WITH RECURSIVE src AS (${source})
      SELECT r.code::text AS row_code, c.code::text AS column_code, sum(g.n)::int AS count
        FROM (SELECT ${CODES[input.rows]} AS row_codes, ${CODES[input.columns]} AS column_codes, count(*) AS n FROM src GROUP BY 1, 2) g
        CROSS JOIN LATERAL unnest(g.row_codes) AS r(code) CROSS JOIN LATERAL unnest(g.column_codes) AS c(code)
       GROUP BY r.code, c.code ORDER BY r.code::text, c.code::text`;
    const rows: { row_code: string; column_code: string; count: number }[] = await this.ds.query(sql, p.values);
    return rows.map((r) => ({ rowCode: r.row_code, columnCode: r.column_code, count: r.count }));
  }

  /** The coded rows: live observations, or the segments of live observations, with their observation's date. */
  private source(actor: AuthUser, unit: CodedUnit, f: CodeCountFilter | undefined, p: Params): string {
    const add = (v: unknown, cast: string) => p.add(v, cast);
    const where = ['o.deleted_at IS NULL', inRaw(countableObservations(actor, 'o'), p)];
    if (f?.pilotId?.length) where.push(`o.pilot_id = ANY(${add(f.pilotId, '::uuid[]')})`);
    if (f?.organisationId) where.push(`o.organisation_id IN (${subtreeIdsSql(add(f.organisationId, '::uuid'))})`);
    if (f?.authorId) where.push(`o.author_id = ${add(f.authorId, '::uuid')}`);
    if (f?.kind?.length) where.push(`o.kind::text = ANY(${add(f.kind, '::text[]')})`);
    if (f?.from) where.push(`o.occurred_on >= ${add(f.from, '::date')}`);
    if (f?.to) where.push(`o.occurred_on <= ${add(f.to, '::date')}`);
    if (f?.tag) where.push(`o.tags @> ARRAY[${add(f.tag, '::varchar')}]`);
    const cols = (a: string) => CODE_COLUMNS.map((c) => `${a}.${c}`).join(', ');
    return unit === CodedUnit.SEGMENTS
      ? `SELECT ${cols('s')}, o.occurred_on FROM coded_segment s JOIN observation o ON o.id = s.observation_id WHERE ${where.join(' AND ')}`
      : `SELECT ${cols('o')}, o.occurred_on FROM observation o WHERE ${where.join(' AND ')}`;
  }
}
