import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { analyticsQuery } from '../../database/read-replica';
import type { AuthUser } from '../../common/auth/auth-user';
import { badInput, notFound } from '../../common/errors/domain-error';
import { Params } from '../../common/sql/params';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { surveyResultPilots, surveyResultRoot, surveyResultUnits } from '../access/access.rules';
import { inRaw } from '../access/sql-fragment';
import { SurveyItemEntity } from '../survey/survey-instrument.entity';
import { ScaleKind } from '../survey/survey.enums';
import { AccessLogService } from './access-log.service';
import { SurveyLinkService } from '../survey-link/survey-link.service';
import { CellTotals, noiseVariance, PerturbedCell, perturbCell, perturbedSpread, publishedInterval, Scale } from './disclosure';
import { GroupColumn, resultsSql, ScoringScope, TotalsRow, waveChangeSql } from './discretion.sql';
import {
  DiscretionBaseInput,
  DiscretionGroupBy,
  DiscretionResultRow,
  DiscretionResultsInput,
  MeasureKind,
  RateKey,
  WaveChangeInput,
  WaveChangeRow,
} from './dto/discretion-results.input';
import { welchInterval } from './statistics';

/** The lattice's optional group keys; waves (and so pilots) are always part of a cell. */
const GROUP_COLUMNS: Partial<Record<DiscretionGroupBy, GroupColumn>> = {
  UNIT: 'unit_key',
  RESPONDENT_CATEGORY: 'category',
  TENURE_BAND: 'tenure_band',
};
const groupColumns = (groupBy: DiscretionGroupBy[]) => groupBy.map((g) => GROUP_COLUMNS[g]).filter((c): c is GroupColumn => !!c);

const DIMENSION_SCALE: Scale = { min: 0, max: 100 };

const totals = (r: TotalsRow): CellTotals => ({ n: r.n, sum: r.sum, sumOfSquares: r.sumsq, keySum: r.keysum });
const measureKey = (r: { kind: MeasureKind; measure: string }) => `${r.kind}:${r.measure}`;
const groupKey = (r: TotalsRow) => JSON.stringify([r.kind, r.measure, r.unit_key, r.category, r.tenure_band]);

/** What prepare() found: the SQL scope, and each measure's scale. */
interface Prepared {
  scope: ScoringScope;
  scales: Map<string, Scale>;
}

/**
 * Staff-reported discretion by group: exact totals per cell from one SQL statement
 * (discretion.sql.ts; scoring rule in docs/analysis.md), published only through disclosure.ts
 * (threshold and cell-key perturbation). No response, and no exact group statistic, ever leaves
 * this service.
 */
