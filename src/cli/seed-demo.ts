import { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';
import { Role } from '../common/auth/role.enum';
import { BurdenService } from '../modules/burden/burden.service';
import { ImprovementUse, PeriodKind } from '../modules/burden/burden.enums';
import { periodEnd } from '../modules/burden/period';
import { CompensationPrinciple, GovernanceForm, TrustMethod, TrustRelation } from '../modules/framework/framework.enums';
import { ObservationKind, RespondentRole, TrustEffect } from '../modules/observation/observation.enums';
import { ObservationService } from '../modules/observation/observation.service';
import { County, OperatingForm, OrganisationKind, SkrMunicipalityGroup } from '../modules/organisation/organisation.enums';
import { OrganisationService } from '../modules/organisation/organisation.service';
import { ParticipantRole, PilotSector, PilotStatus, PilotTheme, SteeringLevel } from '../modules/pilot/pilot.enums';
import { PilotService } from '../modules/pilot/pilot.service';
import { AggregationLevel, InstrumentKind, MeasureType, ReportingFrequency } from '../modules/steering/steering.enums';
import { SteeringService } from '../modules/steering/steering.service';
import { StaffSizeService } from '../modules/staff-size/staff-size.service';
import { DEFAULT_SURVEY_INSTRUMENT_ID, RespondentCategory, TenureBand } from '../modules/survey/survey.enums';
import { SurveyService } from '../modules/survey/survey.service';
import { SurveyWaveService } from '../modules/survey/survey-wave.service';
import { TimeThiefStatus } from '../modules/time-thief/time-thief.enums';
import { TimeThiefService } from '../modules/time-thief/time-thief.service';
import { UserService } from '../modules/user/user.service';
import { rng } from './random';
import { seedFindings } from './seed-demo-findings';
import { syntheticCodes, withPolarity } from './synthetic';

/**
 * A synthetic, clearly labelled demo dataset, loaded through the same services the API uses
 * (so every rule, index and audit entry applies). Reproducible: a fixed seed drives every choice,
 * and the demo year is fixed too — the year after the delegation announced its pilots, 1 March
 * 2017 to 28 February 2018 — so the examples in docs/ give the same answers on any day.
 */
export const DEMO_YEAR = { from: '2017-03-01', to: '2018-02-28' } as const;

export class SeedRefused extends Error {}

export interface SeedSummary {
  password: string;
  users: string[];
  counts: Record<string, number>;
  seconds: number;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const firstOfMonth = (d: Date, back: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1));

/** Sentences in the spirit of the interview study (SOU 2017:56 bilaga 2), rewritten as synthetic notes. */
const SENTENCES = [
  'Personalen beskriver hur varje besök mäts i minuter och kallar det "minutjakten".',
  'En avvikelserapport ska skrivas när ett besök drar över med två minuter.',
  'Enhetschefen säger att dialogen är viktigare än själva systemet.',
  'Skriftliga rapporter har ersatts av dialogbaserad medicinsk revision.',
  'Omfattande dokumentation om att man gör rätt saker skapar inte tillit, säger en biståndshandläggare.',
  'Utföraren lägger mycket arbete på att undvika ett avdrag på fem kronor.',
  'Medarbetarna har själva fått utforma hur uppföljningen av insatserna ska gå till.',
  'Ledningen har flyttat administrativa uppgifter till en administratör på enheten.',
  'Samverkan med vårdcentralen kring gemensamma brukare har blivit tätare.',
  'Tillsynsmyndigheten beskrivs som mer lärande och mindre kontrollerande än tidigare.',
  'Flera indikatorer rapporteras två gånger i olika system.',
  'Politikerna har minskat antalet prestationsmått i uppdraget till förvaltningen.',
  'Första linjens chef upplever att mandatet att anpassa insatser har ökat.',
  'Det finns nu en återkommande fallgenomgång där svåra ärenden diskuteras.',
  'Fackliga ombud är tveksamma till om inflytandet är reellt eller en kuliss.',
];
const TITLES = [
  'Arbetsplatsträff',
  'Intervju med enhetschef',
  'Ledningsgruppsmöte',
  'Workshop om uppföljning',
  'Studie av verksamhetsplan',
  'Fältbesök i hemtjänsten',
  'Samverkansmöte',
];

export async function seedDemo(app: INestApplicationContext, options: { force: boolean; log: (line: string) => void }): Promise<SeedSummary> {
  const started = Date.now();
  const ds = app.get(DataSource);
  const [{ rows }] = await ds.query('SELECT (SELECT count(*) FROM organisation) + (SELECT count(*) FROM app_user) + (SELECT count(*) FROM pilot) AS rows');
  if (Number(rows) > 0 && !options.force) {
    throw new SeedRefused('The database already has data; seed-demo loads only into an empty one. Use --force to add the demo anyway.');
  }
  const r = rng(20170217);
  /** Method polarities draw from their own stream: the rest of the demo stays as it was before they existed. */
  const polarity = rng(20170218);
  const tag = Number(rows) > 0 ? `-${randomBytes(2).toString('hex')}` : '';
  const password = randomBytes(9).toString('base64url');
  const log = options.log;
  const counts: Record<string, number> = {};
  const count = (k: string, n = 1) => (counts[k] = (counts[k] ?? 0) + n);

  const users = app.get(UserService);
  const orgs = app.get(OrganisationService);
  const pilots = app.get(PilotService);
  const observations = app.get(ObservationService);
  const steering = app.get(SteeringService);
  const burden = app.get(BurdenService);
  const thieves = app.get(TimeThiefService);
  const surveys = app.get(SurveyService);
  const surveyWaves = app.get(SurveyWaveService);
  const staffSizes = app.get(StaffSizeService);

  // ---------------------------------------------------------------- users and organisations
  const mail = (name: string) => `${name}${tag}@demo.tillit.invalid`;
  const adminUser = await users.create(null, { email: mail('admin'), displayName: 'Demo Admin', role: Role.ADMIN, password });
  const admin: AuthUser = { id: adminUser.id, role: Role.ADMIN, organisationId: null };
  log('organisations');
  const org = async (name: string, kind: OrganisationKind, extra: Record<string, unknown> = {}) => {
    count('organisations');
    const officialCode = tag ? undefined : (extra.officialCode as string | undefined);
    return orgs.create(admin, { name, kind, ...extra, officialCode });
  };
  const state = await org('Regeringen (demo)', OrganisationKind.STATE_AGENCY);
  await org('SKL (demo)', OrganisationKind.INTEREST_ORGANISATION);
  const ivo = await org('IVO (demo)', OrganisationKind.SUPERVISORY_AGENCY);

  const tree = async (name: string, kind: OrganisationKind, code: string, extra: Record<string, unknown>, admName: string, unitNames: string[]) => {
    const root = await org(name, kind, { officialCode: code, ...extra });
    const adm = await org(admName, kind, { parentId: root.id });
    const units = [];
    for (const u of unitNames) units.push(await org(u, kind, { parentId: adm.id, operatingForm: OperatingForm.OWN_MANAGEMENT }));
    return { root, adm, units };
  };
  const halland = await tree('Region Halland', OrganisationKind.REGION, '13', {}, 'Hälso- och sjukvård Halland', [
    'Vårdcentral Falkenberg',
    'Vårdcentral Kungsbacka',
    'Vårdcentral Halmstad centrum',
  ]);
  const sll = await tree('Stockholms läns landsting', OrganisationKind.REGION, '01', {}, 'Hälso- och sjukvårdsförvaltningen', [
    'Vårdcentral Hässelby',
    'Vårdcentral Vällingby',
  ]);
  const sthlm = await tree(
    'Stockholms stad',
    OrganisationKind.MUNICIPALITY,
    '0180',
    { population: 960_000, skrGroup: SkrMunicipalityGroup.A1 },
    'Hässelby-Vällingby stadsdelsförvaltning',
    ['Hemtjänst Hässelby', 'Hemtjänst Vällingby', 'Kroninnovation'],
  );
  const varberg = await tree('Varbergs kommun', OrganisationKind.MUNICIPALITY, '1383', { population: 64_000 }, 'Socialförvaltningen Varberg', [
    'Hemtjänst Varberg centrum',
    'Hemtjänst Trönninge',
  ]);
  const others = [];
  for (const [name, code, pop] of [
    ['Alingsås kommun', '1489', 41_000],
    ['Lunds kommun', '1281', 122_000],
    ['Sundsvalls kommun', '2281', 99_000],
    ['Östersunds kommun', '2380', 63_000],
    ['Kalmar kommun', '0880', 68_000],
    ['Nacka kommun', '0182', 103_000],
    ['Norrköpings kommun', '0581', 141_000],
  ] as const) {
    others.push(
      await tree(name, OrganisationKind.MUNICIPALITY, code, { population: pop }, `Omsorgsförvaltningen ${name.replace(/s? kommun$/, '')}`, [
        `Hemtjänst ${name.replace(/s? kommun$/, '')}`,
      ]),
    );
  }
  const capio = await org('Vårdcentral Varberg AB (demo)', OrganisationKind.PRIVATE_PROVIDER, { operatingForm: OperatingForm.PRIVATE, county: County.HALLAND });

  const researcherUsers = [];
  for (let i = 1; i <= 4; i++)
    researcherUsers.push(await users.create(admin, { email: mail(`forskare${i}`), displayName: `Forskare ${i} (demo)`, role: Role.RESEARCHER, password }));
  await users.create(admin, { email: mail('analytiker'), displayName: 'Analytiker (demo)', role: Role.ANALYST, password });
  const reporterFor = async (name: string, organisationId: string) => {
    const u = await users.create(admin, { email: mail(name), displayName: `Rapportör ${name} (demo)`, role: Role.ORG_REPORTER, organisationId, password });
    return { id: u.id, role: Role.ORG_REPORTER, organisationId } as AuthUser;
  };
  await reporterFor('rapportor-varberg', varberg.adm.id);
  await reporterFor('rapportor-halland', halland.root.id);
  await reporterFor('rapportor-stockholm', sthlm.root.id);
  count('users', 9);

  // ---------------------------------------------------------------- pilots
  log('pilots');
  // "today" of the demo: the day after its year. The pilots go on (no end date), so new
  // observations can be logged on them on any later date.
  const today = addDays(new Date(`${DEMO_YEAR.to}T00:00:00Z`), 1);
  const yearAgo = addDays(today, -365);
  const start = iso(yearAgo);
  const r1 = researcherUsers.map((u) => ({ userId: u.id, fromDate: start }));
  const pilot = async (
    code: string,
    title: string,
    themes: PilotTheme[],
    sectors: PilotSector[],
    methods: TrustMethod[],
    participants: { organisationId: string; level: SteeringLevel; role?: ParticipantRole }[],
    researchers: typeof r1,
  ) => {
    count('pilots');
    return pilots.create(admin, {
      code: `${code}${tag.toUpperCase()}`,
      title: `DEMO: ${title}`,
      description: 'Syntetiska demodata: inte en verklig försöksverksamhet. Organisationerna finns, men allt som registrerats här är påhittat.',
      sectors,
      themes,
      status: PilotStatus.ACTIVE,
      announcedOn: iso(addDays(yearAgo, -30)),
      startsOn: start,
      endsOn: null,
      targetForms: [GovernanceForm.PRESTATION, GovernanceForm.NORM],
      targetRelations: [TrustRelation.BETWEEN_DECISION_LEVELS, TrustRelation.PRINCIPAL_AND_OPERATIONS],
      targetMethods: methods,
      participants: participants.map((p) => ({ ...p, role: p.role ?? ParticipantRole.PARTICIPANT })),
      researchers,
    });
  };
  const lvl = SteeringLevel;
  const homeCare = await pilot(
    'DEMO-HEMTJANST',
    'Tillitsbaserad hemtjänst',
    [PilotTheme.LEADERSHIP, PilotTheme.FOLLOW_UP],
    [PilotSector.SOCIAL_CARE],
    [TrustMethod.LESS_DETAIL_STEERING, TrustMethod.ADMINISTRATIVE_TASKS_TO_ADMINISTRATION],
    [
      { organisationId: varberg.root.id, level: lvl.POLITICAL_PRINCIPAL, role: ParticipantRole.LEAD },
      { organisationId: varberg.adm.id, level: lvl.ADMINISTRATION_MANAGEMENT },
      ...varberg.units.map((u) => ({ organisationId: u.id, level: lvl.FRONT_LINE })),
      { organisationId: sthlm.adm.id, level: lvl.ADMINISTRATION_MANAGEMENT },
      ...sthlm.units.map((u) => ({ organisationId: u.id, level: lvl.FRONT_LINE })),
    ],
    [r1[0], r1[1]],
  );
  const primary = await pilot(
    'DEMO-PRIMARVARD',
    'Dialogbaserad uppföljning i primärvården',
    [PilotTheme.FOLLOW_UP, PilotTheme.COMPENSATION_MODELS],
    [PilotSector.HEALTH_CARE],
    [TrustMethod.STAFF_ANCHORED_FOLLOW_UP, TrustMethod.KNOWLEDGE_DEVELOPMENT_STRUCTURES],
    [
      { organisationId: halland.root.id, level: lvl.COMMISSIONER, role: ParticipantRole.LEAD },
      ...halland.units.map((u) => ({ organisationId: u.id, level: lvl.UNIT_MANAGEMENT })),
      { organisationId: capio.id, level: lvl.UNIT_MANAGEMENT },
      { organisationId: sll.adm.id, level: lvl.ADMINISTRATION_MANAGEMENT },
      ...sll.units.map((u) => ({ organisationId: u.id, level: lvl.UNIT_MANAGEMENT })),
    ],
    [r1[1], r1[2]],
  );
  const supervision = await pilot(
    'DEMO-TILLSYN',
    'Lärande tillsyn',
    [PilotTheme.SUPERVISION],
    [PilotSector.SUPERVISION],
    [TrustMethod.STAFF_ANCHORED_FOLLOW_UP],
    [
      { organisationId: ivo.id, level: lvl.STATE, role: ParticipantRole.SUPERVISORY },
      ...others.slice(2, 4).flatMap((o) => [
        { organisationId: o.root.id, level: lvl.POLITICAL_PRINCIPAL },
        { organisationId: o.units[0].id, level: lvl.FRONT_LINE },
      ]),
    ],
    [r1[3]],
  );
  const cooperation = await pilot(
    'DEMO-SAMVERKAN',
    'Samverkan kring äldre med stora behov',
    [PilotTheme.COOPERATION, PilotTheme.INNOVATION],
    [PilotSector.SOCIAL_CARE, PilotSector.HEALTH_CARE],
    [TrustMethod.ORGANISATIONAL_LEGAL_FINANCIAL_CONDITIONS, TrustMethod.PROFESSIONALS_IN_DECISIONS],
    [
      ...[others[1], others[4], others[6]].flatMap((o) => [
        { organisationId: o.adm.id, level: lvl.ADMINISTRATION_MANAGEMENT },
        { organisationId: o.units[0].id, level: lvl.FRONT_LINE },
      ]),
    ],
    [r1[2], r1[3]],
  );

  // ---------------------------------------------------------------- observations
  log('observations');
  const plan = [
    { pilot: homeCare, units: [...varberg.units, ...sthlm.units, varberg.adm], researchers: [0, 1] },
    { pilot: primary, units: [...halland.units, ...sll.units, capio], researchers: [1, 2] },
    { pilot: supervision, units: others.slice(2, 4).map((o) => o.units[0]), researchers: [3] },
    { pilot: cooperation, units: [others[1], others[4], others[6]].map((o) => o.units[0]), researchers: [2, 3] },
  ];
  for (const p of plan) {
    for (let i = 0; i < 60; i++) {
      const day = addDays(yearAgo, Math.floor((i / 60) * 360) + r.int(0, 5));
      const researcher = researcherUsers[r.pick(p.researchers)];
      const actor: AuthUser = { id: researcher.id, role: Role.RESEARCHER, organisationId: null };
      const text = Array.from({ length: r.int(3, 6) }, () => r.pick(SENTENCES)).join(' ');
      // Later in the year, more "less detail steering" that strengthens trust: a visible trend.
      const late = i > 30;
      const obs = await observations.log(actor, {
        pilotId: p.pilot.id,
        organisationId: r.pick(p.units).id,
        level: r.pick([lvl.FRONT_LINE, lvl.UNIT_MANAGEMENT, lvl.ADMINISTRATION_MANAGEMENT]),
        occurredOn: iso(day),
        kind: r.pick(Object.values(ObservationKind)),
        respondentRole: r.pick(Object.values(RespondentRole)),
        title: `${r.pick(TITLES)} (demo)`,
        text: `[Syntetiska demodata] ${text}`,
        codes: syntheticCodes(r, late, 0.6, polarity),
        tags: ['demo', ...r.some(['tidstjuv', 'dialog', 'dokumentation', 'samverkan', 'ledarskap'], 2)],
      });
      count('observations');
      if (i % 3 === 0) {
        const first = text.split('. ')[0];
        await observations.addSegment(actor, {
          observationId: obs.id,
          start: Array.from('[Syntetiska demodata] ').length,
          end: Array.from('[Syntetiska demodata] ').length + Array.from(first).length,
          codes: {
            forms: [],
            relations: [],
            methods: withPolarity(polarity, r.some(Object.values(TrustMethod), 1)),
            trustworthiness: [],
            effectOnTrust: r.pick(Object.values(TrustEffect)),
          },
          memo: 'Demo-kodning av första meningen.',
        });
        count('coded segments');
      }
    }
  }

  // ---------------------------------------------------------------- staff sizes
  // Varberg's units know their size: the plausibility rules use it, and analysts get reporting
  // hours as a share of working time.
  log('staff sizes');
  for (const unit of varberg.units) {
    await staffSizes.report(admin, { organisationId: unit.id, validFrom: iso(addDays(yearAgo, -730)), fte: r.int(16, 30), headcount: r.int(22, 36) });
    count('staff sizes');
  }

  // ---------------------------------------------------------------- steering, indicators, burden
  log('steering instruments, indicators and monthly burden');
  await steering.createInstrument(admin, {
    name: 'Sammanhållen vård och omsorg om de mest sjuka äldre 2012 (demo-exempel)',
    description: 'Överenskommelse mellan staten och SKL; prestationsbaserade medel (se docs/sources.md: uppsatsen om överenskommelser som styrmedel, bilaga).',
    kind: InstrumentKind.STATE_SKL_AGREEMENT,
    governanceForm: GovernanceForm.EKONOMI,
    imposedById: state.id,
    appliesToIds: [halland.root.id, varberg.root.id, sthlm.root.id],
    validFrom: '2012-01-01',
    validTo: '2014-12-31',
    amountSek: 325_000_000,
    conditions: '10 % minskning av olämplig läkemedelsanvändning september 2011 – september 2012 (70/30 mellan kommuner och landsting).',
  });
  count('steering instruments');
  const instruments = [
    {
      name: 'Vårdval Halland: ersättningsmodell (demo)',
      kind: InstrumentKind.COMPENSATION_MODEL,
      form: GovernanceForm.EKONOMI,
      by: halland.root.id,
      to: [...halland.units, capio],
      principle: CompensationPrinciple.CAPITATION,
    },
    {
      name: 'Senior alert (demo)',
      kind: InstrumentKind.QUALITY_REGISTRY,
      form: GovernanceForm.PRESTATION,
      by: state.id,
      to: [...varberg.units, ...sthlm.units],
    },
    {
      name: 'Tidsregistrering i hemtjänsten (demo)',
      kind: InstrumentKind.PRINCIPAL_FOLLOW_UP,
      form: GovernanceForm.PRESTATION,
      by: varberg.root.id,
      to: varberg.units,
    },
    {
      name: 'Stadens uppföljning av hemtjänsten (demo)',
      kind: InstrumentKind.PRINCIPAL_FOLLOW_UP,
      form: GovernanceForm.PRESTATION,
      by: sthlm.root.id,
      to: sthlm.units,
    },
  ];
  const indicatorNames = [
    ['Andel besök inom planerad tid', MeasureType.PROCESS],
    ['Antal avvikelserapporter', MeasureType.PROCESS],
    ['Riskbedömningar genomförda', MeasureType.PROCESS],
    ['Brukarnöjdhet', MeasureType.RESULT],
    ['Bemanning per enhet', MeasureType.STRUCTURE],
  ] as const;
  for (const inst of instruments) {
    const created = await steering.createInstrument(admin, {
      name: inst.name,
      description: 'Demo.',
      kind: inst.kind,
      governanceForm: inst.form,
      compensationPrinciple: inst.principle ?? null,
      imposedById: inst.by,
      appliesToIds: inst.to.map((u) => u.id),
      validFrom: iso(addDays(yearAgo, -730)),
    });
    count('steering instruments');
    for (let k = 0; k < 3; k++) {
      const [name, measureType] = indicatorNames[(k + instruments.indexOf(inst)) % indicatorNames.length];
      // Indicators pile up: introduced at different times during the year.
      const introducedOn = iso(firstOfMonth(today, 12 - k * 4));
      const indicator = await steering.defineIndicator(admin, {
        name: `${name} (demo)`,
        description: 'Demo.',
        instrumentId: created.id,
        measureType,
        aggregationLevel: AggregationLevel.UNIT,
        reportingFrequency: ReportingFrequency.MONTHLY,
        paymentDependent: inst.kind === InstrumentKind.COMPENSATION_MODEL,
        introducedOn,
      });
      count('indicators');
      for (const unit of inst.to) {
        for (let m = 12; m >= 1; m--) {
          const periodStart = iso(firstOfMonth(today, m));
          if (periodStart < introducedOn) continue;
          const sent = await burden.report(admin, {
            indicatorId: indicator.id,
            organisationId: unit.id,
            periodKind: PeriodKind.MONTH,
            periodStart,
            periodEnd: periodEnd(PeriodKind.MONTH, periodStart)!,
            staffHours: Math.round((6 + r.next() * 30) * 4) / 4,
            staffCount: r.int(2, 14),
            recordCount: r.int(20, 600),
            doubleRegistration: r.next() < 0.3,
            usedForImprovement: r.pick(Object.values(ImprovementUse)),
            perceivedUsefulness: r.int(1, 5),
            comment: '',
          });
          // Received some days after the period (a quarter of them after the grace days), not on
          // the day the demo is loaded: reportingObligations then shows on-time and late reports.
          await ds.query(`UPDATE burden_report SET created_at = $2::date + $3::int + time '09:00' WHERE id = $1`, [sent.id, sent.periodEnd, r.int(1, 40)]);
          count('burden reports');
        }
      }
    }
  }

  // ---------------------------------------------------------------- corrections
  // What a correction looks like in the record: a report withdrawn with its reason and an
  // indicator retired (SOU 2017:56: new measures come in without old ones going out).
  log('corrections: a withdrawn report, a retired indicator');
  const [mistaken] = await ds.query(
    `SELECT b.id FROM burden_report b JOIN organisation o ON o.id = b.organisation_id WHERE o.parent_id = $1 AND b.period_end < $2::date - 90 ORDER BY b.period_start DESC, o.name LIMIT 1`,
    [varberg.adm.id, iso(today)],
  );
  await burden.withdraw(admin, { id: mistaken.id, reason: 'Rapporterad för fel enhet: timmarna gäller en annan hemtjänstgrupp (demo).' });
  count('withdrawn burden reports');
  const [retiring] = await ds.query(
    `SELECT i.id, i.version FROM indicator i JOIN steering_instrument si ON si.id = i.instrument_id WHERE si.imposed_by_id = $1 ORDER BY i.introduced_on, i.name LIMIT 1`,
    [varberg.root.id],
  );
  await steering.updateIndicator(admin, {
    id: retiring.id,
    expectedVersion: retiring.version,
    retiredOn: iso(addDays(firstOfMonth(today, 0), -1)),
    reason: 'Nämnden tar bort måttet: färre och mer samlade mått (demo).',
  });
  count('retired indicators');

  // ---------------------------------------------------------------- time thieves
  log('time thieves');
  const tasks = [
    'Avvikelserapport vid besök som drar över två minuter',
    'Dubbelregistrering av insatser i två system',
    'Manuell sammanställning av kvalitetsindikatorer',
    'Signering av varje utförd insats i mobilen',
    'Månadsrapport till förvaltningen',
    'Utskrift och inskanning av genomförandeplaner',
  ];
  for (let i = 0; i < 15; i++) {
    const unit = r.pick([...varberg.units, ...sthlm.units, ...halland.units]);
    const reportedOn = iso(addDays(yearAgo, r.int(0, 200)));
    const thief = await thieves.report(admin, {
      organisationId: unit.id,
      task: r.pick(tasks),
      process: 'Dokumentation',
      imposedByOrganisationId: r.pick([varberg.root, sthlm.root, halland.root]).id,
      minutesPerWeek: r.int(15, 240),
      staffAffected: r.int(3, 40),
      proposedRemedy: 'Ta bort eller förenkla kravet.',
      reportedOn,
    });
    count('time thieves');
    if (i === 0) {
      await thieves.update(admin, {
        id: thief.id,
        expectedVersion: thief.version,
        minutesPerWeek: thief.minutesPerWeek * 2,
        reason: 'Enheten räknade per halvvecka; rättat till minuter per vecka (demo).',
      });
      count('corrected time thieves');
    }
    if (r.next() < 0.7) {
      const reviewOn = iso(addDays(new Date(reportedOn), r.int(10, 60)));
      await thieves.updateStatus(admin, { id: thief.id, status: TimeThiefStatus.UNDER_REVIEW, changedOn: reviewOn });
      if (r.next() < 0.7) {
        const kept = r.next() < 0.3;
        await thieves.updateStatus(admin, {
          id: thief.id,
          status: kept ? TimeThiefStatus.KEPT : TimeThiefStatus.REMOVED,
          reason: kept ? 'Krävs enligt lag (demo).' : null,
          changedOn: iso(addDays(new Date(reviewOn), r.int(10, 90))),
        });
      }
    }
  }

  // ---------------------------------------------------------------- surveys
  log('survey waves and responses');
  for (const [p, units] of [
    [homeCare, [...varberg.units, ...sthlm.units]],
    [primary, [...halland.units, ...sll.units]],
  ] as const) {
    const waves = [
      { label: 'Baseline (demo)', opensOn: iso(addDays(yearAgo, 14)), closesOn: iso(addDays(yearAgo, 35)), lift: 0 },
      { label: 'Uppföljning 1 (demo)', opensOn: iso(addDays(today, -40)), closesOn: iso(addDays(today, -19)), lift: 0.5 },
    ];
    for (const w of waves) {
      const wave = await surveyWaves.open(admin, {
        pilotId: p.id,
        instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID,
        label: w.label,
        opensOn: w.opensOn,
        closesOn: w.closesOn,
        unitIds: units.map((u) => u.id),
      });
      count('survey waves');
      const responses = Array.from({ length: 150 }, (_, i) => {
        const unitBias = (units.indexOf(units[i % units.length]) % 3) * 0.3;
        // `lift` moves every answer the way a trust-based pilot hopes: more discretion and trust,
        // less detail steering (D2, reverse-scored) and less administrative burden (A1, A2).
        const likert = (base: number, dir = 1) =>
          r.next() < 0.04 ? null : Math.max(1, Math.min(5, Math.round(base + dir * (unitBias + w.lift) + (r.next() - 0.5) * 2)));
        const answers = [
          likert(3),
          likert(3, -1),
          likert(3.2),
          likert(2.8),
          Math.min(100, r.int(35, 70) + Math.round(w.lift * 16)),
          Math.max(5, r.int(15, 40) - Math.round(w.lift * 16)),
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
        ];
        return {
          unitId: units[i % units.length].id,
          category: r.next() < 0.85 ? RespondentCategory.FRONT_LINE_STAFF : RespondentCategory.FIRST_LINE_MANAGER,
          tenureBand: r.pick([...Object.values(TenureBand), null]),
          panelKey: i < 60 ? `demo-panel-${p.code}-${i}` : null,
          answers,
        };
      });
      await surveys.submit(admin, { waveId: wave.id, responses }, { asOf: w.opensOn });
      count('survey responses', responses.length);
    }
  }

  // One wave open on the day the demo is loaded, whatever the day: staff of Varberg's home care
  // answer it through survey links the demo reporter makes (docs/web.md). No responses yet.
  const loadDay = iso(new Date());
  await surveyWaves.open(admin, {
    pilotId: homeCare.id,
    instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID,
    label: 'Uppföljning 2 (demo, öppen)',
    opensOn: loadDay,
    closesOn: iso(addDays(new Date(`${loadDay}T00:00:00Z`), 28)),
    unitIds: varberg.units.map((u) => u.id),
  });
  count('survey waves');

  // A pulse survey just after the demo year that only three staff answered: below the threshold,
  // so every result of it is suppressed (discretionResults and the report document show how).
  const pulse = await surveyWaves.open(admin, {
    pilotId: homeCare.id,
    instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID,
    label: 'Pulsmätning (demo, få svar)',
    opensOn: iso(addDays(today, 4)),
    closesOn: iso(addDays(today, 15)),
    unitIds: varberg.units.map((u) => u.id),
  });
  const pulseAnswers = () => Array.from({ length: 16 }, () => r.int(2, 5));
  await surveys.submit(
    admin,
    {
      waveId: pulse.id,
      responses: [0, 1, 2].map((i) => ({
        unitId: varberg.units[i % varberg.units.length].id,
        category: RespondentCategory.FRONT_LINE_STAFF,
        tenureBand: null,
        panelKey: null,
        answers: pulseAnswers(),
      })),
    },
    { asOf: iso(addDays(today, 5)) },
  );
  count('survey waves');
  count('survey responses', 3);

  log('findings: supervision, obstacles, effects, ideas and an evaluation report');
  await seedFindings(app, {
    admin,
    researcherId: researcherUsers[0].id,
    homeCare,
    supervisionPilot: supervision,
    ivoId: ivo.id,
    supervised: others.slice(2, 4).map((o) => o.root),
    leadOrganisationId: varberg.root.id,
    administrationId: varberg.adm.id,
    day: (offset) => iso(addDays(yearAgo, offset)),
    count,
  });

  return {
    password,
    users: ['admin', 'forskare1', 'analytiker', 'rapportor-varberg'].map(mail),
    counts,
    seconds: (Date.now() - started) / 1000,
  };
}
