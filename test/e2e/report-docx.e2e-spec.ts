import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { seedDemo } from '../../src/cli/seed-demo';
import { DEFAULT_SURVEY_INSTRUMENT_ID } from '../../src/modules/survey/survey.enums';
import { login } from '../factories';
import { startTestApp, TestApp } from '../utils/test-app';

const soffice = ['soffice', 'libreoffice'].find((bin) => {
  try {
    execFileSync('which', [bin], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

/** Issue 13 §7–8 on the demo: the Word documents opened as a reader would, the CSV exports, timelines and signals, per role. */
describe('the findings on the demo: documents, exports, timelines and signals', () => {
  let t: TestApp;
  let password: string;
  let pilotId: string;
  const token: Record<string, string> = {};

  const get = async (route: string, who?: string) => {
    const res = await fetch(`${t.url}/export/reports/${route}`, { headers: who ? { authorization: `Bearer ${token[who]}` } : {} });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  };
  /** The document's text as Word would show it (mammoth, an independent .docx reader), and its package parts. */
  const open = async (body: Buffer) => ({ text: (await mammoth.extractRawText({ buffer: body })).value, parts: unzipSync(new Uint8Array(body)) });

  beforeAll(async () => {
    t = await startTestApp();
    password = (await seedDemo(t.app, { force: false, log: () => undefined })).password;
    for (const [who, email] of [
      ['researcher', 'forskare1'],
      ['otherResearcher', 'forskare4'],
      ['analyst', 'analytiker'],
      ['reporter', 'rapportor-varberg'],
    ]) {
      token[who] = await login(t, `${email}@demo.tillit.invalid`, password);
    }
    [{ id: pilotId }] = await t.ds.query(`SELECT id FROM pilot WHERE code = 'DEMO-HEMTJANST'`);
  }, 180_000);
  afterAll(() => t.close());

  it('downloads the demo pilot’s final report as a valid Word package with its findings, quoted evidence, tables and charts', async () => {
    const res = await get(`${pilotId}.docx`, 'researcher');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="utvardering-DEMO-HEMTJANST-v1.docx"');
    const { text, parts } = await open(res.body);
    expect(strFromU8(parts['[Content_Types].xml'])).toContain('wordprocessingml.document.main+xml');
    // Every XML part of the package is well-formed, and every relationship points at a part that is there.
    for (const [name, bytes] of Object.entries(parts).filter(([n]) => /\.(xml|rels)$/.test(n))) {
      expect({ name, valid: XMLValidator.validate(strFromU8(bytes)) }).toEqual({ name, valid: true });
    }
    for (const [, target] of strFromU8(parts['word/_rels/document.xml.rels']).matchAll(/Target="([^"]+)"/g)) {
      expect({ target, present: `word/${target}` in parts }).toEqual({ target, present: true });
    }
    expect(Object.keys(parts).filter((p) => p.startsWith('word/media/') && p.endsWith('.png')).length).toBeGreaterThanOrEqual(2);
    expect((strFromU8(parts['word/document.xml']).match(/<w:tbl>/g) ?? []).length).toBe(2);
    for (const words of [
      'DEMO: Utvärdering av tillitsbaserad hemtjänst',
      'Slutlig',
      'Hinder och förändringsbehov',
      'DEMO: Biståndsbesluten styr i detalj.',
      'Tidstjuv:',
      'Handlingsutrymme per enkätomgång',
      'Baseline (demo)',
      'Beslutsutrymme i det egna arbetet',
      '2017 K1',
      'Idébanken: DEMO: Rambeslut i hemtjänsten',
      'Effekt: Medarbetarnas handlingsutrymme: bättre',
      'Indikatorbörda per kvartal',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/Kodat avsnitt: ”[^”]+” — Ett kodat avsnitt om styrningen/);
    // The demo's pulse survey had three answers: its rows say so instead of giving numbers.
    expect(text).toContain('Pulsmätning (demo, få svar)\n\nBeslutsutrymme i det egna arbetet\n\n– (för få svar)');
  });

  it('shows a group below the threshold exactly as the API does: no number of it appears', async () => {
    const api = await t.gql(
      `query($input: DiscretionResultsInput!) { discretionResults(input: $input) { waveId n mean suppressed } }`,
      { input: { pilotIds: [pilotId], instrumentId: DEFAULT_SURVEY_INSTRUMENT_ID, groupBy: [] } },
      token.researcher,
    );
    const [{ id: smallWave }] = await t.ds.query(`SELECT id FROM survey_wave WHERE label = 'Pulsmätning (demo, få svar)'`);
    const small = api.data!.discretionResults.filter((r: { waveId: string }) => r.waveId === smallWave);
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((r: { suppressed: boolean; n: number | null }) => r.suppressed && r.n === null)).toBe(true);
    const { text } = await open((await get(`${pilotId}.docx`, 'researcher')).body);
    const cells = text.split(/\n+/);
    const rows = cells.flatMap((c, i) => (c === 'Pulsmätning (demo, få svar)' ? [cells.slice(i, i + 3)] : []));
    expect(rows.length).toBe(small.length);
    for (const row of rows) expect(row[2]).toBe('– (för få svar)');
    // No number of that wave is printed: neither n nor a mean nor an interval.
    expect(rows.flat().join(' ')).not.toMatch(/\d/);
  });

  it('is scoped like the API: another pilot’s researcher gets 404, a reporter 403, nobody signed in 401; English on request', async () => {
    expect((await get(`${pilotId}.docx`, 'otherResearcher')).status).toBe(404);
    expect((await get(`${pilotId}.docx`, 'reporter')).status).toBe(403);
    expect((await get(`${pilotId}.docx`)).status).toBe(401);
    expect((await get('not-a-uuid.docx', 'researcher')).status).toBe(400);
    const en = await open((await get(`${pilotId}.docx?lang=en`, 'analyst')).body);
    expect(en.text).toContain('Obstacles and needs for change');
    expect(en.text).toContain('Discretion by survey wave');
  });

  it('compiles the delegation’s summary of the final reports by theme, with obstacles and ideas across pilots', async () => {
    const res = await get('summary.docx', 'analyst');
    expect(res.status).toBe(200);
    const { text } = await open(res.body);
    for (const words of [
      'Tillitsdelegationens sammanställning',
      'Ledarskap',
      'DEMO-HEMTJANST',
      'Lagstiftning och föreskrifter',
      'IT-system',
      'DEMO: Rambeslut i hemtjänsten',
    ]) {
      expect(text).toContain(words);
    }
  });

  it('exports obstacles, effects, ideas and supervisory contacts as CSV, each in the caller’s scope', async () => {
    const csv = async (name: string, who: string) => {
      const res = await fetch(`${t.url}/export/${name}.csv`, { headers: { authorization: `Bearer ${token[who]}` } });
      return { status: res.status, lines: (await res.text()).trim().split('\n') };
    };
    const analyst = await Promise.all(['obstacles', 'effects', 'ideas', 'supervision'].map((n) => csv(n, 'analyst')));
    expect(analyst.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(analyst[0].lines[0]).toBe('obstacle_id,pilot_code,type,level,description,cause,proposed_change,change_by,identified_on,status,changed_on,reason');
    // Two obstacles with two status changes each; one effect; one idea; six supervisory contacts.
    expect(analyst.map((r) => r.lines.length - 1)).toEqual([4, 1, 1, 6]);
    // Varberg's reporter: the obstacles naming Varberg, the published idea, no effects, no supervision of Varberg.
    expect((await csv('obstacles', 'reporter')).lines.length - 1).toBe(4);
    expect((await csv('ideas', 'reporter')).lines.length - 1).toBe(1);
    expect((await csv('effects', 'reporter')).status).toBe(403);
    expect((await csv('supervision', 'reporter')).lines).toHaveLength(1);
    // A researcher of other pilots: none of the home-care pilot's obstacles or effects; the supervision pilot's contacts.
    expect((await csv('obstacles', 'otherResearcher')).lines).toHaveLength(1);
    expect((await csv('effects', 'otherResearcher')).lines).toHaveLength(1);
    expect((await csv('supervision', 'otherResearcher')).lines.length - 1).toBe(6);
  });

  it('puts obstacles, supervision and effects in the pilots’ timelines and signals, each as far as the reader may see', async () => {
    const timeline = async (code: string, who: string) => {
      const [{ id }] = await t.ds.query('SELECT id FROM pilot WHERE code = $1', [code]);
      const res = await t.gql(
        'query($p: ID!) { pilotTimeline(pilotId: $p, from: "2017-01-01", to: "2018-12-31") { date type title entity } }',
        { p: id },
        token[who],
      );
      return (res.data!.pilotTimeline as { type: string; entity: string }[]).filter((e) => /^(OBSTACLE|SUPERVISION|EFFECT)/.test(e.type));
    };
    const asResearcher = await timeline('DEMO-HEMTJANST', 'researcher');
    expect(asResearcher.map((e) => e.type).sort()).toEqual([
      'EFFECT_ASSESSED',
      'OBSTACLE_IDENTIFIED',
      'OBSTACLE_IDENTIFIED',
      'OBSTACLE_RAISED',
      'OBSTACLE_REMOVED',
    ]);
    // Varberg's reporter sees the obstacles naming its administration, not the researchers' assessment.
    expect((await timeline('DEMO-HEMTJANST', 'reporter')).map((e) => e.type).sort()).toEqual([
      'OBSTACLE_IDENTIFIED',
      'OBSTACLE_IDENTIFIED',
      'OBSTACLE_RAISED',
      'OBSTACLE_REMOVED',
    ]);
    const supervision = await timeline('DEMO-TILLSYN', 'otherResearcher');
    expect(supervision.map((e) => [e.type, e.entity])).toEqual(Array.from({ length: 6 }, () => ['SUPERVISION', 'SUPERVISION']));

    const signals = async (code: string, who: string) => {
      const [{ id }] = await t.ds.query('SELECT id FROM pilot WHERE code = $1', [code]);
      const res = await t.gql(
        `query($input: PilotSignalsInput!) { pilotSignals(input: $input) {
           obstaclesRaised obstaclesRemoved supervisionInteractions supervisionHours overlappingSupervision effects { aspect direction } } }`,
        { input: { pilotId: id, from: '2017-03-01', to: '2018-02-28', bucket: 'YEAR' } },
        token[who],
      );
      return res.data!.pilotSignals;
    };
    // The year buckets of 2017 and 2018 (to 28 February): the effect's period ends in 2018.
    expect(await signals('DEMO-HEMTJANST', 'researcher')).toEqual([
      { obstaclesRaised: 1, obstaclesRemoved: 1, supervisionInteractions: 0, supervisionHours: 0, overlappingSupervision: 0, effects: [] },
      {
        obstaclesRaised: 0,
        obstaclesRemoved: 0,
        supervisionInteractions: 0,
        supervisionHours: 0,
        overlappingSupervision: 0,
        effects: [{ aspect: 'STAFF_DISCRETION', direction: 'BETTER' }],
      },
    ]);
    expect((await signals('DEMO-HEMTJANST', 'reporter'))[1].effects).toEqual([]);
    const [year] = await signals('DEMO-TILLSYN', 'analyst');
    // Per organisation a data request, an inspection repeating it, and a dialogue: 14 + 30 + 6 and 18 + 30 + 6 hours.
    expect(year).toMatchObject({ supervisionInteractions: 6, supervisionHours: 104, overlappingSupervision: 4 });
  });

  (soffice ? it : it.skip)(
    'converts to PDF with a headless LibreOffice',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docx-'));
      fs.writeFileSync(path.join(dir, 'report.docx'), (await get(`${pilotId}.docx`, 'researcher')).body);
      execFileSync(soffice!, ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'report.docx')], { timeout: 120_000 });
      expect(fs.readFileSync(path.join(dir, 'report.pdf')).subarray(0, 4).toString()).toBe('%PDF');
    },
    150_000,
  );
});
