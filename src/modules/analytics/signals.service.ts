import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { analyticsQuery } from '../../database/read-replica';
import type { AuthUser } from '../../common/auth/auth-user';
import { Params } from '../../common/sql/params';
import { countableObservations, surveyResultPilots, visibleEffects, visibleObstacles, visibleWaves } from '../access/access.rules';
import { inRaw } from '../access/sql-fragment';
import { PilotService } from '../pilot/pilot.service';
import { EffectAspect, EffectDirection, EvidenceStrength } from '../effect/effect.enums';
import { DEFAULT_SURVEY_INSTRUMENT_ID, SurveyDimension } from '../survey/survey.enums';
import { AccessLogService } from './access-log.service';
import { unknownCode } from './code-dimensions';
import { badInputs } from '../../common/errors/domain-error';
import { CodesService } from './codes.service';
import { DiscretionService } from './discretion.service';
import { CodedUnit } from './dto/codes.input';
import { DiscretionGroupBy } from './dto/discretion-results.input';
import { PilotSignalsBucket, PilotSignalsInput } from './dto/signals.input';
import { SeriesService } from './series.service';

/** Codes are asked for as codeFrequencies returns them; a bare method would silently count nothing. */
function checkCodes(input: PilotSignalsInput): void {
  const problems = input.codes.flatMap((c, i) => {
    const why = unknownCode(c.dimension, c.code);
    return why ? [{ field: `input.codes.${i}.code`, message: why }] : [];
  });
  if (problems.length) throw badInputs(problems);
}

const DEFAULT_DIMENSIONS = [SurveyDimension.DECISION_AUTHORITY, SurveyDimension.TIME_FOR_CORE_WORK, SurveyDimension.ADMINISTRATIVE_BURDEN];

/**
 * The joined view: for one pilot, per time bucket, what researchers saw next to burden,
 * indicators, time thieves and discretion. It composes the other analytics queries, so their
 * rules (scope, pro rata, suppression) hold here too.
 */
