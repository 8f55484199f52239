import { parse } from 'csv-parse/sync';
import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, userWithToken, seen } from '../factories';
import { startTestApp, TestApp } from '../utils/test-app';

const TEXT = 'Åsa säger: "Dialogen, inte systemet."\nRad två: öl, äpple; 😀';

describe('CSV exports', () => {
  let t: TestApp;
  let admin: string;
  let analyst: { user: { id: string }; token: string };
  let pilotId: string;
  let unit: { id: string };
  let other: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    analyst = await userWithToken(t, { role: Role.ANALYST });
    const state = await makeOrganisation(t.ds, { name: 'Staten' });
    const k = await makeOrganisation(t.ds, { name: 'Kommunen' });
    unit = await makeOrganisation(t.ds, { name: 'Enhet Å', parentId: k.id });
    other = await makeOrganisation(t.ds, { name: 'Annan' });
    pilotId = (
      await makePilot(t.ds, { code: 'EXP-1', startsOn: '2019-01-01', endsOn: null }, [{ organisationId: k.id, level: SteeringLevel.POLITICAL_PRINCIPAL }])
    ).id;
    const m = async (q: string, input: Record<string, unknown>) => {
      const res = await t.gql(q, { input }, admin);
      if (res.errors) throw new Error(res.text);
      return Object.values(res.data!)[0] as any;
    };
    const obs = await m('mutation($input: LogObservationInput!) { logObservation(input: $input) { id } }', {
      pilotId,
      organisationId: unit.id,
      level: 'FRONT_LINE',
      occurredOn: '2019-03-10',
      kind: 'INTERVIEW',
      title: 'Intervju, del 1',
      text: TEXT,
      codes: { forms: ['NORM', 'PRESTATION'], methods: [seen('VALUES_WORK')], effectOnTrust: 'STRENGTHENS' },
      tags: ['dialog'],
    });
    await m('mutation($input: AddCodedSegmentInput!) { addCodedSegment(input: $input) { id } }', {
      observationId: obs.id,
      start: 11,
      end: 37,
      codes: { methods: [seen('VALUES_WORK')] },
    });
    const inst = await m('mutation($input: CreateSteeringInstrumentInput!) { createSteeringInstrument(input: $input) { id } }', {
      name: 'Register',
      kind: 'QUALITY_REGISTRY',
      governanceForm: 'PRESTATION',
      imposedById: state.id,
      appliesToIds: [unit.id, other.id],
      validFrom: '2019-01-01',
    });
    const ind = await m('mutation($input: DefineIndicatorInput!) { defineIndicator(input: $input) { id } }', {
      name: 'Mått',
      instrumentId: inst.id,
      measureType: 'PROCESS',
      aggregationLevel: 'UNIT',
      reportingFrequency: 'MONTHLY',
      introducedOn: '2019-01-01',
    });
    for (const organisationId of [unit.id, other.id]) {
      await m('mutation($input: ReportIndicatorBurdenInput!) { reportIndicatorBurden(input: $input) { id } }', {
        indicatorId: ind.id,
        organisationId,
        periodKind: 'MONTH',
        periodStart: '2019-03-01',
        periodEnd: '2019-03-31',
        staffHours: 12.5,
        staffCount: 2,
        usedForImprovement: 'YES',
      });
    }
  });
  afterAll(() => t.close());

  const get = async (path: string, token?: string) => {
    const res = await fetch(`${t.url}/export/${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };
  const rows = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

  it('exports observations with their codes and the text exactly, quoting what CSV needs', async () => {
    const res = await get(`observations.csv?pilotId=${pilotId}`, analyst.token);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/csv; charset=utf-8');
    const [row] = rows(res.text);
    expect(row).toMatchObject({
      pilot_code: 'EXP-1',
      organisation: 'Enhet Å',
      occurred_on: '2019-03-10',
      kind: 'INTERVIEW',
      title: 'Intervju, del 1',
      forms: 'NORM;PRESTATION',
      methods: 'VALUES_WORK:INTRODUCED_OR_STRENGTHENED',
      effect_on_trust: 'STRENGTHENS',
      tags: 'dialog',
    });
    expect(row.text).toBe(TEXT);
  });

  it('exports codes and segments in long (tidy) form', async () => {
    const codes = rows((await get('observation-codes.csv', analyst.token)).text);
    expect(codes.map((r) => [r.dimension, r.code])).toEqual([
      ['EFFECT_ON_TRUST', 'STRENGTHENS'],
      ['FORM', 'NORM'],
      ['FORM', 'PRESTATION'],
      ['METHOD', 'VALUES_WORK:INTRODUCED_OR_STRENGTHENED'],
    ]);
    const segments = rows((await get('segments.csv', analyst.token)).text);
    expect(segments).toEqual([
      expect.objectContaining({
        start: '11',
        end: '37',
        quote: '"Dialogen, inte systemet."',
        dimension: 'METHOD',
        code: 'VALUES_WORK:INTRODUCED_OR_STRENGTHENED',
        stale: 'false',
      }),
    ]);
  });

  it('scopes burden reports like the GraphQL queries', async () => {
    expect(rows((await get('burden-reports.csv', analyst.token)).text)).toHaveLength(2);
    const reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: unit.id })).token;
    const own = rows((await get('burden-reports.csv', reporter)).text);
    expect(own.map((r) => [r.organisation, r.staff_hours, r.period_start])).toEqual([['Enhet Å', '12.50', '2019-03-01']]);
  });

  it('refuses bad parameters clearly, and callers without the right', async () => {
    const bad = await get('observations.csv?pilotId=nope&from=2019-13-01', analyst.token);
    expect(bad.status).toBe(400);
    const err = JSON.parse(bad.text).errors[0];
    expect(err.extensions.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.fields.map((f: { field: string }) => f.field).sort()).toEqual(['from', 'pilotId']);
    expect((await get('observations.csv')).status).toBe(401);
    const reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: unit.id })).token;
    expect((await get('observations.csv', reporter)).status).toBe(403);
    expect((await get('nothing.csv', analyst.token)).status).toBe(404);
  });

  it('exports aggregated discretion results, refusing a bad grouping', async () => {
    const instrument = '5e1f3c2a-7d4b-4e8f-9a61-0c0ffee00001';
    const ok = await get(`discretion.csv?pilotId=${pilotId}&instrumentId=${instrument}&groupBy=WAVE,UNIT`, analyst.token);
    expect(ok.status).toBe(200);
    expect(ok.text.split('\n')[0]).toBe('measure,measureKind,waveId,unitId,pilotId,category,tenureBand,n,mean,sd,ciLow,ciHigh,suppressed');
    const bad = await get(`discretion.csv?pilotId=${pilotId}&instrumentId=${instrument}&groupBy=WAVE,NOPE`, analyst.token);
    expect([bad.status, JSON.parse(bad.text).errors[0].extensions.fields[0].field]).toEqual([400, 'groupBy']);
  });

  it('logs analysts’ exports', async () => {
    await get(`observations.csv?pilotId=${pilotId}`, analyst.token);
    const log = await t.gql(
      'query($u: ID) { analyticsAccessLog(filter: { userId: $u, operation: "export:observations" }) { totalCount edges { node { arguments } } } }',
      { u: analyst.user.id },
      admin,
    );
    expect(log.data!.analyticsAccessLog.totalCount).toBeGreaterThan(0);
    expect(log.data!.analyticsAccessLog.edges[0].node.arguments).toEqual({ pilotId });
  });
});
