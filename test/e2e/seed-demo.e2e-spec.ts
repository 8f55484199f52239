import { strFromU8, unzipSync } from 'fflate';
import { SeedRefused, seedDemo } from '../../src/cli/seed-demo';
import { login } from '../factories';
import { startTestApp, TestApp } from '../utils/test-app';

describe('seed-demo', () => {
  let t: TestApp;
  let password: string;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('loads a labelled synthetic dataset into an empty database, through the API’s own rules', async () => {
    const summary = await seedDemo(t.app, { force: false, log: () => undefined });
    password = summary.password;
    expect(summary.counts).toMatchObject({ pilots: 4, observations: 240, 'survey waves': 6, 'survey responses': 603, 'time thieves': 15 });
    expect(summary.counts['burden reports']).toBeGreaterThan(200);

    const token = await login(t, 'analytiker@demo.tillit.invalid', summary.password);
    const pilots = await t.gql('{ pilots { edges { node { title description } } } }', {}, token);
    for (const e of pilots.data!.pilots.edges) {
      expect(e.node.title).toMatch(/^DEMO: /);
      expect(e.node.description).toMatch(/Syntetiska demodata/);
    }
    const obs = await t.gql('{ observations(first: 5, filter: { tag: "demo" }) { totalCount edges { node { text } } } }', {}, token);
    expect(obs.data!.observations.totalCount).toBe(240);
    expect(obs.data!.observations.edges[0].node.text).toMatch(/^\[Syntetiska demodata\]/);

    const [{ audited }] = await t.ds.query(`SELECT count(*)::int AS audited FROM audit_log WHERE entity = 'OBSERVATION'`);
    expect(audited).toBe(240);
  }, 120_000);

  it('shows each kind of correction, and a demo unit’s missing period that goes once it is reported', async () => {
    const reporter = await login(t, 'rapportor-varberg@demo.tillit.invalid', password);
    const withdrawn = await t.gql(
      `{ burdenReports(first: 5, filter: { withdrawn: true }) { edges { node { id revision withdrawReason indicator { id } organisation { id name parent { id } }
          periodKind periodStart periodEnd staffHours staffCount recordCount doubleRegistration usedForImprovement perceivedUsefulness comment } } } }`,
      {},
      reporter,
    );
    const [{ node: report }] = withdrawn.data!.burdenReports.edges;
    expect(report.withdrawReason).toMatch(/fel enhet/);
    const [retired] = await t.ds.query(`SELECT i.retired_on FROM indicator i WHERE i.retired_on IS NOT NULL`);
    expect(retired).toBeDefined();
    const [corrected] = await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'TIME_THIEF' AND action = 'UPDATE' AND reason IS NOT NULL`);
    expect(corrected.n).toBeGreaterThan(0);
    const [sized] = await t.ds.query(`SELECT count(*)::int AS n FROM staff_size`);
    expect(sized.n).toBeGreaterThan(0);

    const missing = async () =>
      (
        await t.gql(
          `query($org: ID!, $from: LocalDate!, $to: LocalDate!) { reportingObligations(organisationId: $org, from: $from, to: $to, status: [MISSING]) { organisation { id } indicator { id } periodStart } }`,
          { org: report.organisation.parent.id, from: report.periodStart, to: report.periodEnd },
          reporter,
        )
      ).data!.reportingObligations;
    expect(await missing()).toEqual([
      { organisation: { id: report.organisation.id }, indicator: { id: report.indicator.id }, periodStart: report.periodStart },
    ]);
    const { id, revision, withdrawReason, indicator, organisation, ...values } = report;
    void id;
    void withdrawReason;
    const again = await t.gql(
      'mutation($input: ReportIndicatorBurdenInput!) { reportIndicatorBurden(input: $input) { id } }',
      { input: { ...values, indicatorId: indicator.id, organisationId: organisation.id, expectedRevision: revision, reason: 'Rätt enhet nu.' } },
      reporter,
    );
    expect(again.errors).toBeUndefined();
    expect(await missing()).toEqual([]);
  });

  it('takes the docs’ examples on its fixed year: an observation on 10 May 2017 in the home-care pilot', async () => {
    const researcher = await login(t, 'forskare1@demo.tillit.invalid', password);
    const ids = await t.gql(
      `{ pilots(filter: { text: "DEMO-HEMTJANST" }) { edges { node { id participants { organisation { id name } } } } } }`,
      {},
      researcher,
    );
    const pilot = ids.data!.pilots.edges[0].node;
    const unit = pilot.participants.find((p: any) => p.organisation.name === 'Hemtjänst Varberg centrum').organisation.id;
    const res = await t.gql(
      `mutation($pilot: ID!, $unit: ID!) { logObservation(input: { pilotId: $pilot, organisationId: $unit, level: FRONT_LINE, occurredOn: "2017-05-10",
         kind: INTERVIEW, respondentRole: FRONT_LINE_STAFF, title: "Minutjakten i hemtjänsten", text: "Personalen beskriver minutjakten.",
         codes: { forms: [PRESTATION], relations: [], methods: [{ method: LESS_DETAIL_STEERING, polarity: WEAKENED_OR_REVERSED }], trustworthiness: [] } }) { id } }`,
      { pilot: pilot.id, unit },
      researcher,
    );
    expect(res.errors).toBeUndefined();
  });

  it('keeps every coding of a demo pilot through a REFI-QDA round trip: exported, imported back, exported again', async () => {
    const token = await login(t, 'forskare1@demo.tillit.invalid', password);
    const ids = await t.gql('{ pilots(filter: { text: "DEMO-HEMTJANST" }) { edges { node { id } } } }', {}, token);
    const pilotId = ids.data!.pilots.edges[0].node.id;
    const exported = async () => {
      const res = await fetch(`${t.url}/export/refi/${pilotId}.qdpx`, { headers: { authorization: `Bearer ${token}` } });
      return Buffer.from(await res.arrayBuffer());
    };
    const codings = (zip: Buffer) => {
      const xml = strFromU8(unzipSync(new Uint8Array(zip))['project.qde']);
      const out: string[] = [];
      for (const [, selection, body] of xml.matchAll(/<PlainTextSelection guid="([^"]+)"[^>]*>(.*?)<\/PlainTextSelection>/gs))
        for (const [, code] of body.matchAll(/<CodeRef targetGUID="([^"]+)"/g)) out.push(`${selection} ${code}`);
      return out.sort();
    };
    const first = await exported();
    const res = await fetch(`${t.url}/import/refi/${pilotId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/zip' },
      body: first,
    });
    const report = (await res.json()) as any;
    expect([
      res.status,
      report.sourcesSkipped,
      report.ownCodesAdded,
      report.observationsRecoded,
      report.segmentsAdded,
      report.segmentsRecoded,
      report.skipped,
    ]).toEqual([200, [], [], [], [], [], []]);
    expect(report.sourcesMatched).toBe(strFromU8(unzipSync(new Uint8Array(first))['project.qde']).match(/<TextSource /g)!.length);
    const before = codings(first);
    expect(before.length).toBeGreaterThan(400);
    expect(codings(await exported())).toEqual(before);
  }, 60_000);

  it('refuses a database that has data, unless forced', async () => {
    await expect(seedDemo(t.app, { force: false, log: () => undefined })).rejects.toThrow(SeedRefused);
  });
});
