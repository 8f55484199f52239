import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { Role } from '../../src/common/auth/role.enum';
import { OrganisationKind } from '../../src/modules/organisation/organisation.enums';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { DEFAULT_SURVEY_INSTRUMENT_ID } from '../../src/modules/survey/survey.enums';
import { makeOrganisation, makePilot, userWithToken, seen } from '../factories';
import { GqlResponse, startTestApp, TestApp } from '../utils/test-app';

/**
 * One table for every role × resource: the GraphQL list, the nested fields, the counts in
 * analytics, timeline and signals, and the exports agree on which rows the caller sees — and a
 * row outside that answers exactly like one that does not exist. The expected sets are written
 * out for the cases the rules exist for (docs/architecture.md, "Access control").
 */

const MISSING = '00000000-0000-4000-8000-0000000000ff';
const PERIOD = { from: '2017-01-01', to: '2017-12-31' };

type Ids = string[];
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

describe('who sees what, on every path', () => {
  let t: TestApp;
  let admin: string;
  const org: Record<string, string> = {};
  const pilot: Record<string, string> = {};
  const obs: Record<string, string[]> = { P1: [], P2: [] };
  const burden: Record<string, string> = {};
  const thief: Record<string, string> = {};
  const wave: Record<string, string> = {};
  const finding: Record<string, string> = {};
  const supervision: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(res.text);
    return res.data!;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    // Two municipalities in pilots, one outside any, a region and a state agency.
    org.kommunA = (await makeOrganisation(t.ds, { name: 'A kommun' })).id;
    org.admA = (await makeOrganisation(t.ds, { name: 'A socialförvaltning', parentId: org.kommunA })).id;
    org.unitA1 = (await makeOrganisation(t.ds, { name: 'A hemtjänst 1', parentId: org.admA })).id;
    org.unitA2 = (await makeOrganisation(t.ds, { name: 'A hemtjänst 2', parentId: org.admA })).id;
    org.kommunB = (await makeOrganisation(t.ds, { name: 'B kommun' })).id;
    org.unitB1 = (await makeOrganisation(t.ds, { name: 'B hemtjänst', parentId: org.kommunB })).id;
    org.kommunC = (await makeOrganisation(t.ds, { name: 'C kommun' })).id;
    org.region = (await makeOrganisation(t.ds, { name: 'R region' })).id;
    org.agency = (await makeOrganisation(t.ds, { name: 'S myndighet' })).id;

    const following = await userWithToken(t, { role: Role.RESEARCHER });
    tokens.admin = admin;
    tokens.analyst = (await userWithToken(t, { role: Role.ANALYST })).token;
    tokens.researcherFollowing = following.token;
    tokens.researcherNone = (await userWithToken(t, { role: Role.RESEARCHER })).token;
    tokens.reporterInPilot = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: org.kommunA })).token;
    tokens.reporterOutside = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: org.kommunC })).token;

    pilot.P1 = (
      await makePilot(
        t.ds,
        { code: 'VIS-1', startsOn: '2017-01-01', endsOn: null },
        [
          { organisationId: org.kommunA, level: SteeringLevel.POLITICAL_PRINCIPAL },
          { organisationId: org.region, level: SteeringLevel.POLITICAL_PRINCIPAL },
        ],
        [{ userId: following.user.id, fromDate: '2017-01-01' }],
      )
    ).id;
    pilot.P2 = (
      await makePilot(t.ds, { code: 'VIS-2', startsOn: '2017-01-01', endsOn: null }, [
        { organisationId: org.kommunB, level: SteeringLevel.POLITICAL_PRINCIPAL },
      ])
    ).id;

    const observe = async (p: 'P1' | 'P2', organisationId: string, day: string) => {
      const data = await ok(
        'mutation($input: LogObservationInput!) { logObservation(input: $input) { id } }',
        {
          input: {
            pilotId: pilot[p],
            organisationId,
            level: 'FRONT_LINE',
            occurredOn: `2017-${day}`,
            kind: 'MEETING',
            title: `Möte ${p} ${day}`,
            text: 'Dialog om uppföljning.',
            codes: { methods: [seen('LESS_DETAIL_STEERING')] },
            tags: [],
          },
        },
        admin,
      );
      obs[p].push(data.logObservation.id);
    };
    await observe('P1', org.unitA1, '03-01');
    await observe('P1', org.unitA1, '05-01');
    await observe('P1', org.region, '06-01');
    await observe('P2', org.unitB1, '04-01');
    await observe('P2', org.unitB1, '07-01');

    const instrument = async (name: string, imposedById: string, appliesToIds: string[]) => {
      const i = await ok(
        'mutation($input: CreateSteeringInstrumentInput!) { createSteeringInstrument(input: $input) { id } }',
        {
          input: { name, kind: 'PRINCIPAL_FOLLOW_UP', governanceForm: 'PRESTATION', imposedById, appliesToIds, validFrom: '2016-01-01' },
        },
        admin,
      );
      const ind = await ok(
        'mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { id } }',
        {
          input: {
            name: `${name}: mått`,
            instrumentId: i.createSteeringInstrument.id,
            measureType: 'PROCESS',
            aggregationLevel: 'UNIT',
            reportingFrequency: 'MONTHLY',
            paymentDependent: false,
            introducedOn: '2016-01-01',
          },
        },
        admin,
      );
      return ind.defineIndicator.id as string;
    };
    const indA = await instrument('Myndighetens uppföljning', org.agency, [org.unitA1]);
    const indB = await instrument('Regionens uppföljning', org.region, [org.unitB1]);
    const report = async (key: string, indicatorId: string, organisationId: string) => {
      const data = await ok(
        'mutation($input: ReportIndicatorBurdenInput!) { reportIndicatorBurden(input: $input) { id } }',
        {
          input: {
            indicatorId,
            organisationId,
            periodKind: 'MONTH',
            periodStart: '2017-03-01',
            periodEnd: '2017-03-31',
            staffHours: 10,
            staffCount: 2,
            doubleRegistration: false,
            usedForImprovement: 'NO',
          },
        },
        admin,
      );
      burden[key] = data.reportIndicatorBurden.id;
    };
    await report('A1', indA, org.unitA1);
    await report('B1', indB, org.unitB1);
    const timeThief = async (key: string, organisationId: string) => {
      const data = await ok(
        'mutation($input: ReportTimeThiefInput!) { reportTimeThief(input: $input) { id } }',
        {
          input: {
            organisationId,
            task: `Dubbeldokumentation ${key}`,
            process: 'Dokumentation',
            minutesPerWeek: 30,
            staffAffected: 5,
            proposedRemedy: 'Ta bort',
            reportedOn: '2017-04-03',
          },
        },
        admin,
      );
      thief[key] = data.reportTimeThief.id;
    };
    await timeThief('A2', org.unitA2);
    await timeThief('B1', org.unitB1);
    await timeThief('R', org.region);
    const open = async (key: string, p: string, unitIds: string[]) => {
      const data = await ok(
        'mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { id } }',
        {
          input: { pilotId: p, instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, label: `Våg ${key}`, opensOn: '2017-09-01', closesOn: '2017-09-30', unitIds },
        },
        admin,
      );
      wave[key] = data.openSurveyWave.id;
    };
    await open('W1', pilot.P1, [org.unitA1, org.unitA2]);
    await open('W2', pilot.P2, [org.unitB1]);

    // The pilots' findings (issue 13): an obstacle, an effect and a draft and a published idea in each.
    for (const [p, unit] of [
      ['P1', org.unitA1],
      ['P2', org.unitB1],
    ] as const) {
      const m = async (mutation: string, input: Record<string, unknown>) => Object.values(await ok(mutation, { input }, admin))[0] as { id: string };
      finding[`obstacle${p}`] = (
        await m('mutation($input: RecordObstacleInput!) { recordObstacle(input: $input) { id } }', {
          pilotId: pilot[p],
          organisationIds: [unit],
          type: 'IT_SYSTEMS',
          description: `Hinder ${p}`,
          level: 'FRONT_LINE',
          proposedChange: 'x',
          identifiedOn: '2017-05-02',
        })
      ).id;
      finding[`effect${p}`] = (
        await m('mutation($input: RecordEffectInput!) { recordEffect(input: $input) { id } }', {
          pilotId: pilot[p],
          periodStart: '2017-01-01',
          periodEnd: '2017-06-30',
          aspect: 'QUALITY',
          direction: 'BETTER',
          evidenceStrength: 'WEAK',
          assessment: `Effekt ${p}`,
        })
      ).id;
      for (const state of ['draft', 'published']) {
        const idea = await m('mutation($input: RecordIdeaInput!) { recordIdea(input: $input) { id } }', {
          pilotId: pilot[p],
          title: `Idé ${p} ${state}`,
          problem: 'x',
          whatWasDone: 'y',
        });
        if (state === 'published') await m('mutation($input: PublishIdeaInput!) { publishIdea(input: $input) { id } }', { id: idea.id, reason: 'Klar' });
        finding[`idea${p}${state}`] = idea.id;
      }
    }
    const agency = (await makeOrganisation(t.ds, { name: 'T tillsyn', kind: OrganisationKind.SUPERVISORY_AGENCY })).id;
    for (const [key, organisationId] of [
      ['A2', org.unitA2],
      ['B1', org.unitB1],
    ]) {
      const data = await ok(
        'mutation($input: RecordSupervisionInteractionInput!) { recordSupervisionInteraction(input: $input) { id } }',
        { input: { organisationId, supervisorId: agency, occurredOn: '2017-06-01', kind: 'INSPECTION', staffHours: 3, character: 'CONTROLLING' } },
        admin,
      );
      supervision[key] = data.recordSupervisionInteraction.id;
    }
  });
  afterAll(() => t.close());

  /** The CSV export's values of one column. */
  const csvColumn = async (file: string, column: string, token: string): Promise<Ids> => {
    const res = await fetch(`${t.url}/export/${file}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status === 403) return [];
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.split('\n')[0]).toContain(column); // the header row is there, even for no rows
    return sorted((parse(text, { columns: true }) as Record<string, string>[]).map((r) => r[column]));
  };

  const listIds = async (query: string, field: string, token: string): Promise<Ids | 'FORBIDDEN'> => {
    const res = await t.gql(`{ ${field}(first: 100) ${query} }`, {}, token);
    if (res.errors?.[0]?.extensions?.code === 'FORBIDDEN') return 'FORBIDDEN';
    if (res.errors) throw new Error(res.text);
    return sorted(res.data![field].edges.map((e: { node: { id: string } }) => e.node.id));
  };

  const timeline = async (p: string, token: string) => {
    const res = await t.gql('query($p: ID!) { pilotTimeline(pilotId: $p, from: "2017-01-01", to: "2017-12-31") { type entityId } }', { p }, token);
    if (res.errors?.[0]?.extensions?.code === 'NOT_FOUND') return undefined;
    if (res.errors) throw new Error(res.text);
    return res.data!.pilotTimeline as { type: string; entityId: string }[];
  };

  /** A hidden row answers like a missing one: same code, same message but for the id. */
  const sameAsMissing = (hidden: GqlResponse, hiddenId: string, missing: GqlResponse) => {
    expect(hidden.data).toBeNull();
    expect(hidden.errors![0].extensions).toEqual(missing.errors![0].extensions);
    expect(hidden.errors![0].message.replace(hiddenId, 'ID')).toBe(missing.errors![0].message.replace(MISSING, 'ID'));
  };

  const ROLES = ['admin', 'analyst', 'researcherFollowing', 'researcherNone', 'reporterInPilot', 'reporterOutside'] as const;
  type RoleName = (typeof ROLES)[number];
  const all = (o: Record<string, string>) => Object.values(o);

  describe('organisations', () => {
    const expected = (role: RoleName): Ids =>
      sorted(
        role === 'reporterInPilot'
          ? // its subtree, the co-participant of its pilot, and the agency steering one of its units
            [org.kommunA, org.admA, org.unitA1, org.unitA2, org.region, org.agency]
          : role === 'reporterOutside'
            ? [org.kommunC]
            : all(org),
      );

    it.each(ROLES)('%s: the list, every nested organisation field and the single look-up agree', async (role) => {
      const token = tokens[role];
      const list = (await listIds('{ edges { node { id } } }', 'organisations', token)) as Ids;
      const ours = list.filter((id) => all(org).includes(id));
      expect(ours).toEqual(expected(role));

      const nested = await ok(
        `{
        organisations(first: 100) { edges { node { parent { id } children { id } } } }
        pilots(first: 100) { edges { node { participants { organisation { id } } organisations { id } } } }
        steeringInstruments(first: 100) { edges { node { imposedBy { id } appliesTo { id } } } }
        burdenReports(first: 100) { edges { node { organisation { id } } } }
        timeThieves(first: 100) { edges { node { organisation { id } imposedByOrganisation { id } } } }
        surveyWaves(first: 100) { edges { node { units { id } } } }
      }`,
        {},
        token,
      );
      const seen = new Set<string>();
      JSON.stringify(nested, (k, v) => (k === 'id' && typeof v === 'string' && seen.add(v), v));
      for (const id of seen) expect({ role, id, visible: list.includes(id) }).toEqual({ role, id, visible: true });

      const missing = await t.gql('query($id: ID!) { organisation(id: $id) { id } }', { id: MISSING }, token);
      for (const id of all(org)) {
        const one = await t.gql('query($id: ID!) { organisation(id: $id) { id } }', { id }, token);
        if (list.includes(id)) expect(one.data!.organisation.id).toBe(id);
        else sameAsMissing(one, id, missing);
      }
    });
  });

  describe('pilots', () => {
    it.each(ROLES)('%s: the list, the single look-up, timeline and signals agree', async (role) => {
      const token = tokens[role];
      const list = (await listIds('{ edges { node { id } } }', 'pilots', token)) as Ids;
      const expected = role === 'reporterInPilot' ? [pilot.P1] : role === 'reporterOutside' ? [] : all(pilot);
      expect(list).toEqual(sorted(expected));
      const missing = await t.gql('query($id: ID!) { pilot(id: $id) { id } }', { id: MISSING }, token);
      for (const id of all(pilot)) {
        const one = await t.gql('query($id: ID!) { pilot(id: $id) { id } }', { id }, token);
        if (list.includes(id)) expect(one.data!.pilot.id).toBe(id);
        else sameAsMissing(one, id, missing);
        expect({ id, timeline: (await timeline(id, token)) !== undefined }).toEqual({ id, timeline: list.includes(id) });
      }
    });
  });

  describe('observations', () => {
    const readable = (role: RoleName) => (['admin', 'analyst'].includes(role) ? [...obs.P1, ...obs.P2] : role === 'researcherFollowing' ? obs.P1 : []);
    /** Org reporters count (never read) the observations made in their own organisation and units. */
    const countable = (role: RoleName) => (role === 'reporterInPilot' ? obs.P1.slice(0, 2) : role === 'reporterOutside' ? [] : readable(role));

    it.each(ROLES)(
      '%s: list, single look-up, CSV, REFI and timeline show the readable ones; signals and code counts count the countable ones',
      async (role) => {
        const token = tokens[role];
        const reader = !role.startsWith('reporter');
        const list = await listIds('{ edges { node { id } } }', 'observations', token);
        expect(list).toEqual(reader ? sorted(readable(role)) : 'FORBIDDEN');
        if (reader) {
          expect(await csvColumn('observations.csv', 'observation_id', token)).toEqual(sorted(readable(role)));
          expect(await csvColumn('observation-codes.csv', 'observation_id', token)).toEqual(sorted(readable(role)));
          const missing = await t.gql('query($id: ID!) { observation(id: $id) { id } }', { id: MISSING }, token);
          for (const id of [...obs.P1, ...obs.P2]) {
            const one = await t.gql('query($id: ID!) { observation(id: $id) { id } }', { id }, token);
            if (readable(role).includes(id)) expect(one.data!.observation.id).toBe(id);
            else sameAsMissing(one, id, missing);
          }
          for (const p of ['P1', 'P2'] as const) {
            const res = await fetch(`${t.url}/export/refi/${pilot[p]}.qdpx`, { headers: { authorization: `Bearer ${token}` } });
            expect(res.status).toBe(200);
            const xml = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['project.qde']);
            const sources = sorted([...xml.matchAll(/<TextSource guid="([^"]+)"/g)].map((m) => m[1]));
            expect({ p, sources }).toEqual({ p, sources: sorted(obs[p].filter((id) => readable(role).includes(id))) });
          }
        }
        const visiblePilots = (await listIds('{ edges { node { id } } }', 'pilots', token)) as Ids;
        for (const p of ['P1', 'P2'] as const) {
          if (!visiblePilots.includes(pilot[p])) continue;
          const events = (await timeline(pilot[p], token))!.filter((e) => e.type === 'OBSERVATION').map((e) => e.entityId);
          expect({ p, events: sorted(events) }).toEqual({ p, events: sorted(obs[p].filter((id) => readable(role).includes(id))) });
          const signals = await ok(
            `query($p: ID!) { pilotSignals(input: { pilotId: $p, from: "2017-01-01", to: "2017-12-31", bucket: YEAR,
            codes: [{ dimension: METHOD, code: "LESS_DETAIL_STEERING:INTRODUCED_OR_STRENGTHENED" }] }) { observations codeCounts { count } } }`,
            { p: pilot[p] },
            token,
          );
          const counted = obs[p].filter((id) => countable(role).includes(id)).length;
          expect({ p, observations: signals.pilotSignals[0].observations, coded: signals.pilotSignals[0].codeCounts[0].count }).toEqual({
            p,
            observations: counted,
            coded: counted,
          });
        }
        const freq = await ok('{ codeFrequencies(input: { unit: OBSERVATIONS, dimensions: [METHOD] }) { code count } }', {}, token);
        expect(freq.codeFrequencies.find((r: { code: string }) => r.code === 'LESS_DETAIL_STEERING:INTRODUCED_OR_STRENGTHENED')?.count ?? 0).toBe(
          countable(role).length,
        );
      },
    );
  });

  describe('reports about organisations', () => {
    const inView = (role: RoleName, byOrg: Record<string, string>, orgOf: Record<string, string>) =>
      Object.entries(byOrg)
        .filter(([key]) => {
          const o = orgOf[key];
          if (['admin', 'analyst'].includes(role)) return true;
          if (role === 'reporterInPilot') return [org.kommunA, org.admA, org.unitA1, org.unitA2].includes(o);
          if (role === 'researcherFollowing') return [org.kommunA, org.admA, org.unitA1, org.unitA2, org.region].includes(o);
          return false;
        })
        .map(([, id]) => id);

    it.each(ROLES)('%s: burden reports in the list, the CSV and the series agree', async (role) => {
      const token = tokens[role];
      const expected = sorted(inView(role, burden, { A1: org.unitA1, B1: org.unitB1 }));
      expect(await listIds('{ edges { node { id } } }', 'burdenReports', token)).toEqual(expected);
      expect(await csvColumn('burden-reports.csv', 'report_id', token)).toEqual(expected);
      const series = await ok(`{ burdenSeries(input: { from: "${PERIOD.from}", to: "${PERIOD.to}", bucket: YEAR }) { reports } }`, {}, token);
      expect(series.burdenSeries.reduce((n: number, r: { reports: number }) => n + r.reports, 0)).toBe(expected.length);
    });

    it.each(ROLES)('%s: supervisory contacts in the list, the CSV, the load and the timelines agree', async (role) => {
      const token = tokens[role];
      const expected = sorted(inView(role, supervision, { A2: org.unitA2, B1: org.unitB1 }));
      expect(await listIds('{ edges { node { id } } }', 'supervisionInteractions', token)).toEqual(expected);
      expect(await csvColumn('supervision.csv', 'supervision_id', token)).toEqual(expected);
      const load = await ok(`{ supervisionLoad(input: { from: "${PERIOD.from}", to: "${PERIOD.to}", bucket: YEAR }) { interactions } }`, {}, token);
      expect(load.supervisionLoad.reduce((n: number, r: { interactions: number }) => n + r.interactions, 0)).toBe(expected.length);
      const inTimelines: string[] = [];
      for (const p of all(pilot)) inTimelines.push(...((await timeline(p, token)) ?? []).filter((e) => e.type === 'SUPERVISION').map((e) => e.entityId));
      expect(sorted(inTimelines)).toEqual(expected);
    });

    it.each(ROLES)('%s: time thieves in the list, the CSV, the summary and the timelines agree', async (role) => {
      const token = tokens[role];
      const expected = sorted(inView(role, thief, { A2: org.unitA2, B1: org.unitB1, R: org.region }));
      expect(await listIds('{ edges { node { id } } }', 'timeThieves', token)).toEqual(expected);
      expect(await csvColumn('time-thieves.csv', 'time_thief_id', token)).toEqual(expected);
      const summary = await ok(`{ timeThiefSummary(input: { from: "${PERIOD.from}", to: "${PERIOD.to}", bucket: YEAR }) { reported } }`, {}, token);
      expect(summary.timeThiefSummary.reduce((n: number, r: { reported: number }) => n + r.reported, 0)).toBe(expected.length);
      const inTimelines: string[] = [];
      for (const p of all(pilot)) inTimelines.push(...((await timeline(p, token)) ?? []).filter((e) => e.type.startsWith('TIME_THIEF')).map((e) => e.entityId));
      expect(sorted(inTimelines)).toEqual(expected);
    });
  });

  describe('findings of the pilots', () => {
    const researchFindings = (role: RoleName, kind: 'obstacle' | 'effect') =>
      ['admin', 'analyst'].includes(role)
        ? [finding[`${kind}P1`], finding[`${kind}P2`]]
        : role === 'researcherFollowing'
          ? [finding[`${kind}P1`]]
          : kind === 'obstacle' && role === 'reporterInPilot'
            ? [finding.obstacleP1] // it names a unit of the reporter's own organisation
            : [];
    const ideas = (role: RoleName) => {
      const published = [finding.ideaP1published, finding.ideaP2published];
      if (['admin', 'analyst'].includes(role)) return [...published, finding.ideaP1draft, finding.ideaP2draft];
      return role === 'researcherFollowing' ? [...published, finding.ideaP1draft] : published;
    };

    it.each(ROLES)('%s: obstacles, effects and ideas in the lists, the CSVs, the single look-ups and the timelines agree', async (role) => {
      const token = tokens[role];
      const reader = !role.startsWith('reporter');
      for (const [kind, field, file, column] of [
        ['obstacle', 'obstacles', 'obstacles.csv', 'obstacle_id'],
        ['effect', 'effects', 'effects.csv', 'effect_id'],
      ] as const) {
        const expected = sorted(researchFindings(role, kind));
        const list = await listIds('{ edges { node { id } } }', field, token);
        expect({ kind, list }).toEqual({ kind, list: kind === 'effect' && !reader ? 'FORBIDDEN' : expected });
        expect({ kind, csv: await csvColumn(file, column, token) }).toEqual({ kind, csv: kind === 'effect' && !reader ? [] : expected });
        if (kind === 'effect' && !reader) continue;
        const missing = await t.gql(`query($id: ID!) { ${kind}(id: $id) { id } }`, { id: MISSING }, token);
        for (const id of [finding[`${kind}P1`], finding[`${kind}P2`]]) {
          const one = await t.gql(`query($id: ID!) { ${kind}(id: $id) { id } }`, { id }, token);
          if (expected.includes(id)) expect(one.data![kind].id).toBe(id);
          else sameAsMissing(one, id, missing);
        }
      }
      expect(await listIds('{ edges { node { id } } }', 'ideas', token)).toEqual(sorted(ideas(role)));
      expect(await csvColumn('ideas.csv', 'idea_id', token)).toEqual(sorted(ideas(role)));
      const inTimelines: string[] = [];
      for (const p of all(pilot)) {
        inTimelines.push(...((await timeline(p, token)) ?? []).filter((e) => /^(OBSTACLE|EFFECT)/.test(e.type)).map((e) => e.entityId));
      }
      expect(sorted(inTimelines)).toEqual(sorted([...researchFindings(role, 'obstacle'), ...(reader ? researchFindings(role, 'effect') : [])]));
    });
  });

  describe('survey waves', () => {
    it.each(ROLES)('%s: the list, the CSV template and the timelines agree', async (role) => {
      const token = tokens[role];
      const expected = sorted(role === 'reporterInPilot' ? [wave.W1] : role === 'reporterOutside' ? [] : all(wave));
      expect(await listIds('{ edges { node { id } } }', 'surveyWaves', token)).toEqual(expected);
      const inTimelines: string[] = [];
      for (const p of all(pilot)) inTimelines.push(...((await timeline(p, token)) ?? []).filter((e) => e.type.startsWith('WAVE_')).map((e) => e.entityId));
      expect(sorted(inTimelines)).toEqual(expected);
      if (!role.startsWith('reporter') && role !== 'admin') return; // the template is for those who submit
      const missing = await fetch(`${t.url}/surveys/waves/${MISSING}/template.csv`, { headers: { authorization: `Bearer ${token}` } });
      for (const id of all(wave)) {
        const res = await fetch(`${t.url}/surveys/waves/${id}/template.csv`, { headers: { authorization: `Bearer ${token}` } });
        if (expected.includes(id)) expect(res.status).toBe(200);
        else {
          expect(res.status).toBe(404);
          expect((await res.text()).replace(id, 'ID').replace(/"requestId":"[^"]+"/, '')).toBe(
            (await missing.clone().text()).replace(MISSING, 'ID').replace(/"requestId":"[^"]+"/, ''),
          );
        }
      }
    });
  });
});
