import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../src/common/auth/auth-user';
import { Role } from '../../src/common/auth/role.enum';
import { lognormal, rng, Rng } from '../../src/cli/random';
import { syntheticCodes, withPolarity } from '../../src/cli/synthetic';
import { ImprovementUse, PeriodKind } from '../../src/modules/burden/burden.enums';
import { BurdenService } from '../../src/modules/burden/burden.service';
import { periodEnd } from '../../src/modules/burden/period';
import { GovernanceForm, TrustMethod, TrustRelation } from '../../src/modules/framework/framework.enums';
import { ObservationKind, RespondentRole, TrustEffect } from '../../src/modules/observation/observation.enums';
import { ObservationService } from '../../src/modules/observation/observation.service';
import { COUNTIES, County, OperatingForm, OrganisationKind } from '../../src/modules/organisation/organisation.enums';
import { OrganisationService } from '../../src/modules/organisation/organisation.service';
import { ParticipantRole, PilotSector, PilotStatus, PilotTheme, SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { PilotService } from '../../src/modules/pilot/pilot.service';
import { AggregationLevel, InstrumentKind, MeasureType, ReportingFrequency } from '../../src/modules/steering/steering.enums';
import { SteeringService } from '../../src/modules/steering/steering.service';
import { DEFAULT_SURVEY_INSTRUMENT_ID, RespondentCategory, TenureBand } from '../../src/modules/survey/survey.enums';
import { SurveyService } from '../../src/modules/survey/survey.service';
import { SurveyWaveService } from '../../src/modules/survey/survey-wave.service';
import { TimeThiefStatus } from '../../src/modules/time-thief/time-thief.enums';
import { TimeThiefService } from '../../src/modules/time-thief/time-thief.service';
import { UserService } from '../../src/modules/user/user.service';
import { Progress } from '../progress';
import { MUNICIPALITIES_PER_COUNTY, Scale } from './scales';
import { fieldNote, placeName, sentence } from './text';

/**
 * Fills an empty database with a scale's synthetic data through the API's own services (every
 * rule, constraint and audit entry applies; survey responses go in batches of 10,000 through the
 * same `submit` as the batch mutation). Reproducible: one seed drives every choice. Independent
 * writes run CONCURRENCY at a time, as parallel API clients would.
 */
const CONCURRENCY = 8;
const BATCH = 10_000;
export const BENCH_PASSWORD = 'bench-password-not-secret';

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const addMonths = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1)).toISOString().slice(0, 10);
};

/** Burden reports per batch: one transaction each. */
const BURDEN_BATCH = 500;

