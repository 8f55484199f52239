import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Params } from '../../common/sql/params';
import { surveyResultPilots, surveyResultUnits } from '../access/access.rules';
import { inRaw } from '../access/sql-fragment';
import { badInput, notFound } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { SurveyItemEntity } from '../survey/survey-instrument.entity';
import { SCORED_DIMENSIONS } from '../survey/survey.enums';
import { AccessLogService } from './access-log.service';
import {
  DiscretionBaseInput,
  DiscretionGroupBy,
  DiscretionResultRow,
  DiscretionResultsInput,
  MeasureKind,
  WaveChangeInput,
  WaveChangeRow,
} from './dto/discretion-results.input';
import { applySuppression, confidenceInterval, welchInterval } from './statistics';

/** Group keys: the column of the scored rows, and the property of the result row. */
const KEYS: Record<DiscretionGroupBy, { column: string; prop: 'waveId' | 'unitId' | 'category' | 'tenureBand' | 'pilotId' }> = {
  WAVE: { column: 'wave_id', prop: 'waveId' },
  UNIT: { column: 'unit_key', prop: 'unitId' },
  RESPONDENT_CATEGORY: { column: 'category', prop: 'category' },
  TENURE_BAND: { column: 'tenure_band', prop: 'tenureBand' },
  PILOT: { column: 'pilot_id', prop: 'pilotId' },
};

interface SqlRow {
  kind: MeasureKind;
  measure: string;
  wave_id: string | null;
  unit_key: string | null;
  category: string | null;
  tenure_band: string | null;
  pilot_id: string | null;
  n: number;
  mean: number | null;
  sd: number | null;
}

/**
 * Staff-reported discretion by group, computed in one SQL statement (scoring rule in
 * docs/analysis.md), then suppressed for privacy. No response ever leaves the database.
 */
