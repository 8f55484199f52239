import { SeedRefused, seedDemo } from '../../src/cli/seed-demo';
import { login } from '../factories';
import { startTestApp, TestApp } from '../utils/test-app';

describe('seed-demo', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('loads a labelled synthetic dataset into an empty database, through the API’s own rules', async () => {
    const summary = await seedDemo(t.app, { force: false, log: () => undefined });
    expect(summary.counts).toMatchObject({ pilots: 4, observations: 240, 'survey waves': 4, 'survey responses': 600, 'time thieves': 15 });
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

  it('refuses a database that has data, unless forced', async () => {
    await expect(seedDemo(t.app, { force: false, log: () => undefined })).rejects.toThrow(SeedRefused);
  });
});
