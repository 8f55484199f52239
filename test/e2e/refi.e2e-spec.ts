import { XMLParser } from 'fast-xml-parser';
import { unzipSync, strFromU8 } from 'fflate';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { validateXML } from 'xmllint-wasm';
import { Role } from '../../src/common/auth/role.enum';
import { ALL } from '../../src/modules/access/sql-fragment';
import { writeRefiProject } from '../../src/modules/export/refi/project-writer';
import { refiQueries } from '../../src/modules/export/refi/refi.sql';
import { ZipSink } from '../../src/modules/export/refi/zip-sink';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, userWithToken, seen } from '../factories';
import { startTestApp, TestApp } from '../utils/test-app';

const SCHEMAS = path.join(__dirname, '..', 'fixtures', 'refi-qda');
const xsd = (name: string) => ({ fileName: name, contents: fs.readFileSync(path.join(SCHEMAS, name), 'utf8') });

async function validate(xml: string, schema: 'Project.xsd' | 'Codebook.xsd') {
  const result = await validateXML({ xml: [{ fileName: 'export.xml', contents: xml }], schema: [xsd(schema)] });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}

const REPEATED = new Set(['SelectionRef', 'Code', 'User', 'Variable', 'Case', 'TextSource', 'PlainTextSelection', 'Coding', 'SourceRef', 'VariableValue']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => REPEATED.has(name),
});

/** Stored with Windows line endings, Swedish letters and a character outside the BMP. */
const TEXT = 'Åsa säger:\r\n"Dialogen, inte systemet." Öl och äpple 😀 – ökad tillit på enheten.';
/** The code-point range of `part` in `text`, as the API takes it. */
const range = (text: string, part: string) => {
  const start = Array.from(text.slice(0, text.indexOf(part))).length;
  return { start, end: start + Array.from(part).length };
};