async function pool<T>(items: T[], progress: Progress, fn: (item: T, i: number) => Promise<number | void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const n = await fn(items[i], i);
      progress.tick(typeof n === 'number' ? n : 1);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

interface Unit {
  id: string;
  weight: number;
}
interface Root {
  id: string;
  kind: OrganisationKind;
  administrations: { id: string; units: Unit[] }[];
}

export async function generate(app: INestApplicationContext, scale: Scale, seed: number, progress: (phase: string, total: number) => Progress) {
  const r: Rng = rng(seed);
  const ds = app.get(DataSource);
  const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM organisation');
  if (n > 0) throw new Error('the benchmark database is not empty (use --fresh)');
  const users = app.get(UserService);
  const orgs = app.get(OrganisationService);
  const pilots = app.get(PilotService);
  const observations = app.get(ObservationService);
  const steering = app.get(SteeringService);
  const burden = app.get(BurdenService);
  const thieves = app.get(TimeThiefService);
  const surveys = app.get(SurveyService);
  const waves = app.get(SurveyWaveService);
  const end = addMonths(scale.start, scale.months);
  const lastDay = addDays(end, -1);
  const spanDays = (Date.parse(lastDay) - Date.parse(scale.start)) / 86_400_000;

  const adminUser = await users.create(null, { email: 'admin@bench.tillit.invalid', displayName: 'Bench Admin', role: Role.ADMIN, password: BENCH_PASSWORD });
  const admin: AuthUser = { id: adminUser.id, role: Role.ADMIN, organisationId: null };
  await users.create(admin, { email: 'analyst@bench.tillit.invalid', displayName: 'Bench Analyst', role: Role.ANALYST, password: BENCH_PASSWORD });

  // ------------------------------------------------------------ organisations
  const names = new Set<string>();
  const counties = Object.keys(COUNTIES) as County[];
  const plan: { kind: OrganisationKind; code: string; name: string }[] = [];
  const perCounty = { ...MUNICIPALITIES_PER_COUNTY };
  const scaleDown = scale.municipalities / 290;
  for (const c of counties) {
    const k = scale.municipalities >= 290 ? perCounty[c] : Math.round(perCounty[c] * scaleDown);
    for (let i = 0; i < k && plan.filter((p) => p.kind === OrganisationKind.MUNICIPALITY).length < scale.municipalities; i++) {
      plan.push({ kind: OrganisationKind.MUNICIPALITY, code: `${COUNTIES[c].code}${String(10 + i).padStart(2, '0')}`, name: `${placeName(r, names)} kommun` });
    }
  }
  while (plan.length < scale.municipalities) {
    const c = counties[plan.length % counties.length];
    plan.push({ kind: OrganisationKind.MUNICIPALITY, code: `${COUNTIES[c].code}${90 + plan.length}`, name: `${placeName(r, names)} kommun` });
  }
  counties
    .slice(0, scale.regions)
    .forEach((c) => plan.push({ kind: OrganisationKind.REGION, code: COUNTIES[c].code, name: `Region ${COUNTIES[c].name.replace(/s? län$/, '')}` }));
  const roots: Root[] = [];
  const p1 = progress('organisations', plan.length);
  // One at a time, so that the random draws (and so the data) are the same on every run.
  for (const o of plan) {
    const root = await orgs.create(admin, {
      name: o.name,
      kind: o.kind,
      officialCode: o.code,
      population: o.kind === OrganisationKind.MUNICIPALITY ? Math.round(lognormal(r, 16_000, 1)) : null,
    });
    const admNames =
      o.kind === OrganisationKind.REGION
        ? ['Hälso- och sjukvårdsförvaltningen', 'Regionstyrelsens förvaltning']
        : ['Socialförvaltningen', 'Omsorgsförvaltningen'];
    const administrations = [];
    for (const a of admNames) {
      const adm = await orgs.create(admin, { name: `${a}, ${o.name}`, kind: o.kind, parentId: root.id });
      const k = Math.max(1, Math.round(lognormal(r, scale.unitsPerAdministration, 0.6)));
      const units: Unit[] = [];
      for (let u = 0; u < k; u++) {
        const label = o.kind === OrganisationKind.REGION ? 'Vårdcentral' : r.pick(['Hemtjänst', 'Särskilt boende', 'Hemsjukvård', 'Dagverksamhet']);
        const unit = await orgs.create(admin, {
          name: `${label} ${placeName(r, names)}`,
          kind: o.kind,
          parentId: adm.id,
          operatingForm: OperatingForm.OWN_MANAGEMENT,
        });
        units.push({ id: unit.id, weight: lognormal(r, 1, 0.8) });
      }
      administrations.push({ id: adm.id, units });
    }
    roots.push({ id: root.id, kind: o.kind, administrations });
    p1.tick();
  }
  p1.done();
  const allUnits = roots.flatMap((x) => x.administrations.flatMap((a) => a.units));
  const state = await orgs.create(admin, { name: 'Regeringskansliet (syntetisk)', kind: OrganisationKind.STATE_AGENCY });

  // ------------------------------------------------------------ researchers and pilots
  const researchers: AuthUser[] = [];
  for (let i = 1; i <= scale.researchers; i++) {
    const u = await users.create(admin, {
      email: `forskare${i}@bench.tillit.invalid`,
      displayName: `Forskare ${i}`,
      role: Role.RESEARCHER,
      password: BENCH_PASSWORD,
    });
    researchers.push({ id: u.id, role: Role.RESEARCHER, organisationId: null });
  }
  const pilotPlans: { id: string; units: Unit[]; orgIds: string[]; researchers: AuthUser[] }[] = [];
  const p2 = progress('pilots', scale.pilots);
  for (let i = 0; i < scale.pilots; i++) {
    const root = roots[i % roots.length];
    const adm = root.administrations[i % 2];
    const team = Array.from(new Set([researchers[i % researchers.length], r.pick(researchers), r.pick(researchers)]));
    const pilot = await pilots.create(admin, {
      code: `BENCH-${scale.name}-${String(i + 1).padStart(3, '0')}`,
      title: `Syntetisk försöksverksamhet ${i + 1}`,
      description: sentence(r),
      sectors: [root.kind === OrganisationKind.REGION ? PilotSector.HEALTH_CARE : PilotSector.SOCIAL_CARE],
      themes: r.some(Object.values(PilotTheme), 2),
      status: PilotStatus.ACTIVE,
      startsOn: scale.start,
      endsOn: lastDay,
      targetForms: r.some(Object.values(GovernanceForm), 2),
      targetRelations: r.some(Object.values(TrustRelation), 2),
      targetMethods: r.some(Object.values(TrustMethod), 2),
      participants: [
        { organisationId: root.id, level: SteeringLevel.POLITICAL_PRINCIPAL, role: ParticipantRole.LEAD },
        { organisationId: adm.id, level: SteeringLevel.ADMINISTRATION_MANAGEMENT, role: ParticipantRole.PARTICIPANT },
        ...adm.units.map((u) => ({ organisationId: u.id, level: SteeringLevel.FRONT_LINE, role: ParticipantRole.PARTICIPANT })),
      ],
      researchers: team.map((t) => ({ userId: t.id, fromDate: scale.start })),
    });
    pilotPlans.push({ id: pilot.id, units: adm.units, orgIds: [root.id, adm.id, ...adm.units.map((u) => u.id)], researchers: team });
    p2.tick();
  }
  p2.done();

  // ------------------------------------------------------------ observations and segments
  const p3 = progress('observations', scale.observations);
  const obsPlan = Array.from({ length: scale.observations }, (_, i) => ({
    pilot: pilotPlans[Math.floor(lognormal(r, 1, 1) * 7919 + i) % pilotPlans.length],
    day: r.int(0, spanDays),
    seed: r.int(1, 2 ** 31),
  }));
  await pool(obsPlan, p3, async (o) => {
    const q = rng(o.seed);
    const actor = q.pick(o.pilot.researchers);
    const text = fieldNote(q);
    const late = o.day > spanDays / 2;
    const created = await observations.log(actor, {
      pilotId: o.pilot.id,
      organisationId: q.pick(o.pilot.orgIds),
      level: q.pick([SteeringLevel.FRONT_LINE, SteeringLevel.UNIT_MANAGEMENT, SteeringLevel.ADMINISTRATION_MANAGEMENT]),
      occurredOn: addDays(scale.start, o.day),
      kind: q.pick(Object.values(ObservationKind)),
      respondentRole: q.pick(Object.values(RespondentRole)),
      title: `${q.pick(['Arbetsplatsträff', 'Intervju', 'Ledningsgruppsmöte', 'Workshop', 'Dokumentstudie', 'Fältbesök', 'Samverkansmöte'])} ${addDays(scale.start, o.day)}`,
      text,
      codes: syntheticCodes(q, late, 0.5, rng(o.seed + 1)),
      tags: q.some(['tidstjuv', 'dialog', 'dokumentation', 'samverkan', 'ledarskap', 'uppföljning'], 3),
    });
    if (q.next() < scale.segmentShare) {
      // Segments on whole sentences: code points of the sentence boundaries.
      const cps = Array.from(text);
      const stops = [0, ...cps.flatMap((c, i) => (c === '.' && i + 2 < cps.length ? [i + 2] : []))];
      for (const s of Array.from(new Set(Array.from({ length: q.int(1, 3) }, () => q.int(0, stops.length - 1)))).sort((a, b) => a - b)) {
        const startAt = stops[s];
        const endAt = (stops[s + 1] ?? cps.length + 1) - 1;
        if (endAt <= startAt) continue;
        await observations.addSegment(actor, {
          observationId: created.id,
          start: startAt,
          end: endAt,
          memo: '',
          codes: {
            forms: [],
            relations: q.some(Object.values(TrustRelation), 1),
            methods: withPolarity(q, q.some(Object.values(TrustMethod), 1)),
            trustworthiness: [],
            effectOnTrust: q.pick(Object.values(TrustEffect)),
          },
        });
      }
    }
  });
  p3.done();

  // ------------------------------------------------------------ steering instruments, indicators, burden
  const indicatorPlans: { id: string; units: string[]; introducedOn: string }[] = [];
  const p4 = progress('instruments and indicators', scale.instruments);
  const kinds = [InstrumentKind.QUALITY_REGISTRY, InstrumentKind.PRINCIPAL_FOLLOW_UP, InstrumentKind.COMPENSATION_MODEL, InstrumentKind.STATE_SKL_AGREEMENT];
  for (let i = 0; i < scale.instruments; i++) {
    const start = Math.floor(r.next() * Math.max(1, allUnits.length - scale.unitsPerInstrument));
    const units = allUnits.slice(start, start + scale.unitsPerInstrument).map((u) => u.id);
    const kind = kinds[i % kinds.length];
    const inst = await steering.createInstrument(admin, {
      name: `Styrmedel ${i + 1} (syntetiskt)`,
      description: sentence(r),
      kind,
      governanceForm:
        kind === InstrumentKind.COMPENSATION_MODEL ? GovernanceForm.EKONOMI : r.pick([GovernanceForm.PRESTATION, GovernanceForm.REGEL, GovernanceForm.EKONOMI]),
      imposedById: i % 3 === 0 ? state.id : roots[i % roots.length].id,
      appliesToIds: units,
      validFrom: addMonths(scale.start, -24),
    });
    for (let k = 0; k < scale.indicatorsPerInstrument; k++) {
      const introducedOn = k < scale.indicatorsPerInstrument * 0.8 ? addMonths(scale.start, -12) : addMonths(scale.start, r.int(0, scale.months - 1));
      const ind = await steering.defineIndicator(admin, {
        name: `Indikator ${i + 1}.${k + 1}`,
        description: '',
        instrumentId: inst.id,
        measureType: r.pick(Object.values(MeasureType)),
        aggregationLevel: AggregationLevel.UNIT,
        reportingFrequency: ReportingFrequency.MONTHLY,
        paymentDependent: kind === InstrumentKind.COMPENSATION_MODEL,
        introducedOn,
      });
      indicatorPlans.push({ id: ind.id, units, introducedOn });
    }
    p4.tick();
  }
  p4.done();
  const reports = indicatorPlans
    .flatMap((ind) =>
      Array.from({ length: scale.months }, (_, m) => addMonths(scale.start, m))
        .filter((periodStart) => periodStart >= ind.introducedOn)
        .flatMap((periodStart) => ind.units.map((organisationId, k) => ({ indicatorId: ind.id, organisationId, periodStart, k }))),
    )
    .map((b, seq) => ({ ...b, seq }));
  // Through the batch mutation's service: an indicator's reports (every unit and month) in
  // batches, each one transaction. Batches of different indicators touch different rows of the
  // burden_period_total rollup and take different indicator locks, so the parallel writers do
  // not queue for each other. A report's values depend only on its place in the plan.
  const byIndicator = new Map<string, typeof reports>();
  for (const b of reports) {
    if (!byIndicator.has(b.indicatorId)) byIndicator.set(b.indicatorId, []);
    byIndicator.get(b.indicatorId)!.push(b);
  }
  // Every indicator's first batch, then every second one (L has two per indicator): parallel
  // writers never wait for each other's indicator lock.
  const parts = [...byIndicator.values()].map((ofIndicator) =>
    Array.from({ length: Math.ceil(ofIndicator.length / BURDEN_BATCH) }, (_, k) => ofIndicator.slice(k * BURDEN_BATCH, (k + 1) * BURDEN_BATCH)),
  );
  const batches = Array.from({ length: Math.max(...parts.map((p) => p.length)) }, (_, k) => parts.flatMap((p) => (p[k] ? [p[k]] : []))).flat();
  const p5 = progress('burden reports', reports.length);
  await pool(batches, p5, async (batch) => {
    await burden.reportBatch(admin, {
      reports: batch.map((b) => {
        const q = rng(seed + b.seq);
        return {
          indicatorId: b.indicatorId,
          organisationId: b.organisationId,
          periodKind: PeriodKind.MONTH,
          periodStart: b.periodStart,
          periodEnd: periodEnd(PeriodKind.MONTH, b.periodStart)!,
          // Never more than the staff could work in a month (the plausibility rule at 40 h a week).
          staffHours: Math.min(Math.round(lognormal(q, 8, 0.8) * 4) / 4, 100),
          staffCount: q.int(1, 15),
          recordCount: q.int(10, 900),
          doubleRegistration: q.next() < 0.25,
          usedForImprovement: q.pick(Object.values(ImprovementUse)),
          perceivedUsefulness: q.int(1, 5),
          comment: '',
        };
      }),
    });
    return batch.length;
  });
  p5.done();

  // ------------------------------------------------------------ time thieves
  const p6 = progress('time thieves', scale.timeThieves);
  await pool(
    Array.from({ length: scale.timeThieves }, (_, i) => i),
    p6,
    async (i) => {
      const q = rng(seed * 7 + i);
      const reportedOn = addDays(scale.start, q.int(0, Math.floor(spanDays * 0.7)));
      const thief = await thieves.report(admin, {
        organisationId: q.pick(allUnits).id,
        task: `${q.pick(['Dubbelregistrering', 'Manuell sammanställning', 'Signering av varje insats', 'Månadsrapport', 'Avvikelserapport'])} (${i + 1})`,
        process: 'Dokumentation',
        imposedByOrganisationId: q.pick(roots).id,
        minutesPerWeek: q.int(10, 300),
        staffAffected: q.int(1, 60),
        proposedRemedy: 'Ta bort eller förenkla kravet.',
        reportedOn,
      });
      if (q.next() < 0.7) {
        const reviewOn = addDays(reportedOn, q.int(7, 60));
        await thieves.updateStatus(admin, { id: thief.id, status: TimeThiefStatus.UNDER_REVIEW, changedOn: reviewOn });
        if (q.next() < 0.7) {
          const kept = q.next() < 0.3;
          await thieves.updateStatus(admin, {
            id: thief.id,
            status: kept ? TimeThiefStatus.KEPT : TimeThiefStatus.REMOVED,
            reason: kept ? 'Krävs enligt lag.' : null,
            changedOn: addDays(reviewOn, q.int(7, 60)),
          });
        }
      }
    },
  );
  p6.done();

  // ------------------------------------------------------------ survey waves and responses
  const surveyPilots = pilotPlans.slice(0, scale.surveyPilots);
  const perWave = Math.round(scale.responses / (surveyPilots.length * scale.waves));
  const p7 = progress('survey responses', perWave * surveyPilots.length * scale.waves);
  const jobs: { pilot: (typeof pilotPlans)[number]; w: number }[] = surveyPilots.flatMap((pilot) =>
    Array.from({ length: scale.waves }, (_, w) => ({ pilot, w })),
  );
  await pool(jobs, p7, async ({ pilot, w }, j) => {
    const q = rng(seed * 13 + j);
    const opensOn = addDays(scale.start, Math.floor((w / Math.max(1, scale.waves - 1)) * (spanDays - 30)));
    const wave = await waves.open(admin, {
      pilotId: pilot.id,
      instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID,
      label: `Våg ${w + 1}`,
      opensOn,
      closesOn: addDays(opensOn, 21),
      unitIds: pilot.units.map((u) => u.id),
    });
    const totalWeight = pilot.units.reduce((s, u) => s + u.weight, 0);
    const lift = w / Math.max(1, scale.waves - 1) / 2;
    const responses = [];
    for (const [ui, unit] of pilot.units.entries()) {
      const k = ui === pilot.units.length - 1 ? perWave - responses.length : Math.round((perWave * unit.weight) / totalWeight);
      for (let i = 0; i < k && responses.length < perWave; i++) {
        const likert = (base: number, dir = 1) => (q.next() < 0.05 ? null : Math.max(1, Math.min(5, Math.round(base + dir * lift + (q.next() - 0.5) * 2.5))));
        responses.push({
          unitId: unit.id,
          category: q.next() < 0.85 ? RespondentCategory.FRONT_LINE_STAFF : RespondentCategory.FIRST_LINE_MANAGER,
          tenureBand: q.pick([...Object.values(TenureBand), null]),
          panelKey: i % 2 === 0 ? `bench-${unit.id}-${i}` : null,
          answers: [
            likert(3),
            likert(3, -1),
            likert(3.2),
            likert(2.8),
            Math.min(100, q.int(30, 70) + Math.round(lift * 16)),
            Math.max(5, q.int(15, 45) - Math.round(lift * 16)),
            likert(3.4, -1),
            likert(2.5),
            likert(2.8),
            likert(2.9),
            likert(3.6),
            likert(3),
            likert(2.7),
            likert(3),
            likert(3.1),
            likert(3),
          ],
        });
      }
    }
    for (let i = 0; i < responses.length; i += BATCH) {
      const batch = responses.slice(i, i + BATCH);
      await surveys.submit(admin, { waveId: wave.id, responses: batch }, { firstLine: i + 1, asOf: opensOn });
      p7.tick(batch.length);
    }
    return 0;
  });
  p7.done();

  const counts: Record<string, number> = {};
  for (const table of [
    'organisation',
    'app_user',
    'pilot',
    'observation',
    'coded_segment',
    'steering_instrument',
    'indicator',
    'burden_report',
    'time_thief',
    'survey_wave',
    'survey_response',
    'audit_log',
  ]) {
    const [{ n: c }] = await ds.query(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = c;
  }
  // Vacuumed as well as analysed: the first reads after a bulk load would otherwise set hint bits
  // and the visibility map, and the first benchmark after generation would measure those writes.
  await ds.query('VACUUM (ANALYZE)');
  return counts;
}