@Injectable()
export class SignalsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly pilots: PilotService,
    private readonly series: SeriesService,
    private readonly codes: CodesService,
    private readonly discretion: DiscretionService,
    private readonly accessLog: AccessLogService,
  ) {}

  async signals(actor: AuthUser, input: PilotSignalsInput): Promise<PilotSignalsBucket[]> {
    checkCodes(input);
    await this.accessLog.record(actor, 'pilotSignals', input);
    await this.pilots.get(actor, input.pilotId);
    const range = { from: input.from, to: input.to, bucket: input.bucket, pilotId: input.pilotId };
    const [burden, indicators, thieves, supervision] = await Promise.all([
      this.series.burdenSeries(actor, { ...range, groupBy: [] }),
      this.series.indicatorsInForce(actor, range),
      this.series.timeThiefSummary(actor, { ...range, byOrganisation: false }),
      this.series.supervisionLoad(actor, { ...range, organisationDepth: 0 }),
    ]);
    const buckets: PilotSignalsBucket[] = indicators.map((b) => ({
      bucketStart: b.bucketStart,
      bucketEnd: b.bucketEnd,
      observations: null,
      codeCounts: input.codes.map((c) => ({ dimension: c.dimension, code: c.code, count: 0 })),
      burdenHours: 0,
      indicatorsInForce: b.indicators,
      timeThievesRemoved: 0,
      hoursFreedPerWeek: 0,
      discretion: [],
      obstaclesRaised: 0,
      obstaclesRemoved: 0,
      supervisionInteractions: 0,
      supervisionHours: 0,
      overlappingSupervision: 0,
      effects: [],
    }));
    /** The bucket holding a date (series rows carry their clipped bucket start). */
    const at = (date: string) => buckets.find((b) => b.bucketStart <= date && date <= b.bucketEnd);
    for (const r of burden) at(r.bucketStart)!.burdenHours = r.staffHours;
    for (const r of thieves) Object.assign(at(r.bucketStart)!, { timeThievesRemoved: r.removed, hoursFreedPerWeek: r.hoursFreedPerWeek });
    for (const r of supervision) {
      const b = at(r.bucketStart)!;
      b.supervisionInteractions += r.interactions;
      b.supervisionHours += r.staffHours;
      b.overlappingSupervision += r.overlapping;
    }
    await this.findings(actor, input, at);

    // The observations the caller may count, as codeFrequencies counts them.
    const p = new Params();
    const counts: { d: string; n: number }[] = await analyticsQuery(
      this.ds,
      `SELECT to_char(o.occurred_on, 'YYYY-MM-DD') AS d, count(*)::int AS n FROM observation o
        WHERE o.pilot_id = ${p.add(input.pilotId, '::uuid')} AND o.deleted_at IS NULL
          AND o.occurred_on BETWEEN ${p.add(input.from, '::date')} AND ${p.add(input.to, '::date')}
          AND ${inRaw(countableObservations(actor, 'o'), p)}
        GROUP BY o.occurred_on`,
      p.values,
    );
    for (const b of buckets) b.observations = 0;
    for (const c of counts) at(c.d)!.observations! += c.n;
    if (input.codes.length) {
      const freq = await this.codes.frequencies(actor, {
        unit: CodedUnit.OBSERVATIONS,
        groupBy: [],
        dimensions: [...new Set(input.codes.map((c) => c.dimension))],
        bucket: input.bucket,
        filter: { pilotId: [input.pilotId], from: input.from, to: input.to },
      });
      for (const f of freq) {
        const bucket = at(f.bucketStart! < input.from ? input.from : f.bucketStart!);
        const cell = bucket?.codeCounts.find((c) => c.dimension === f.dimension && c.code === f.code);
        if (cell) cell.count += f.count;
      }
    }

    // Discretion of the waves the caller sees, in a pilot whose survey results they may ask for.
    const q = new Params();
    const waves: { id: string; label: string; opens_on: string }[] = await analyticsQuery(
      this.ds,
      `SELECT w.id, w.label, to_char(w.opens_on, 'YYYY-MM-DD') AS opens_on FROM survey_wave w
        WHERE w.pilot_id = ${q.add(input.pilotId, '::uuid')} AND w.instrument_id = ${q.add(input.instrumentId ?? DEFAULT_SURVEY_INSTRUMENT_ID, '::uuid')}
          AND w.opens_on BETWEEN ${q.add(input.from, '::date')} AND ${q.add(input.to, '::date')}
          AND ${inRaw(visibleWaves(actor, 'w.id'), q)} AND ${inRaw(surveyResultPilots(actor, 'w.pilot_id'), q)}`,
      q.values,
    );
    if (waves.length) {
      const rows = await this.discretion.results(actor, {
        pilotIds: [input.pilotId],
        instrumentId: input.instrumentId ?? DEFAULT_SURVEY_INSTRUMENT_ID,
        waveIds: waves.map((w) => w.id),
        dimensions: input.dimensions ?? DEFAULT_DIMENSIONS,
        groupBy: [DiscretionGroupBy.WAVE],
      });
      for (const r of rows) {
        const wave = waves.find((w) => w.id === r.waveId)!;
        at(wave.opens_on)?.discretion.push({ waveLabel: wave.label, dimension: r.measure as SurveyDimension, n: r.n, mean: r.mean, suppressed: r.suppressed });
      }
    }
    return buckets;
  }

  /** Obstacles raised and removed, and effects assessed, of the pilot: those the caller may see. */
  private async findings(actor: AuthUser, input: PilotSignalsInput, at: (date: string) => PilotSignalsBucket | undefined): Promise<void> {
    const p = new Params();
    const [pilot, from, to] = [p.add(input.pilotId, '::uuid'), p.add(input.from, '::date'), p.add(input.to, '::date')];
    const changes: { d: string; status: string; n: number }[] = await analyticsQuery(
      this.ds,
      `SELECT to_char(c.changed_on, 'YYYY-MM-DD') AS d, c.status::text AS status, count(*)::int AS n
         FROM obstacle_status_change c JOIN obstacle ob ON ob.id = c.obstacle_id
        WHERE ob.pilot_id = ${pilot} AND c.status IN ('RAISED', 'REMOVED') AND c.changed_on BETWEEN ${from} AND ${to}
          AND ${inRaw(visibleObstacles(actor, 'ob'), p)}
        GROUP BY 1, 2`,
      p.values,
    );
    for (const c of changes) at(c.d)![c.status === 'RAISED' ? 'obstaclesRaised' : 'obstaclesRemoved'] += c.n;
    const q = new Params();
    const effects: { d: string; id: string; aspect: EffectAspect; direction: EffectDirection; strength: EvidenceStrength }[] = await this.ds.query(
      `SELECT to_char(ef.period_end, 'YYYY-MM-DD') AS d, ef.id, ef.aspect, ef.direction, ef.evidence_strength AS strength FROM effect ef
        WHERE ef.pilot_id = ${q.add(input.pilotId, '::uuid')} AND ef.period_end BETWEEN ${q.add(input.from, '::date')} AND ${q.add(input.to, '::date')}
          AND ${inRaw(visibleEffects(actor, 'ef'), q)}
        ORDER BY ef.period_end, ef.aspect, ef.id`,
      q.values,
    );
    for (const e of effects) at(e.d)!.effects.push({ effectId: e.id, aspect: e.aspect, direction: e.direction, evidenceStrength: e.strength });
  }
}
