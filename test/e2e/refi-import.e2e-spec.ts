import { randomUUID } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, seen, userWithToken } from '../factories';
import { afterWhole, codeGuids, codings, coding } from '../utils/refi-files';
import { startTestApp, TestApp } from '../utils/test-app';

const TEXT = 'Vi planerar besöken själva nu.\r\nMinuterna räknas inte längre, säger Åsa 😀.';

/**
 * A pilot exported, coded further in the file as another QDA tool would (a new code, a new
 * selection, a framework code added to the whole observation), and imported back.
 */
describe('REFI-QDA import', () => {
  let t: TestApp;
  let researcher: string;
  let pilotId: string;
  let observationId: string;
  let edited: Uint8Array;
  const NEW_CODE = randomUUID();
  const NEW_SELECTION = randomUUID();

  const exportProject = async (token = researcher) => {
    const res = await fetch(`${t.url}/export/refi/${pilotId}.qdpx`, { headers: { authorization: `Bearer ${token}` } });
    return unzipSync(new Uint8Array(await res.arrayBuffer()));
  };
  const importProject = async (body: Uint8Array, query = '', token = researcher, type = 'application/zip') => {
    const res = await fetch(`${t.url}/import/refi/${pilotId}${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body: Buffer.from(body),
    });
    return { status: res.status, json: (await res.json()) as any };
  };
  beforeAll(async () => {
    t = await startTestApp();
    const r = await userWithToken(t, { role: Role.RESEARCHER });
    researcher = r.token;
    const k = await makeOrganisation(t.ds, { name: 'Hemtjänst Norr' });
    pilotId = (
      await makePilot(
        t.ds,
        { code: 'IMP-1', startsOn: '2019-01-01', endsOn: null },
        [{ organisationId: k.id, level: SteeringLevel.FRONT_LINE }],
        [{ userId: r.user.id }],
      )
    ).id;
    const logged = await t.gql(
      'mutation($input: LogObservationInput!) { logObservation(input: $input) { id } }',
      {
        input: {
          pilotId,
          organisationId: k.id,
          level: 'FRONT_LINE',
          occurredOn: '2019-03-01',
          kind: 'INTERVIEW',
          title: 'Planering',
          text: TEXT,
          codes: { forms: ['NORM'], methods: [seen('LESS_DETAIL_STEERING')] },
        },
      },
      researcher,
    );
    observationId = logged.data!.logObservation.id;
    await t.gql(
      'mutation($input: AddCodedSegmentInput!) { addCodedSegment(input: $input) { id } }',
      { input: { observationId, quote: 'planerar besöken själva', codes: { forms: ['NORM'] } } },
      researcher,
    );

    // Coded further as another tool would: a new code, a new selection, one more code on the whole text.
    const files = await exportProject();
    let xml = strFromU8(files['project.qde']);
    const guids = codeGuids(xml);
    const values = guids.get('Värdegrundsarbete/Värdegrundsarbete: införs eller förstärks')!;
    const regel = guids.get('Styrformer/Regelstyrning')!;
    const methodParent = guids.get('Metoder för tillitsbaserad styrning/Värdegrundsarbete')!;
    const plain = TEXT.replace('\r\n', '\n');
    const start = Array.from(plain).length - Array.from('säger Åsa 😀.').length;
    xml = afterWhole(
      xml.replace(
        '</Codes>',
        `<Code guid="${NEW_CODE}" name="Tidspress" isCodable="true" color="#aa3300"><Description>Från ATLAS.ti</Description></Code></Codes>`,
      ),
      `<PlainTextSelection guid="${NEW_SELECTION}" name="Åsa" startPosition="${start}" endPosition="${start + 9}">` +
        `<Description>kodat i ett annat verktyg</Description>${coding(NEW_CODE)}${coding(values)}${coding(methodParent)}</PlainTextSelection>`,
    );
    xml = xml.replace(/(<PlainTextSelection[^>]*name="Hela observationen"[^>]*>)/, `$1${coding(regel)}`);
    edited = zipSync({ ...files, 'project.qde': strToU8(xml) });
  });
  afterAll(() => t.close());

  it('reports in a dry run what it would add, change and skip, and stores nothing', async () => {
    const { status, json } = await importProject(edited, '?dryRun=true');
    expect(status).toBe(200);
    expect(json).toMatchObject({
      dryRun: true,
      sourcesMatched: 1,
      sourcesSkipped: [],
      ownCodesAdded: [{ guid: NEW_CODE, name: 'Tidspress' }],
      observationsRecoded: [{ observationId, title: 'Planering' }],
      segmentsAdded: [{ guid: NEW_SELECTION, observationId, quote: 'säger Åsa' }],
      segmentsRecoded: [],
      selectionsUnchanged: 1,
    });
    expect(json.skipped).toEqual([{ guid: NEW_SELECTION, observationId: null, reason: expect.stringContaining('"Värdegrundsarbete" takes no codings') }]);
    expect(await t.ds.query('SELECT id FROM own_code')).toEqual([]);
    expect(await t.ds.query('SELECT id FROM coded_segment WHERE id = $1', [NEW_SELECTION])).toEqual([]);
  });

  it('imports: selections become segments, codes map to the framework by GUID or become own codes, all audited', async () => {
    const { status, json } = await importProject(edited);
    expect([status, json.dryRun, json.segmentsAdded.length, json.ownCodesAdded.length]).toEqual([200, false, 1, 1]);
    const obs = await t.gql(
      `query($id: ID!) { observation(id: $id) { codes { forms } versions { reason }
         segments { id start end quote memo codes { methods { method polarity } ownCodes { name colour pilot { code } } } } } }`,
      { id: observationId },
      researcher,
    );
    const o = obs.data!.observation;
    expect(o.codes.forms.sort()).toEqual(['NORM', 'REGEL']);
    expect(o.versions.at(-1).reason).toBe('Importerad från ett REFI-QDA-projekt (.qdpx)');
    const segment = o.segments.find((s: any) => s.id === NEW_SELECTION);
    // Stored positions: the \r\n before the passage counts two code points where the file's text has one.
    expect(segment).toMatchObject({
      quote: 'säger Åsa',
      memo: 'kodat i ett annat verktyg',
      start: Array.from(TEXT).length - Array.from('säger Åsa 😀.').length,
    });
    expect(segment.codes.methods).toEqual([{ method: 'VALUES_WORK', polarity: 'INTRODUCED_OR_STRENGTHENED' }]);
    expect(segment.codes.ownCodes).toEqual([{ name: 'Tidspress', colour: '#AA3300', pilot: { code: 'IMP-1' } }]);
  });

  it('changes nothing when the same file comes again', async () => {
    const { json } = await importProject(edited);
    expect(json).toMatchObject({ ownCodesAdded: [], observationsRecoded: [], segmentsAdded: [], segmentsRecoded: [], selectionsUnchanged: 3 });
  });

  it('keeps every coding of the edited file: exported again, the project holds them all', async () => {
    const before = codings(strFromU8(unzipSync(edited)['project.qde']));
    const after = codings(strFromU8((await exportProject())['project.qde']));
    const methodParent = codeGuids(strFromU8(unzipSync(edited)['project.qde'])).get('Metoder för tillitsbaserad styrning/Värdegrundsarbete');
    // Coding GUIDs differ (the export names its own); each selection keeps each code, bar the one no tool may code with.
    const bySelection = (list: string[]) => list.filter((c) => !c.endsWith(methodParent!));
    expect(after).toEqual(expect.arrayContaining(bySelection(before)));
    expect(after.length).toBe(bySelection(before).length);
  });

  it('is all or nothing: one bad coding and nothing of the file is stored', async () => {
    const retired = await t.gql(
      'mutation($input: CreateOwnCodeInput!) { createOwnCode(input: $input) { id } }',
      { input: { name: 'Gammal', pilotId } },
      researcher,
    );
    const oldId = retired.data!.createOwnCode.id;
    await t.gql('mutation($input: RetireOwnCodeInput!) { retireOwnCode(input: $input) { id } }', { input: { id: oldId, reason: 'ersatt' } }, researcher);
    const files = unzipSync(edited);
    const other = randomUUID();
    const xml = afterWhole(
      strFromU8(files['project.qde']).replace(
        '</Codes>',
        `<Code guid="${other}" name="Ny kod" isCodable="true"/><Code guid="${oldId}" name="Gammal" isCodable="true"/></Codes>`,
      ),
      `<PlainTextSelection guid="${randomUUID()}" startPosition="0" endPosition="2"><Coding guid="${randomUUID()}"><CodeRef targetGUID="${other}"/></Coding>` +
        `<Coding guid="${randomUUID()}"><CodeRef targetGUID="${oldId}"/></Coding></PlainTextSelection>`,
    );
    const { status, json } = await importProject(zipSync({ ...files, 'project.qde': strToU8(xml) }));
    expect(status).toBe(400);
    expect(json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'file', message: expect.stringContaining('"Gammal"') }] });
    // "Ny kod" was made before the retired code was reached, and is gone with the rest.
    expect(await t.ds.query('SELECT id FROM own_code WHERE id = $1', [other])).toEqual([]);
  });

  it('refuses what is not a project, and lets only the pilot’s researchers and admins import', async () => {
    const notZip = await importProject(strToU8('hello'));
    expect([notZip.status, notZip.json.errors[0].extensions.fields]).toEqual([400, [{ field: 'file', message: 'is not a ZIP archive (a .qdpx project)' }]]);
    const dtd = zipSync({ 'project.qde': strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Project/>') });
    expect((await importProject(dtd)).json.errors[0].extensions.fields[0].message).toContain('DTD');
    expect((await importProject(zipSync({ 'x.txt': strToU8('x') }))).json.errors[0].extensions.fields[0].message).toBe('holds no project.qde');
    const nul = strFromU8(unzipSync(edited)['project.qde']).replace('kodat i ett annat verktyg', 'kodat&#0;');
    const refused = await importProject(zipSync({ ...unzipSync(edited), 'project.qde': strToU8(nul) }));
    expect([refused.status, refused.json.errors[0].extensions.fields[0].message]).toEqual([
      400,
      'project.qde contains the NUL character, which XML does not allow',
    ]);
    const huge = await importProject(new Uint8Array(6 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect((await importProject(edited, '?dryRun=maybe')).status).toBe(400);
    expect((await importProject(new Uint8Array(), '', researcher)).status).toBe(400);
    for (const role of [Role.ANALYST, Role.ORG_REPORTER]) {
      const org = await makeOrganisation(t.ds);
      const { token } = await userWithToken(t, { role, organisationId: role === Role.ORG_REPORTER ? org.id : null });
      const res = await importProject(edited, '', token);
      expect([role, res.status, res.json.errors[0].extensions.code]).toEqual([role, 403, 'FORBIDDEN']);
    }
    // A researcher who does not follow the pilot reads none of its observations: nothing matches.
    const stranger = (await userWithToken(t, { role: Role.RESEARCHER })).token;
    const res = await importProject(edited, '?dryRun=true', stranger);
    expect(res.json.sourcesMatched).toBe(0);
    expect(res.json.sourcesSkipped[0].reason).toContain('no observation of this pilot that you may read');
    const missing = await fetch(`${t.url}/import/refi/${randomUUID()}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${researcher}`, 'content-type': 'application/zip' },
      body: Buffer.from(edited),
    });
    expect(missing.status).toBe(404);
  });
});
