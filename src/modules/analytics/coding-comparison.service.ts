import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { analyticsQuery } from '../../database/read-replica';
import type { AuthUser } from '../../common/auth/auth-user';
import { badInput } from '../../common/errors/domain-error';
import { Params } from '../../common/sql/params';
import { readableObservations } from '../access/access.rules';
import { inRaw } from '../access/sql-fragment';
import { AccessLogService } from './access-log.service';
import { agreement } from './agreement';
import { CODES, codeArray, observationConditions } from './codes.service';
import { CodeAgreement, CodingComparison, CodingComparisonInput } from './dto/coding-comparison.input';
import { CodeDimension } from './dto/codes.input';

interface CellRow {
  observation_id: string;
  dimension: CodeDimension;
  code: string;
  total: number;
  a: number;
  b: number;
  both: number;
}

const withAgreement = (observationId: string | null, r: Omit<CellRow, 'observation_id'>): CodeAgreement => {
  const { percent, kappa } = agreement({ both: r.both, onlyA: r.a - r.both, onlyB: r.b - r.both, total: r.total });
  return {
    observationId,
    dimension: r.dimension,
    code: r.code,
    codePoints: r.total,
    codedByA: r.a,
    codedByB: r.b,
    codedByBoth: r.both,
    agreement: percent,
    kappa,
  };
};

/** The length in code points of an int4multirange. */
const covered = (m: string) => `(SELECT coalesce(sum(upper(x) - lower(x)), 0) FROM unnest(${m}) x)::int`;

/**
 * Compares two researchers' coded segments on the observations both coded, code point by code
 * point, per code (docs/analysis.md, "Coding comparison"). Only observations the caller may read
 * take part: who coded what is not an aggregate an org reporter may see.
 */
@Injectable()
export class CodingComparisonService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly accessLog: AccessLogService,
  ) {}

  async compare(actor: AuthUser, input: CodingComparisonInput): Promise<CodingComparison> {
    if (input.researcherA === input.researcherB) throw badInput('input.researcherB', 'must be another researcher than researcherA');
    await this.accessLog.record(actor, 'codingComparison', input);
    const p = new Params();
    const [a, b] = [p.add(input.researcherA, '::uuid'), p.add(input.researcherB, '::uuid')];
    const codedBy = (who: string) => `EXISTS (SELECT 1 FROM coded_segment x WHERE x.observation_id = o.id AND x.author_id = ${who} AND NOT x.stale)`;
    const where = ['o.deleted_at IS NULL', inRaw(readableObservations(actor, 'o'), p), ...observationConditions(input.filter, p), codedBy(a), codedBy(b)];
    const dims = input.dimensions ?? (Object.keys(CODES) as CodeDimension[]);
    const codes = dims.map((d) => `SELECT '${d}' AS dimension, x::text AS code FROM unnest(${codeArray(d, actor)}) x`).join(' UNION ALL ');
    const rows: (CellRow & { n_obs: number; n_all: number })[] = await analyticsQuery(
      this.ds,
      `WITH obs AS (SELECT o.id, char_length(o.text) AS n FROM observation o WHERE ${where.join(' AND ')}),
       cover AS (
         SELECT src.observation_id, c.dimension, c.code,
                coalesce(range_agg(int4range(src.start_offset, src.end_offset)) FILTER (WHERE src.author_id = ${a}), '{}') AS a,
                coalesce(range_agg(int4range(src.start_offset, src.end_offset)) FILTER (WHERE src.author_id = ${b}), '{}') AS b
           FROM coded_segment src JOIN obs ON obs.id = src.observation_id CROSS JOIN LATERAL (${codes}) c
          WHERE src.author_id IN (${a}, ${b}) AND NOT src.stale
          GROUP BY 1, 2, 3)
       SELECT (SELECT count(*) FROM obs)::int AS n_obs, (SELECT coalesce(sum(n), 0) FROM obs)::int AS n_all,
              c.observation_id, c.dimension, c.code, obs.n AS total, ${covered('c.a')} AS a, ${covered('c.b')} AS b, ${covered('c.a * c.b')} AS both
         FROM (SELECT 1) one LEFT JOIN (cover c JOIN obs ON obs.id = c.observation_id) ON true -- one row even when nothing was compared
        ORDER BY c.dimension, c.code, c.observation_id`,
      p.values,
    );
    const cells = rows.filter((r) => r.observation_id);
    return {
      observations: rows[0].n_obs,
      byCode: pooled(cells, rows[0].n_all),
      byObservation: cells.map((r) => withAgreement(r.observation_id, r)).sort((x, y) => x.kappa - y.kappa),
    };
  }
}

/** Per code over every compared observation: the observations where neither used it count as agreement on all their text. */
function pooled(cells: CellRow[], allCodePoints: number): CodeAgreement[] {
  const byCode = new Map<string, Omit<CellRow, 'observation_id'>>();
  for (const r of cells) {
    const key = `${r.dimension}\u0000${r.code}`;
    const sum = byCode.get(key) ?? { dimension: r.dimension, code: r.code, total: allCodePoints, a: 0, b: 0, both: 0 };
    byCode.set(key, { ...sum, a: sum.a + r.a, b: sum.b + r.b, both: sum.both + r.both });
  }
  return [...byCode.values()].map((r) => withAgreement(null, r));
}