@Injectable()
export class DiscretionService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accessLog: AccessLogService,
  ) {}

  async results(actor: AuthUser, input: DiscretionResultsInput): Promise<DiscretionResultRow[]> {
    await this.accessLog.record(actor, 'discretionResults', input);
    const { p, unitScope } = await this.prepare(actor, input, input.waveIds ?? null);
    const groupBy = input.groupBy;
    const keyCols = groupBy.map((g) => KEYS[g].column);
    const select = (['wave_id', 'unit_key', 'category', 'tenure_band', 'pilot_id'] as const)
      .map((c) => (keyCols.includes(c) ? `s.${c}` : `NULL AS ${c}`))
      .join(', ');
    const groupCols = keyCols.map((c) => `s.${c}`);
    // Readable order: waves by opening date, units by name, the rest by value.
    const orderCols = keyCols.map((c) =>
      c === 'wave_id'
        ? '(SELECT ow.opens_on FROM survey_wave ow WHERE ow.id = s.wave_id), s.wave_id'
        : c === 'unit_key'
          ? '(SELECT oo.name FROM organisation oo WHERE oo.id = s.unit_key), s.unit_key'
          : `s.${c}`,
    );

    const sql = `${this.scoringSql(unitScope)}
      SELECT s.kind, s.measure, ${select},
             count(s.score)::int AS n, avg(s.score)::float8 AS mean, stddev_samp(s.score)::float8 AS sd
        FROM s
       GROUP BY s.kind, s.measure${groupCols.length ? ', ' + groupCols.join(', ') : ''}
       ORDER BY s.kind, s.measure${orderCols.length ? ', ' + orderCols.join(', ') : ''}`;
    const rows: SqlRow[] = await this.ds.query(sql, p.values);

    const results = rows.map((r) => ({
      measure: r.measure,
      measureKind: r.kind,
      waveId: r.wave_id,
      unitId: r.unit_key,
      category: r.category,
      tenureBand: r.tenure_band,
      pilotId: r.pilot_id,
      keys: Object.fromEntries(groupBy.map((g) => [g, (r as unknown as Record<string, string | null>)[KEYS[g].column]])),
      n: r.n,
      mean: r.mean,
      sd: r.sd,
      suppressed: false,
    }));
    applySuppression(results, groupBy, this.config.privacy.minGroupSize);
    return results.map(({ keys: _keys, ...r }) => {
      if (r.suppressed) return { ...r, n: null, mean: null, sd: null, ciLow: null, ciHigh: null } as DiscretionResultRow;
      const ci = r.mean === null ? null : confidenceInterval(r.n, r.mean, r.sd);
      return { ...r, ciLow: ci?.[0] ?? null, ciHigh: ci?.[1] ?? null } as DiscretionResultRow;
    });
  }

  /**
   * Change between two waves per group: the difference of the waves' means (Welch interval)
   * and, for respondents linked by panel key in both waves, their paired change. Pairs are
   * grouped by their later response. Groups and pairs are suppressed separately, by the same rule.
   */
  async waveChange(actor: AuthUser, input: WaveChangeInput): Promise<WaveChangeRow[]> {
    await this.accessLog.record(actor, 'waveChange', input);
    if (input.groupBy.includes(DiscretionGroupBy.WAVE)) throw badInput('input.groupBy', 'cannot include WAVE: the two waves are fromWaveId and toWaveId');
    if (input.fromWaveId === input.toWaveId) throw badInput('input.toWaveId', 'must differ from fromWaveId');
    const { p, unitScope } = await this.prepare(actor, input, [input.fromWaveId, input.toWaveId]);
    const [fromWave, toWave] = [p.add(input.fromWaveId, '::uuid'), p.add(input.toWaveId, '::uuid')];
    const groupBy = input.groupBy;
    const keyCols = groupBy.map((g) => KEYS[g].column);
    const pick = (alias: string) =>
      (['unit_key', 'category', 'tenure_band', 'pilot_id'] as const)
        .map((c) => (keyCols.includes(c) ? `${alias}.${c}` : `NULL::${c === 'unit_key' || c === 'pilot_id' ? 'uuid' : 'text'} AS ${c}`))
        .join(', ');
    const by = (alias: string) => keyCols.map((c) => `${alias}.${c}`).join(', ');
    const sql = `${this.scoringSql(unitScope)},
      g AS (
        SELECT s.kind, s.measure, s.wave_id, ${pick('s')},
               count(s.score)::int AS n, avg(s.score)::float8 AS mean, stddev_samp(s.score)::float8 AS sd
          FROM s GROUP BY s.kind, s.measure, s.wave_id${keyCols.length ? ', ' + by('s') : ''}
      ),
      -- One row per panel member and measure with the score in each wave (a member who answered
      -- twice in a wave counts once, with the mean), keyed by the later response: an aggregate,
      -- not a self-join, so its cost stays linear whatever the planner estimates.
      pp AS (
        SELECT s.kind, s.measure, s.pilot_id, s.panel_hash,
               avg(s.score) FILTER (WHERE s.wave_id = ${fromWave}) AS a,
               avg(s.score) FILTER (WHERE s.wave_id = ${toWave}) AS b,
               (array_agg(s.unit_key) FILTER (WHERE s.wave_id = ${toWave}))[1] AS unit_key,
               (array_agg(s.category) FILTER (WHERE s.wave_id = ${toWave}))[1] AS category,
               (array_agg(s.tenure_band) FILTER (WHERE s.wave_id = ${toWave}))[1] AS tenure_band
          FROM s WHERE s.panel_hash IS NOT NULL AND s.score IS NOT NULL
         GROUP BY s.kind, s.measure, s.pilot_id, s.panel_hash
      ),
      p AS (
        SELECT pp.kind, pp.measure, ${pick('pp')},
               count(*)::int AS pairs, avg(pp.b - pp.a)::float8 AS dmean, stddev_samp(pp.b - pp.a)::float8 AS dsd
          FROM pp WHERE pp.a IS NOT NULL AND pp.b IS NOT NULL
         GROUP BY pp.kind, pp.measure${keyCols.length ? ', ' + by('pp') : ''}
      )
      SELECT u.* FROM (
        SELECT 'g' AS src, g.kind, g.measure, g.wave_id, g.unit_key, g.category, g.tenure_band, g.pilot_id, g.n, g.mean, g.sd,
               NULL::int AS pairs, NULL::float8 AS dmean, NULL::float8 AS dsd FROM g
        UNION ALL
        SELECT 'p', p.kind, p.measure, NULL, p.unit_key, p.category, p.tenure_band, p.pilot_id, NULL, NULL, NULL, p.pairs, p.dmean, p.dsd FROM p
      ) u
      ORDER BY u.kind, u.measure, (SELECT o.name FROM organisation o WHERE o.id = u.unit_key), u.unit_key,
               u.category, u.tenure_band, (SELECT pp.code FROM pilot pp WHERE pp.id = u.pilot_id)`;
    const rows: (SqlRow & { src: 'g' | 'p'; pairs: number | null; dmean: number | null; dsd: number | null })[] = await this.ds.query(sql, p.values);

    type Acc = WaveChangeRow & { keys: Record<string, string | null>; n: number; sdFrom: number | null; sdTo: number | null; dsd: number | null };
    const byGroup = new Map<string, Acc>();
    for (const r of rows) {
      const keys = Object.fromEntries(groupBy.map((g) => [g, (r as unknown as Record<string, string | null>)[KEYS[g].column]]));
      const id = JSON.stringify([r.kind, r.measure, keys]);
      const acc: Acc = byGroup.get(id) ?? {
        measure: r.measure, measureKind: r.kind, unitId: r.unit_key, pilotId: r.pilot_id,
        category: r.category as WaveChangeRow['category'], tenureBand: r.tenure_band as WaveChangeRow['tenureBand'],
        keys, n: 0, nFrom: 0, meanFrom: null, sdFrom: null, nTo: 0, meanTo: null, sdTo: null, change: null, changeCiLow: null, changeCiHigh: null,
        suppressed: false, pairs: 0, pairedChange: null, pairedCiLow: null, pairedCiHigh: null, dsd: null, pairsSuppressed: false,
      };
      if (r.src === 'g' && r.wave_id === input.fromWaveId) Object.assign(acc, { nFrom: r.n, meanFrom: r.mean, sdFrom: r.sd });
      if (r.src === 'g' && r.wave_id === input.toWaveId) Object.assign(acc, { nTo: r.n, meanTo: r.mean, sdTo: r.sd });
      if (r.src === 'p') Object.assign(acc, { pairs: r.pairs, pairedChange: r.dmean, dsd: r.dsd });
      byGroup.set(id, acc);
    }
    const groups = [...byGroup.values()].map((a) => ({ ...a, n: Math.min(a.nFrom ?? 0, a.nTo ?? 0) }));
    applySuppression(groups, groupBy, this.config.privacy.minGroupSize);
    const pairRows = groups.map((g) => ({ measure: g.measure, keys: g.keys, n: g.pairs ?? 0, suppressed: false }));
    applySuppression(pairRows, groupBy, this.config.privacy.minGroupSize);

    return groups.map((g, i) => {
      const { keys: _k, n: _n, sdFrom, sdTo, dsd, ...row } = g;
      const out: WaveChangeRow = { ...row, pairsSuppressed: pairRows[i].suppressed };
      if (out.suppressed) Object.assign(out, { nFrom: null, meanFrom: null, nTo: null, meanTo: null });
      else if (out.meanFrom !== null && out.meanTo !== null) {
        out.change = out.meanTo - out.meanFrom;
        const ci = welchInterval(out.nFrom!, sdFrom, out.nTo!, sdTo, out.change);
        [out.changeCiLow, out.changeCiHigh] = ci ?? [null, null];
      }
      if (out.pairsSuppressed) Object.assign(out, { pairs: null, pairedChange: null });
      else if (out.pairedChange !== null) {
        const ci = confidenceInterval(out.pairs!, out.pairedChange, dsd);
        [out.pairedCiLow, out.pairedCiHigh] = ci ?? [null, null];
      }
      return out;
    });
  }

  /**
   * The CTEs shared by every discretion query, ending in `s`: one row per response and measure
   * (id, wave_id, unit_key, category, tenure_band, pilot_id, panel_hash, kind, measure, score).
   * Dimension scores were computed when each response was stored (`survey_response.scores`,
   * survey/scoring.ts), so this only unnests them; single items are read from the answers.
   * Parameters: $1 pilot ids, $2 instrument, $3 wave ids (or null), $4 dimensions, $5 item
   * codes, $6 unit depth (or null), $7 the order of the stored scores (SCORED_DIMENSIONS);
   * `unitScope`: the responses the caller's results are made of (access: surveyResultUnits).
   */
  private scoringSql(unitScope: string): string {
    // The unit's ancestor at depth $6 (0 = top); least() skips NULL, so no depth means the unit itself.
    const unitKey = 'up.path[least($6::int + 1, array_length(up.path, 1))]';
    return `
      WITH RECURSIVE r AS (
        SELECT sr.id, sr.wave_id, sr.unit_id, sr.category::text AS category, sr.tenure_band::text AS tenure_band,
               w.pilot_id, sr.panel_hash, sr.answers, sr.scores
          FROM survey_response sr JOIN survey_wave w ON w.id = sr.wave_id
         WHERE w.pilot_id = ANY($1::uuid[]) AND w.instrument_id = $2
           AND ($3::uuid[] IS NULL OR sr.wave_id = ANY($3::uuid[]))
           AND ${unitScope}
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
        SELECT ru.id, ru.wave_id, ru.unit_key, ru.category, ru.tenure_band, ru.pilot_id, ru.panel_hash, 'DIMENSION' AS kind,
               d.dimension AS measure, d.score
          FROM ru CROSS JOIN LATERAL unnest(ru.scores, $7::text[]) AS d(score, dimension)
         WHERE d.dimension = ANY($4::text[])
        UNION ALL
        SELECT ru.id, ru.wave_id, ru.unit_key, ru.category, ru.tenure_band, ru.pilot_id, ru.panel_hash, 'ITEM', i.code,
               ru.answers[i.position]::float8
          FROM ru JOIN survey_item i ON i.instrument_id = $2 AND i.code = ANY($5::text[])
      )`;
  }

  /** Checks scope and the measures asked for; the parameters for scoringSql ($1–$7) and the caller's units. */
  private async prepare(actor: AuthUser, input: DiscretionBaseInput, waveIds: string[] | null): Promise<{ p: Params; unitScope: string }> {
    await this.checkPilots(actor, input.pilotIds);
    const items = await this.ds.getRepository(SurveyItemEntity).find({ where: { instrumentId: input.instrumentId } });
    if (!items.length) throw notFound('Survey instrument', input.instrumentId);
    const codes = new Map(items.map((i) => [i.code.toUpperCase(), i.code]));
    const itemCodes = (input.itemCodes ?? []).map((c, i) => {
      const code = codes.get(c.toUpperCase());
      if (!code) throw badInput(`input.itemCodes.${i}`, `the instrument has no item ${c}`);
      return code;
    });
    // Only the instrument's own dimensions: another has no items, so no scores.
    const own = [...new Set(items.map((i) => i.dimension))];
    const dimensions = input.dimensions ? input.dimensions.filter((d) => own.includes(d)) : itemCodes.length ? [] : own;
    const p = new Params();
    for (const v of [input.pilotIds, input.instrumentId, waveIds?.length ? waveIds : null, dimensions, itemCodes, input.unitDepth ?? null, SCORED_DIMENSIONS]) p.add(v);
    return { p, unitScope: inRaw(surveyResultUnits(actor, 'sr.unit_id'), p) };
  }

  /**
   * Admins and analysts: any pilot. Researchers: pilots they follow (or followed). Org reporters:
   * pilots their organisation takes part in (and only their own units' responses, see `scope`).
   * Pilots outside that answer NOT_FOUND, like missing ones.
   */
  private async checkPilots(actor: AuthUser, pilotIds: string[]): Promise<void> {
    const p = new Params();
    const sql = `SELECT p.id FROM pilot p WHERE p.id = ANY(${p.add(pilotIds, '::uuid[]')}) AND ${inRaw(surveyResultPilots(actor, 'p.id'), p)}`;
    const found = new Set((await this.ds.query(sql, p.values)).map((r: { id: string }) => r.id));
    const missing = pilotIds.find((id) => !found.has(id));
    if (missing) throw notFound('Pilot', missing);
  }
}
