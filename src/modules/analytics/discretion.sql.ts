import { Params } from '../../common/sql/params';
import { inRaw, SqlFragment } from '../access/sql-fragment';
import { SCORED_DIMENSIONS } from '../survey/survey.enums';
import { MeasureKind } from './dto/discretion-results.input';

/**
 * The SQL behind discretionResults and waveChange. It returns, per lattice cell (one wave × the
 * unit key, category and tenure band asked for), a measure's exact totals — respondents with a
 * score, Σx, Σx², and Σ record_key. Nothing else: every published number is made from these by
 * disclosure.ts.
 */
export interface ScoringScope {
  pilotIds: string[];
  instrumentId: string;
  /** The waves to read (null: every wave of the pilots with the instrument). */
  waveIds: string[] | null;
  dimensions: string[];
  itemCodes: string[];
  unitDepth: number | null;
  /** The responses in view (an access rule on `sr.unit_id`). */
  unitScope: SqlFragment;
  /** An org reporter's organisation: no unit key above it (access: surveyResultRoot). */
  root: string | null;
}

export type GroupColumn = 'unit_key' | 'category' | 'tenure_band';

/** One row of resultsSql / waveChangeSql: a cell's keys and exact totals. */
export interface TotalsRow {
  src: 'cell' | 'pairs';
  kind: MeasureKind;
  measure: string;
  wave_id: string | null;
  pilot_id: string;
  unit_key: string | null;
  category: string | null;
  tenure_band: string | null;
  n: number;
  sum: number;
  sumsq: number;
  /** Σ record_key as a decimal string (a bigint). */
  keysum: string;
}
const ALL_GROUP_COLUMNS: GroupColumn[] = ['unit_key', 'category', 'tenure_band'];
const NULL_OF: Record<GroupColumn, string> = { unit_key: 'NULL::uuid', category: 'NULL::text', tenure_band: 'NULL::text' };

/** Totals of `score` (and the record keys of the scored rows) from rows aliased `alias`. */
const TOTALS = (alias: string, score = `${alias}.score`, key = `${alias}.record_key`) =>
  `count(${score})::int AS n, coalesce(sum(${score}), 0)::float8 AS sum, coalesce(sum((${score}) * (${score})), 0)::float8 AS sumsq,
   coalesce(sum(${key}) FILTER (WHERE ${score} IS NOT NULL), 0)::text AS keysum`;

/** The chosen group columns of `alias`, and NULL for the others, in one fixed order. */
const keys = (alias: string, groups: GroupColumn[]) =>
  ALL_GROUP_COLUMNS.map((c) => (groups.includes(c) ? `${alias}.${c}` : `${NULL_OF[c]} AS ${c}`)).join(', ');
const by = (alias: string, groups: GroupColumn[]) => groups.map((c) => `, ${alias}.${c}`).join('');

/**
 * The CTEs every discretion query shares, ending in `s`: one row per response and measure
 * (wave_id, unit_key, category, tenure_band, pilot_id, panel_hash, record_key, kind, measure,
 * score). Dimension scores were computed when each response was stored (survey/scoring.ts);
 * single items are read from the answers.
 */
function scoringCtes(scope: ScoringScope, p: Params): string {
  const depth = p.add(scope.unitDepth, '::int');
  const root = p.add(scope.root, '::uuid');
  const instrument = p.add(scope.instrumentId, '::uuid');
  // The unit's ancestor at the depth asked for (0 = top; none: the unit itself), never above the
  // caller's root: least() skips NULL, array_position() of no root is NULL.
  const unitKey = `up.path[greatest(least(${depth} + 1, array_length(up.path, 1)), coalesce(array_position(up.path, ${root}), 1))]`;
  return `WITH RECURSIVE r AS (
        SELECT sr.wave_id, sr.unit_id, sr.category::text AS category, sr.tenure_band::text AS tenure_band,
               w.pilot_id, sr.panel_hash, sr.record_key, sr.answers, sr.scores
          FROM survey_response sr JOIN survey_wave w ON w.id = sr.wave_id
          JOIN survey_batch sb ON sb.id = sr.batch_id AND sb.withdrawn_at IS NULL -- withdrawn batches count nowhere
         WHERE w.pilot_id = ANY(${p.add(scope.pilotIds, '::uuid[]')}) AND w.instrument_id = ${instrument}
           AND (${p.add(scope.waveIds, '::uuid[]')} IS NULL OR sr.wave_id = ANY(${p.add(scope.waveIds, '::uuid[]')}))
           AND ${inRaw(scope.unitScope, p)}
      ),
      up(unit_id, id, parent_id, path) AS (
        SELECT o.id, o.id, o.parent_id, ARRAY[o.id] FROM organisation o WHERE o.id IN (SELECT DISTINCT unit_id FROM r)
        UNION ALL
        SELECT up.unit_id, o.id, o.parent_id, o.id || up.path FROM organisation o JOIN up ON o.id = up.parent_id
      ),
      ru AS (
        SELECT r.*, ${unitKey} AS unit_key FROM r JOIN up ON up.unit_id = r.unit_id AND up.parent_id IS NULL
      ),
      s AS (
        SELECT ru.wave_id, ru.unit_key, ru.category, ru.tenure_band, ru.pilot_id, ru.panel_hash, ru.record_key,
               'DIMENSION' AS kind, d.dimension AS measure, d.score
          FROM ru CROSS JOIN LATERAL unnest(ru.scores, ${p.add(SCORED_DIMENSIONS, '::text[]')}) AS d(score, dimension)
         WHERE d.dimension = ANY(${p.add(scope.dimensions, '::text[]')})
        UNION ALL
        SELECT ru.wave_id, ru.unit_key, ru.category, ru.tenure_band, ru.pilot_id, ru.panel_hash, ru.record_key,
               'ITEM', i.code, ru.answers[i.position]::float8
          FROM ru JOIN survey_item i ON i.instrument_id = ${instrument} AND i.code = ANY(${p.add(scope.itemCodes, '::text[]')})
      )`;
}