@Injectable()
export class DiscretionService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accessLog: AccessLogService,
    private readonly links: SurveyLinkService,
  ) {}

  async results(actor: AuthUser, input: DiscretionResultsInput): Promise<DiscretionResultRow[]> {
    await this.accessLog.record(actor, 'discretionResults', input);
    const { scope, scales } = await this.prepare(actor, input, input.waveIds ?? null);
    const p = new Params();
    const rows: TotalsRow[] = await analyticsQuery(this.ds, resultsSql(scope, groupColumns(input.groupBy), p), p.values);
    const spreads = this.pooledSpreads(rows, 'cell', scales);
    const rateBy = this.rateBy(input);
    return rows.map((r) => {
      const cell = this.publish(r, scales, 'group');
      const spread = cell.suppressed ? null : (spreads.get(`${measureKey(r)}:${r.wave_id}`) ?? null);
      const ci = publishedInterval(cell, spread, scales.get(measureKey(r))!);
      return {
        measure: r.measure,
        measureKind: r.kind,
        waveId: r.wave_id,
        unitId: r.unit_key,
        pilotId: r.pilot_id,
        category: r.category,
        tenureBand: r.tenure_band,
        n: cell.n,
        mean: cell.mean,
        sd: spread,
        ciLow: ci?.[0] ?? null,
        ciHigh: ci?.[1] ?? null,
        suppressed: cell.suppressed,
        rateOf: cell.suppressed || !rateBy || !r.wave_id ? null : { waveId: r.wave_id, unitId: rateBy === 'unit' ? r.unit_key : null },
      } as DiscretionResultRow;
    });
  }

  /**
   * Which response rate a result row can carry (looked up only when asked for, by
   * DiscretionResolver.responseRate): of the wave, or of the unit with groupBy UNIT (links are per
   * unit). None for splits by category or tenure, nor units rolled up to a depth (no invited count
   * is theirs).
   */
  private rateBy(input: DiscretionResultsInput): 'wave' | 'unit' | null {
    const splits = input.groupBy.filter((g) => g !== DiscretionGroupBy.WAVE && g !== DiscretionGroupBy.PILOT);
    if (!splits.length) return 'wave';
    const byUnit = splits.length === 1 && splits[0] === DiscretionGroupBy.UNIT && (input.unitDepth === undefined || input.unitDepth === null);
    return byUnit ? 'unit' : null;
  }

  /** The response rates of result rows (their `rateOf`), null where none is shown: two statements at most, whatever the rows. */
  async responseRates(keys: readonly (RateKey | null)[]): Promise<(number | null)[]> {
    const waves = (byUnit: boolean) => [...new Set(keys.filter((k) => k && (k.unitId !== null) === byUnit).map((k) => k!.waveId))];
    const [ofWaves, ofUnits] = await Promise.all(
      [waves(false), waves(true)].map((ids, byUnit) => (!ids.length ? new Map() : byUnit ? this.links.invitationsByUnit(ids) : this.links.invitations(ids))),
    );
    return keys.map((k) => {
      const i = !k ? undefined : k.unitId === null ? ofWaves.get(k.waveId) : ofUnits.get(`${k.waveId}:${k.unitId}`);
      return i && this.links.rateShown(i.invited) ? i.responses / i.invited : null;
    });
  }

  /**
   * Change between two waves per group: the difference of the two waves' published means (Welch
   * interval), and, for respondents linked by panel key in both waves, their paired change — a
   * cell of its own (the pairs), published by the same rules. Pairs are grouped by their later
   * response.
   */
  async waveChange(actor: AuthUser, input: WaveChangeInput): Promise<WaveChangeRow[]> {
    await this.accessLog.record(actor, 'waveChange', input);
    if (input.groupBy.includes(DiscretionGroupBy.WAVE)) throw badInput('input.groupBy', 'cannot include WAVE: the two waves are fromWaveId and toWaveId');
    if (input.fromWaveId === input.toWaveId) throw badInput('input.toWaveId', 'must differ from fromWaveId');
    const { scope, scales } = await this.prepare(actor, input, [input.fromWaveId, input.toWaveId]);
    const p = new Params();
    const rows: TotalsRow[] = await analyticsQuery(this.ds, waveChangeSql(scope, groupColumns(input.groupBy), input.fromWaveId, input.toWaveId, p), p.values);
    const spreads = this.pooledSpreads(rows, 'cell', scales);
    const pairSpreads = this.pooledSpreads(rows, 'pairs', scales);

    const groups = new Map<string, { first: TotalsRow; from?: TotalsRow; to?: TotalsRow; pairs?: TotalsRow }>();
    for (const r of rows) {
      const g = groups.get(groupKey(r)) ?? { first: r };
      if (r.src === 'pairs') g.pairs = r;
      else if (r.wave_id === input.fromWaveId) g.from = r;
      else if (r.wave_id === input.toWaveId) g.to = r;
      groups.set(groupKey(r), g);
    }
    const none: PerturbedCell = { suppressed: true, n: null, mean: null };
    return [...groups.values()].map(({ first, from, to, pairs }) => {
      const a = from ? this.publish(from, scales, 'group') : none;
      const b = to ? this.publish(to, scales, 'group') : none;
      const suppressed = a.suppressed || b.suppressed;
      const row: WaveChangeRow = {
        measure: first.measure,
        measureKind: first.kind,
        unitId: first.unit_key,
        pilotId: (to ?? from ?? first).pilot_id,
        category: first.category as WaveChangeRow['category'],
        tenureBand: first.tenure_band as WaveChangeRow['tenureBand'],
        nFrom: suppressed ? null : a.n,
        meanFrom: suppressed ? null : a.mean,
        nTo: suppressed ? null : b.n,
        meanTo: suppressed ? null : b.mean,
        change: null,
        changeCiLow: null,
        changeCiHigh: null,
        suppressed,
        pairs: null,
        pairedChange: null,
        pairedCiLow: null,
        pairedCiHigh: null,
        pairsSuppressed: true,
      };
      if (!suppressed && a.mean !== null && b.mean !== null) {
        row.change = b.mean - a.mean;
        const spreadA = spreads.get(`${measureKey(first)}:${input.fromWaveId}`) ?? null;
        const spreadB = spreads.get(`${measureKey(first)}:${input.toWaveId}`) ?? null;
        const scale = scales.get(measureKey(first))!;
        const noise = noiseVariance(a.n!, scale) + noiseVariance(b.n!, scale);
        [row.changeCiLow, row.changeCiHigh] = welchInterval(a.n!, spreadA, b.n!, spreadB, row.change, noise) ?? [null, null];
      }
      const paired = pairs ? this.publish(pairs, scales, 'pairs') : none;
      if (!paired.suppressed) {
        const ci = publishedInterval(paired, pairSpreads.get(`${measureKey(first)}:null`) ?? null, this.pairsScale(scales, first));
        Object.assign(row, { pairs: paired.n, pairedChange: paired.mean, pairedCiLow: ci?.[0] ?? null, pairedCiHigh: ci?.[1] ?? null, pairsSuppressed: false });
      }
      return row;
    });
  }

  /** A pairs cell's range: changes go from −width to +width; the noise stays scaled to the width. */
  private pairsScale(scales: Map<string, Scale>, r: { kind: MeasureKind; measure: string }): Scale {
    const scale = scales.get(measureKey(r))!;
    const width = scale.max - scale.min;
    return { min: -width, max: width, noiseWidth: width };
  }

  /** One cell through disclosure control. */
  private publish(r: TotalsRow, scales: Map<string, Scale>, label: 'group' | 'pairs'): PerturbedCell {
    const scale = label === 'pairs' ? this.pairsScale(scales, r) : scales.get(measureKey(r))!;
    return perturbCell(totals(r), measureKey(r), scale, this.config.privacy.minGroupSize, label);
  }

  /**
   * The perturbed spread of the population in view, per measure and wave (for pairs, per
   * measure), from the sum of the cells of kind `src`: every total is additive, so the pooled
   * cell needs no second pass in SQL.
   */
  private pooledSpreads(rows: TotalsRow[], src: TotalsRow['src'], scales: Map<string, Scale>): Map<string, number | null> {
    const label = src === 'cell' ? 'group' : 'pairs';
    const pooled = new Map<string, { row: TotalsRow; n: number; sum: number; sumsq: number; keys: bigint }>();
    for (const r of rows.filter((x) => x.src === src)) {
      const key = `${measureKey(r)}:${src === 'cell' ? r.wave_id : null}`;
      const p = pooled.get(key) ?? { row: r, n: 0, sum: 0, sumsq: 0, keys: 0n };
      Object.assign(p, { n: p.n + r.n, sum: p.sum + r.sum, sumsq: p.sumsq + r.sumsq, keys: p.keys + BigInt(r.keysum) });
      pooled.set(key, p);
    }
    return new Map(
      [...pooled].map(([key, p]) => {
        const scale = label === 'pairs' ? this.pairsScale(scales, p.row) : scales.get(measureKey(p.row))!;
        const cell = { n: p.n, sum: p.sum, sumOfSquares: p.sumsq, keySum: p.keys.toString() };
        return [key, perturbedSpread(cell, measureKey(p.row), scale, this.config.privacy.minGroupSize, label)];
      }),
    );
  }
  /** Checks scope and the measures asked for; the SQL scope and each measure's scale. */
  private async prepare(actor: AuthUser, input: DiscretionBaseInput, waveIds: string[] | null): Promise<Prepared> {
    await this.checkPilots(actor, input.pilotIds);
    const items = await this.ds.getRepository(SurveyItemEntity).find({ where: { instrumentId: input.instrumentId } });
    if (!items.length) throw notFound('Survey instrument', input.instrumentId);
    const byCode = new Map(items.map((i) => [i.code.toUpperCase(), i]));
    const chosen = (input.itemCodes ?? []).map((c, i) => {
      const item = byCode.get(c.toUpperCase());
      if (!item) throw badInput(`input.itemCodes.${i}`, `the instrument has no item ${c}`);
      return item;
    });
    // Only the instrument's own dimensions: another has no items, so no scores.
    const own = [...new Set(items.map((i) => i.dimension))];
    const dimensions = input.dimensions ? input.dimensions.filter((d) => own.includes(d)) : chosen.length ? [] : own;
    const scales = new Map<string, Scale>([
      ...dimensions.map((d) => [`${MeasureKind.DIMENSION}:${d}`, DIMENSION_SCALE] as const),
      ...chosen.map(
        (i) => [`${MeasureKind.ITEM}:${i.code}`, i.scale === ScaleKind.LIKERT_5 ? { min: 1, max: 5 } : { min: Number(i.min), max: Number(i.max) }] as const,
      ),
    ]);
    const scope: ScoringScope = {
      pilotIds: input.pilotIds,
      instrumentId: input.instrumentId,
      waveIds: waveIds?.length ? waveIds : null,
      dimensions,
      itemCodes: chosen.map((i) => i.code),
      unitDepth: input.unitDepth ?? null,
      unitScope: surveyResultUnits(actor, 'sr.unit_id'),
      root: surveyResultRoot(actor),
    };
    return { scope, scales };
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