describe('REFI-QDA exports', () => {
  let t: TestApp;
  let admin: string;
  let analyst: { user: { id: string }; token: string };
  let researcher: { user: { id: string; displayName: string }; token: string };
  let pilot: { id: string; code: string };
  let otherPilotId: string;
  let kommun: { id: string };
  let unit: { id: string };
  const obs: Record<string, string> = {};

  const m = async (q: string, input: Record<string, unknown>, token = admin) => {
    const res = await t.gql(q, { input }, token);
    if (res.errors) throw new Error(res.text);
    return Object.values(res.data!)[0] as any;
  };
  const log = (input: Record<string, unknown>, token = admin) =>
    m(
      'mutation($input: LogObservationInput!) { logObservation(input: $input) { id version } }',
      { level: 'FRONT_LINE', occurredOn: '2019-03-10', kind: 'INTERVIEW', ...input },
      token,
    );
  const segment = (observationId: string, r: { start: number; end: number }, codes: object, memo = '', token = admin) =>
    m('mutation($input: AddCodedSegmentInput!) { addCodedSegment(input: $input) { id quote } }', { observationId, ...r, codes, memo }, token);

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    analyst = await userWithToken(t, { role: Role.ANALYST });
    researcher = (await userWithToken(t, { role: Role.RESEARCHER, displayName: 'Örjan Forskare' })) as typeof researcher;
    kommun = await makeOrganisation(t.ds, { name: 'Ängelholms kommun', officialCode: '1292', population: 41000 });
    unit = await makeOrganisation(t.ds, { name: 'Hemtjänst Öster', parentId: kommun.id });
    pilot = await makePilot(
      t.ds,
      { code: 'REFI-1', title: 'Tillit i hemtjänsten', description: 'Försök med tillitsbaserad styrning.', endsOn: null },
      [{ organisationId: kommun.id, level: SteeringLevel.POLITICAL_PRINCIPAL }],
      [{ userId: researcher.user.id }],
    );
    otherPilotId = (await makePilot(t.ds, { code: 'REFI-2' }, [{ organisationId: kommun.id }])).id;

    const first = await log(
      {
        pilotId: pilot.id,
        organisationId: unit.id,
        title: 'Intervju med Åsa',
        text: TEXT,
        codes: { methods: [seen('VALUES_WORK')], effectOnTrust: 'STRENGTHENS', orientation: 'MIXED' },
        tags: ['dialog', 'hemtjänst'],
      },
      researcher.token,
    );
    obs.first = first.id;
    await segment(
      first.id,
      range(TEXT, '"Dialogen, inte systemet."'),
      { methods: [seen('VALUES_WORK')], relations: ['BETWEEN_DECISION_LEVELS'] },
      'Kärnan i intervjun',
      researcher.token,
    );
    await segment(first.id, range(TEXT, 'ökad tillit'), { effectOnTrust: 'STRENGTHENS' }, '', researcher.token);
    // A segment that goes stale when the text is rewritten.
    const second = await log({
      pilotId: pilot.id,
      organisationId: kommun.id,
      occurredOn: '2019-04-02',
      kind: 'MEETING',
      title: 'Nämndmöte',
      text: 'Första versionen av texten.',
    });
    obs.second = second.id;
    await segment(second.id, range('Första versionen av texten.', 'versionen'), { forms: ['REGEL'] });
    await m('mutation($input: UpdateObservationInput!) { updateObservation(input: $input) { id } }', {
      id: second.id,
      expectedVersion: second.version,
      text: 'Helt ny text, utan segmentets citat.',
      reason: 'Omskriven',
    });
    obs.other = (await log({ pilotId: otherPilotId, organisationId: kommun.id, title: 'Annan pilot', text: 'Syns inte.' })).id;
    const deleted = await log({ pilotId: pilot.id, organisationId: kommun.id, title: 'Raderad', text: 'Raderad text.' });
    await m('mutation($input: DeleteObservationInput!) { deleteObservation(input: $input) { id } }', { id: deleted.id, reason: 'Fel pilot' });
    obs.deleted = deleted.id;
  });
  afterAll(() => t.close());

  const get = async (route: string, token?: string) => {
    const res = await fetch(`${t.url}/export/refi/${route}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, headers: res.headers, body: new Uint8Array(await res.arrayBuffer()) };
  };
  const project = async (token: string) => {
    const res = await get(`${pilot.id}.qdpx`, token);
    expect(res.status).toBe(200);
    const files = unzipSync(res.body);
    return { res, files, xml: strFromU8(files['project.qde']) };
  };

  it('serves the pilot as a .qdpx: a ZIP whose project.qde is valid QDA-XML and whose texts are plain UTF-8 files', async () => {
    const { res, files, xml } = await project(analyst.token);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="REFI-1.qdpx"');
    expect(Object.keys(files).sort()).toEqual(['Sources/' + obs.first + '.txt', 'Sources/' + obs.second + '.txt', 'project.qde'].sort());
    expect(await validate(xml, 'Project.xsd')).toEqual({ valid: true, errors: [] });
    const text = strFromU8(files[`Sources/${obs.first}.txt`]);
    expect(text).toBe(TEXT.replace('\r\n', '\n'));
    expect(files[`Sources/${obs.first}.txt`].slice(0, 3)).not.toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('puts each coded segment at the right code points of the exported text, with its codes', async () => {
    const { files, xml } = await project(analyst.token);
    const p = parser.parse(xml).Project;
    const source = p.Sources.TextSource.find((s: any) => s.guid === obs.first);
    expect(source).toMatchObject({ name: '2019-03-10 Intervju med Åsa', plainTextPath: `internal://${obs.first}.txt`, creatingUser: researcher.user.id });
    const cps = Array.from(strFromU8(files[`Sources/${obs.first}.txt`]));
    // First the selection over the whole text (the observation's own codes), then the segments.
    const [whole, ...segments] = source.PlainTextSelection;
    const quoted = segments.map((s: any) => cps.slice(Number(s.startPosition), Number(s.endPosition)).join(''));
    expect(quoted).toEqual(['"Dialogen, inte systemet."', 'ökad tillit']);
    expect(whole).toMatchObject({ name: 'Hela observationen', startPosition: '0', endPosition: String(cps.length) });
    // Hand-checked: stored at [12, 38) and [56, 67); the \r\n before them becomes \n, so each moves back by one.
    expect([range(TEXT, '"Dialogen, inte systemet."'), range(TEXT, 'ökad tillit')]).toEqual([
      { start: 12, end: 38 },
      { start: 56, end: 67 },
    ]);
    expect(segments.map((s: any) => [s.startPosition, s.endPosition])).toEqual([
      ['11', '37'],
      ['55', '66'],
    ]);
    expect(segments[0].Description).toBe('Kärnan i intervjun');

    const codes = new Map<string, string>();
    const walk = (list: any[] = [], parent = '') => list.forEach((c) => (codes.set(c.guid, `${parent}/${c.name}`), walk(c.Code, c.name)));
    walk(p.CodeBook.Codes.Code);
    const codeNames = (codings: any[] = []) => codings.map((c) => codes.get(c.CodeRef.targetGUID)).sort();
    expect(codeNames(segments[0].Coding)).toEqual([
      'Tillitsrelationer/Tillit mellan beslutsnivåer inom verksamheten',
      'Värdegrundsarbete/Värdegrundsarbete: införs eller förstärks',
    ]);
    expect(codeNames(segments[1].Coding)).toEqual(['Påverkan på tilliten/Stärker tilliten']);
    // The observation's own codes, and its case (the organisation), code the whole text; nothing codes the source directly (QDA tools drop that).
    expect(codeNames(whole.Coding)).toEqual([
      'Fall (organisationer)/Hemtjänst Öster',
      'Kontrollerande och möjliggörande styrning/Blandad styrning',
      'Påverkan på tilliten/Stärker tilliten',
      'Värdegrundsarbete/Värdegrundsarbete: införs eller förstärks',
    ]);
    expect(source.Coding).toBeUndefined();
  });

  it('holds only this pilot’s live observations, leaves stale segments out and says so', async () => {
    const { xml } = await project(analyst.token);
    const p = parser.parse(xml).Project;
    expect(p.Sources.TextSource.map((s: any) => s.guid).sort()).toEqual([obs.first, obs.second].sort());
    expect(p.Sources.TextSource.find((s: any) => s.guid === obs.second).PlainTextSelection.map((s: any) => s.name)).toEqual(['Hela observationen']);
    expect(p.Description).toContain('1 kodade segment lämnades utanför');
    // The project says how whole observations are coded, for a reader of the file.
    expect(p.Description).toContain('kodar markeringen "Hela observationen" över hela texten');
    expect(xml).not.toContain(obs.other);
    expect(xml).not.toContain(obs.deleted);
  });

  it('has the framework as a codebook with a hierarchy by dimension, organisations as cases and authors as users', async () => {
    const { xml } = await project(analyst.token);
    const p = parser.parse(xml).Project;
    const dims = p.CodeBook.Codes.Code;
    expect(dims.map((d: any) => [d.name, d.isCodable, d.Code.length])).toEqual([
      ['Styrformer', 'false', 4],
      ['Styrningens tidsdimension', 'false', 3],
      ['Tillitsrelationer', 'false', 4],
      ['Metoder för tillitsbaserad styrning', 'false', 7],
      ['Tillitsvärdighet', 'false', 3],
      ['Kontrollerande och möjliggörande styrning', 'false', 3],
      ['Påverkan på tilliten', 'false', 4],
      ['Definitionen av tillitsbaserad styrning', 'false', 4],
      ['Simons styrsystem', 'false', 4],
      ['Styrningens effektvariabler', 'false', 7],
      ['Kontextuella förutsättningar', 'false', 4],
      ['Fall (organisationer)', 'false', 2],
    ]);
    // A method is coded with what the passage shows of it: a sub-code per polarity under the method.
    expect(dims[3].Code[0]).toMatchObject({ name: 'Minskad detaljstyrning', isCodable: 'false' });
    expect(dims[3].Code[0].Code.map((c: any) => [c.name, c.isCodable])).toEqual([
      ['Minskad detaljstyrning: införs eller förstärks', 'true'],
      ['Minskad detaljstyrning: försvagas eller går bakåt', 'true'],
      ['Minskad detaljstyrning: diskuteras utan förändring', 'true'],
    ]);
    expect(dims[3].Code[0].Code[1].Description).toContain('LESS_DETAIL_STEERING:WEAKENED_OR_REVERSED');
    // An effect variable is coded with its direction: a sub-code per direction under the variable.
    expect(dims[9].Code[3]).toMatchObject({ name: 'Medarbetarnas handlingsutrymme', isCodable: 'false' });
    expect(dims[9].Code[3].Code.map((c: any) => [c.name, c.isCodable])).toEqual([
      ['Medarbetarnas handlingsutrymme: stärks', 'true'],
      ['Medarbetarnas handlingsutrymme: försvagas', 'true'],
      ['Medarbetarnas handlingsutrymme: blandat', 'true'],
    ]);
    // The project's own categories say they are not terms of the source.
    expect(dims[6].Code[0].Description).toContain('inte en term i SOU 2017:56');
    expect(dims[5].Code[2].Description).toContain('inte en term i SOU 2017:56');
    expect(dims[5].Code[0].Description).not.toContain('inte en term i SOU 2017:56');
    expect(dims[3].Code[0].Description).toContain('Kod i Tillit Tracker: METHOD LESS_DETAIL_STEERING');
    // The codebook says how whole observations are coded (a selection over the whole text).
    for (const d of dims.slice(0, 11)) expect(d.Description).toContain('"Hela observationen"');

    const variables = new Map<string, string>(p.Variables.Variable.map((v: any) => [v.guid, v.name]));
    const values = (c: any) =>
      Object.fromEntries((c.VariableValue ?? []).map((v: any) => [variables.get(v.VariableRef.targetGUID), v.TextValue ?? v.IntegerValue ?? v.DateValue]));
    const cases = p.Cases.Case;
    expect(cases.map((c: any) => c.name).sort()).toEqual(['Hemtjänst Öster', 'Ängelholms kommun']);
    const k = cases.find((c: any) => c.guid === kommun.id);
    expect(values(k)).toMatchObject({ 'Kommunkod, länskod eller organisationsnummer': '1292', Invånare: '41000', Organisationstyp: 'MUNICIPALITY' });
    expect(values(k)['Deltagande i piloten']).toMatch(/^PARTICIPANT POLITICAL_PRINCIPAL /);
    expect(k.SourceRef.map((r: any) => r.targetGUID)).toEqual([obs.second]);
    // A case is linked as the standard's examples and the tools do it: by a code with the case's GUID coding its text, and by references.
    expect(k.CodeRef).toEqual({ targetGUID: kommun.id });
    expect(k.SelectionRef.map((r: any) => r.targetGUID)).toEqual([p.Sources.TextSource.find((s: any) => s.guid === obs.second).PlainTextSelection[0].guid]);
    expect(
      dims
        .at(-1)
        .Code.map((c: any) => c.guid)
        .sort(),
    ).toEqual([kommun.id, unit.id].sort());
    const u = cases.find((c: any) => c.guid === unit.id);
    expect(values(u)).toMatchObject({ 'Överordnad organisation': 'Ängelholms kommun' });
    expect(u.SourceRef.map((r: any) => r.targetGUID)).toEqual([obs.first]);
    expect(values(p.Sources.TextSource.find((s: any) => s.guid === obs.first))).toMatchObject({
      Datum: '2019-03-10',
      Taggar: 'dialog; hemtjänst',
      'Typ av observation': 'INTERVIEW',
    });

    const users = p.Users.User.map((x: any) => x.guid);
    expect(users).toContain(researcher.user.id);
    expect(users).toContain(analyst.user.id); // the exporting user (creatingUserGUID)
    expect(p.creatingUserGUID).toBe(analyst.user.id);
    // Every reference points at something in the file.
    const selections = p.Sources.TextSource.flatMap((s: any) => (s.PlainTextSelection ?? []).map((x: any) => x.guid));
    const guids = new Set([...codes(p), ...users, ...variables.keys(), ...p.Sources.TextSource.map((s: any) => s.guid), ...selections]);
    for (const [, ref] of xml.matchAll(/(?:targetGUID|creatingUser)="([^"]+)"/g)) expect(guids).toContain(ref);
  });

  it('serves the codebook alone as a valid .qdc with the same GUIDs', async () => {
    const res = await get('codebook.qdc', researcher.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = strFromU8(res.body);
    expect(await validate(xml, 'Codebook.xsd')).toEqual({ valid: true, errors: [] });
    const qdc = parser.parse(xml).CodeBook;
    const { xml: projectXml } = await project(admin);
    // The project's codebook is the framework's plus the project's cases (and own codes, when there are any).
    const projectCodes = parser.parse(projectXml).Project.CodeBook.Codes.Code;
    expect(projectCodes.at(-1).name).toBe('Fall (organisationer)');
    expect(qdc.Codes.Code).toEqual(projectCodes.slice(0, -1));
  });

  it('puts the texts inside project.qde when there are too many for a plain ZIP, with the same positions', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const runner = t.ds.createQueryRunner();
    try {
      const queries = refiQueries(pilot.id, analyst.user.id, ALL, ALL);
      const summary = await writeRefiProject(
        runner,
        new ZipSink(out),
        { ...pilot, title: 'T', description: '' },
        queries,
        analyst.user.id,
        'test',
        new Date(),
        1,
      );
      expect(summary).toEqual({ sources: 2, selections: 2, staleSelectionsLeftOut: 1, textsEmbedded: true });
    } finally {
      await runner.release();
    }
    const files = unzipSync(new Uint8Array(Buffer.concat(chunks)));
    expect(Object.keys(files)).toEqual(['project.qde']);
    const xml = strFromU8(files['project.qde']);
    expect(await validate(xml, 'Project.xsd')).toEqual({ valid: true, errors: [] });
    const source = parser.parse(xml).Project.Sources.TextSource.find((s: any) => s.guid === obs.first);
    expect(source.plainTextPath).toBeUndefined();
    expect(source.PlainTextContent).toBe(TEXT.replace('\r\n', '\n'));
    const cps = Array.from(source.PlainTextContent as string);
    expect(source.PlainTextSelection.map((s: any) => cps.slice(Number(s.startPosition), Number(s.endPosition)).join(''))).toEqual([
      TEXT.replace('\r\n', '\n'),
      '"Dialogen, inte systemet."',
      'ökad tillit',
    ]);
  });

  it('holds only the observations the caller may read, and logs analysts’ exports', async () => {
    expect((await get(`${pilot.id}.qdpx`)).status).toBe(401);
    expect((await get(`${pilot.id}.qdpx`, researcher.token)).status).toBe(200);
    // A researcher who does not follow the pilot sees the pilot but none of its observations, as
    // in the observations query and the CSV exports: a valid project without sources.
    const stranger = await userWithToken(t, { role: Role.RESEARCHER });
    const { xml: empty } = await project(stranger.token);
    expect(await validate(empty, 'Project.xsd')).toEqual({ valid: true, errors: [] });
    expect(parser.parse(empty).Project.Sources).toBeUndefined();
    expect(empty).not.toContain(obs.first);
    const reporter = await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: kommun.id });
    expect((await get(`${pilot.id}.qdpx`, reporter.token)).status).toBe(403);
    const missing = await get('00000000-0000-4000-8000-000000000000.qdpx', admin);
    expect([missing.status, JSON.parse(strFromU8(missing.body)).errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
    const bad = await get('nope.qdpx', admin);
    expect([bad.status, JSON.parse(strFromU8(bad.body)).errors[0].extensions.fields[0].field]).toEqual([400, 'pilotId']);

    const entries = await t.gql(
      'query($u: ID) { analyticsAccessLog(filter: { userId: $u, operation: "export:refi" }) { totalCount edges { node { arguments } } } }',
      { u: analyst.user.id },
      admin,
    );
    expect(entries.data!.analyticsAccessLog.totalCount).toBeGreaterThan(0);
    expect(entries.data!.analyticsAccessLog.edges[0].node.arguments).toEqual({ pilotId: pilot.id });
  });
});

/** Every code GUID in a parsed project. */
function codes(p: any): string[] {
  const out: string[] = [];
  const walk = (list: any[] = []) => list.forEach((c) => (out.push(c.guid), walk(c.Code)));
  walk(p.CodeBook.Codes.Code);
  return out;
}
