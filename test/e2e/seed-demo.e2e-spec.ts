import { randomUUID } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { SeedRefused, seedDemo } from '../../src/cli/seed-demo';
import { EntityRows } from '../../src/common/sql/entity-rows';
import { login } from '../factories';
import { afterWhole, codeGuids, coding, codings, withCode } from '../utils/refi-files';
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

  it('keeps every coding of a demo pilot coded further in another tool: exported, edited, imported back, exported again', async () => {
    const token = await login(t, 'forskare1@demo.tillit.invalid', password);
    const ids = await t.gql('{ pilots(filter: { text: "DEMO-HEMTJANST" }) { edges { node { id } } } }', {}, token);
    const pilotId = ids.data!.pilots.edges[0].node.id;
    const exported = async () => {
      const res = await fetch(`${t.url}/export/refi/${pilotId}.qdpx`, { headers: { authorization: `Bearer ${token}` } });
      return unzipSync(new Uint8Array(await res.arrayBuffer()));
    };
    const send = async (files: Record<string, Uint8Array>) => {
      const res = await fetch(`${t.url}/import/refi/${pilotId}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/zip' },
        body: Buffer.from(zipSync(files)),
      });
      return { status: res.status, report: (await res.json()) as any };
    };
    const first = await exported();
    const xml = strFromU8(first['project.qde']);
    // Unchanged, the file changes nothing.
    const same = await send(first);
    expect([
      same.status,
      same.report.sourcesSkipped,
      same.report.ownCodesAdded,
      same.report.segmentsAdded,
      same.report.observationsRecoded,
      same.report.skipped,
    ]).toEqual([200, [], [], [], [], []]);
    expect(same.report.sourcesMatched).toBe(xml.match(/<TextSource /g)!.length);
    // Coded further: a new code on a new passage of the first observation, with a framework code beside it.
    const newCode = randomUUID();
    const values = codeGuids(xml).get('Värdegrundsarbete/Värdegrundsarbete: införs eller förstärks')!;
    const edited = afterWhole(
      withCode(xml, newCode, 'Tidspress (demo)'),
      `<PlainTextSelection guid="${randomUUID()}" name="Syntetiska" startPosition="1" endPosition="11">${coding(newCode)}${coding(values)}</PlainTextSelection>`,
    );
    const { status, report } = await send({ ...first, 'project.qde': strToU8(edited) });
    expect([status, report.ownCodesAdded.length, report.segmentsAdded.length, report.skipped]).toEqual([200, 1, 1, []]);
    expect(report.segmentsAdded[0].quote).toBe('Syntetiska');
    const after = codings(strFromU8((await exported())['project.qde']));
    expect(after).toEqual(codings(edited));
    expect(after.length).toBeGreaterThan(400);
  }, 60_000);

  it('reads every entity by hand-written SQL (EntityRows) exactly as TypeORM reads it', async () => {
    let compared = 0;
    for (const meta of t.ds.entityMetadatas.filter((m) => m.tableType === 'regular' && m.primaryColumns.length === 1)) {
      const [pk] = meta.primaryColumns;
      const ids = (await t.ds.query(`SELECT "${pk.databaseName}" AS id FROM "${meta.tableName}" ORDER BY 1 LIMIT 3`)).map((r: { id: unknown }) => r.id);
      const rows = new EntityRows(t.ds, meta.target, 'x');
      for (const id of ids) {
        const [raw] = await rows.query(`FROM "${meta.tableName}" x WHERE x."${pk.databaseName}" = $1`, [id]);
        expect(raw).toEqual(await t.ds.getRepository(meta.target).findOneByOrFail({ [pk.propertyName]: id }));
        expect(raw.constructor).toBe(meta.target);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(60);
  });

  it('refuses a database that has data, unless forced', async () => {
    await expect(seedDemo(t.app, { force: false, log: () => undefined })).rejects.toThrow(SeedRefused);
  });
});