/** Readable order: waves by opening date, units by name, the rest by value. */
const ORDER = (alias: string) => `${alias}.kind, ${alias}.measure,
  (SELECT ow.opens_on FROM survey_wave ow WHERE ow.id = ${alias}.wave_id), ${alias}.wave_id,
  (SELECT oo.name FROM organisation oo WHERE oo.id = ${alias}.unit_key), ${alias}.unit_key, ${alias}.category, ${alias}.tenure_band`;

/** One row per measure, wave and group: the cells. (A wave's pooled cell is their sum: every total is additive.) */
export function resultsSql(scope: ScoringScope, groups: GroupColumn[], p: Params): string {
  return `${scoringCtes(scope, p)}
    SELECT u.* FROM (${cellsSql('s', groups)}) u ORDER BY ${ORDER('u')}`;
}

const cellsSql = (alias: string, groups: GroupColumn[]) =>
  `SELECT 'cell' AS src, ${alias}.kind, ${alias}.measure, ${alias}.wave_id, ${alias}.pilot_id, ${keys(alias, groups)}, ${TOTALS(alias)}
     FROM ${alias} GROUP BY ${alias}.kind, ${alias}.measure, ${alias}.wave_id, ${alias}.pilot_id${by(alias, groups)}`;

/**
 * waveChange: the cells of both waves (as resultsSql), and for panel members who answered both,
 * `src = 'pairs'` per group (of their later response): totals of their own change b − a, with
 * the record keys of both their responses. A member who answered twice in a wave counts once,
 * with the mean. An aggregate, not a self-join, so its cost stays linear whatever the planner
 * estimates.
 */
export function waveChangeSql(scope: ScoringScope, groups: GroupColumn[], fromWave: string, toWave: string, p: Params): string {
  const ctes = scoringCtes(scope, p);
  const [a, b] = [p.add(fromWave, '::uuid'), p.add(toWave, '::uuid')];
  const later = (c: GroupColumn) => `(array_agg(s.${c}) FILTER (WHERE s.wave_id = ${b}))[1] AS ${c}`;
  return `${ctes},
    pp AS (
      SELECT s.kind, s.measure, s.pilot_id, s.panel_hash,
             avg(s.score) FILTER (WHERE s.wave_id = ${a}) AS a, avg(s.score) FILTER (WHERE s.wave_id = ${b}) AS b,
             sum(s.record_key) AS record_key, ${ALL_GROUP_COLUMNS.map(later).join(', ')}
        FROM s WHERE s.panel_hash IS NOT NULL AND s.score IS NOT NULL
       GROUP BY s.kind, s.measure, s.pilot_id, s.panel_hash
    ),
    pairs AS (SELECT pp.*, pp.b - pp.a AS d FROM pp WHERE pp.a IS NOT NULL AND pp.b IS NOT NULL)
    SELECT u.* FROM (
      ${cellsSql('s', groups)}
      UNION ALL
      SELECT 'pairs', x.kind, x.measure, NULL::uuid, x.pilot_id, ${keys('x', groups)}, ${TOTALS('x', 'x.d')}
        FROM pairs x GROUP BY x.kind, x.measure, x.pilot_id${by('x', groups)}
    ) u ORDER BY ${ORDER('u')}, u.src`;
}
