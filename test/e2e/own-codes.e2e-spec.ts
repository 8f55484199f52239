import { randomUUID } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const CREATE = 'mutation($input: CreateOwnCodeInput!) { createOwnCode(input: $input) { id name colour shared version parentDimension parent { id } } }';
const LOG = 'mutation($input: LogObservationInput!) { logObservation(input: $input) { id codes { ownCodeIds ownCodes { name } } } }';
const SEGMENT = 'mutation($input: AddCodedSegmentInput!) { addCodedSegment(input: $input) { id codes { ownCodeIds } } }';
const FREQ = 'query($input: CodeFrequenciesInput!) { codeFrequencies(input: $input) { code count } }';

/**
 * Own codes in two pilots: researcher R1 follows P1, R2 follows P2; an org reporter belongs to
 * P1's organisation. R1 codes an observation of P1 with a shared code and a code of P1, and a
 * segment with a child code; then codes are merged and retired.
 */
describe('researchers’ own codes', () => {
  let t: TestApp;
  let admin: string;
  let analyst: string;
  let reporter: string;
  let r1: string;
  let r2: string;
  let p1: string;
  let p2: string;
  let orgId: string;
  const ids: Record<string, string> = {};
  let observationId: string;

  const ok = async (query: string, input: Record<string, unknown>, token: string) => {
    const res = await t.gql(query, { input }, token);
    if (res.errors) throw new Error(res.text);
    return Object.values(res.data!)[0] as any;
  };
  const create = (input: Record<string, unknown>, token = r1) => t.gql(CREATE, { input }, token);
  const log = (ownCodeIds: string[], token = r1) =>
    t.gql(
      LOG,
      {
        input: {
          pilotId: p1,
          organisationId: orgId,
          level: 'FRONT_LINE',
          occurredOn: '2019-02-01',
          kind: 'INTERVIEW',
          title: 'Egen kodning',
          text: 'Vi hinner inte. Minuterna styr.',
          codes: { ownCodeIds },
        },
      },
      token,
    );

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    analyst = (await userWithToken(t, { role: Role.ANALYST })).token;
    const u1 = await userWithToken(t, { role: Role.RESEARCHER });
    const u2 = await userWithToken(t, { role: Role.RESEARCHER });
    [r1, r2] = [u1.token, u2.token];
    const k = await makeOrganisation(t.ds, { name: 'Kommun' });
    orgId = k.id;
    reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: k.id })).token;
    const k2 = await makeOrganisation(t.ds, { name: 'Region' });
    p1 = (
      await makePilot(
        t.ds,
        { code: 'OWN-1', startsOn: '2019-01-01', endsOn: null },
        [{ organisationId: k.id, level: SteeringLevel.POLITICAL_PRINCIPAL }],
        [{ userId: u1.user.id }],
      )
    ).id;
    p2 = (
      await makePilot(
        t.ds,
        { code: 'OWN-2', startsOn: '2019-01-01', endsOn: null },
        [{ organisationId: k2.id, level: SteeringLevel.POLITICAL_PRINCIPAL }],
        [{ userId: u2.user.id }],
      )
    ).id;
  });
  afterAll(() => t.close());

  it('lets researchers create shared codes and codes of their pilots, safely retried; nobody else', async () => {
    const clientId = randomUUID();
    const shared = await ok(CREATE, { clientId, name: 'Tidsbrist', description: 'Personalen säger att tiden inte räcker.', colour: '#ff7f0e' }, r1);
    expect(shared).toMatchObject({ name: 'Tidsbrist', colour: '#FF7F0E', shared: true, version: 1 });
    expect((await ok(CREATE, { clientId, name: 'Tidsbrist', description: 'Personalen säger att tiden inte räcker.', colour: '#ff7f0e' }, r1)).id).toBe(
      shared.id,
    );
    ids.shared = shared.id;
    ids.minute = (await ok(CREATE, { name: 'Minutjakt', pilotId: p1, parentDimension: 'METHOD' }, r1)).id;
    ids.child = (await ok(CREATE, { name: 'Minutjakt i hemtjänsten', pilotId: p1, parentId: ids.minute }, r1)).id;
    ids.other = (await ok(CREATE, { name: 'Minutjakt', pilotId: p2 }, r2)).id; // the same name in another pilot is fine

    expect(onlyError(await create({ name: 'X', pilotId: p1 }, r2)).extensions!.code).toBe('FORBIDDEN');
    expect(onlyError(await create({ name: 'X' }, analyst)).extensions!.code).toBe('FORBIDDEN');
    expect(onlyError(await create({ name: 'X' }, reporter)).extensions!.code).toBe('FORBIDDEN');
    const twice = onlyError(await create({ name: 'tidsbrist' }));
    expect(twice.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.name' }] });
    expect(onlyError(await create({ name: 'Y', colour: 'red' })).extensions!.fields).toEqual([
      { field: 'input.colour', message: expect.stringContaining('#RRGGBB') },
    ]);
    expect(onlyError(await create({ name: '  ' })).extensions!.code).toBe('BAD_USER_INPUT');
    expect(onlyError(await create({ name: 'Z', pilotId: p1, parentId: ids.other })).extensions!.fields).toEqual([
      { field: 'input.parentId', message: 'is no own code you may use' },
    ]);
  });

  it('shows researchers the shared codes and their pilots’ codes, analysts all, reporters none', async () => {
    const names = async (token: string) => {
      const res = await t.gql('{ ownCodes { name pilot { code } } }', {}, token);
      return res.errors ? res.errors[0].extensions!.code : res.data!.ownCodes.map((c: any) => `${c.name}${c.pilot ? ` (${c.pilot.code})` : ''}`);
    };
    expect(await names(r1)).toEqual(['Minutjakt (OWN-1)', 'Minutjakt i hemtjänsten (OWN-1)', 'Tidsbrist']);
    expect(await names(r2)).toEqual(['Minutjakt (OWN-2)', 'Tidsbrist']);
    expect(await names(analyst)).toHaveLength(4);
    expect(await names(reporter)).toBe('FORBIDDEN');
    expect(onlyError(await t.gql('query($id: ID!) { ownCode(id: $id) { name } }', { id: ids.minute }, r2)).extensions!.code).toBe('NOT_FOUND');
  });

  it('codes observations and segments with them, only with live codes of the observation’s pilot or shared ones', async () => {
    const logged = await log([ids.shared, ids.minute]);
    expect(logged.errors).toBeUndefined();
    observationId = logged.data!.logObservation.id;
    expect(logged.data!.logObservation.codes.ownCodes.map((c: any) => c.name).sort()).toEqual(['Minutjakt', 'Tidsbrist']);
    await ok(SEGMENT, { observationId, quote: 'Minuterna styr.', codes: { ownCodeIds: [ids.child] } }, r1);
    const foreign = onlyError(await log([ids.other]));
    expect(foreign.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.codes.ownCodeIds.0', message: 'is no own code you may use' }],
    });
    const viaAdmin = onlyError(await log([ids.other], admin));
    expect(viaAdmin.extensions!.fields).toEqual([{ field: 'input.codes.ownCodeIds.0', message: 'is kept to another pilot' }]);
    expect(onlyError(await log([randomUUID()])).extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('counts them in codeFrequencies and codeCooccurrence, but not for org reporters', async () => {
    const counts = async (token: string) =>
      Object.fromEntries((await ok(FREQ, { dimensions: ['OWN_CODE'], filter: { pilotId: [p1] } }, token)).map((r: any) => [r.code, r.count]));
    expect(await counts(analyst)).toEqual({ [ids.shared]: 1, [ids.minute]: 1 });
    expect(await counts(r1)).toEqual({ [ids.shared]: 1, [ids.minute]: 1 });
    expect(await counts(reporter)).toEqual({});
    const cells = await ok(
      'query($input: CodeCooccurrenceInput!) { codeCooccurrence(input: $input) { rowCode columnCode count } }',
      { rows: 'OWN_CODE', columns: 'OWN_CODE' },
      reporter,
    );
    expect(cells).toEqual([]);
    const segments = await ok(FREQ, { unit: 'SEGMENTS', dimensions: ['OWN_CODE'] }, analyst);
    expect(segments).toEqual([{ code: ids.child, count: 1 }]);
  });

  it('carries them in the CSV export and in the pilot’s REFI codebook and codings', async () => {
    const csv = await (await fetch(`${t.url}/export/observations.csv?pilotId=${p1}`, { headers: { authorization: `Bearer ${analyst}` } })).text();
    expect(csv).toContain('Minutjakt;Tidsbrist');
    const zip = unzipSync(
      new Uint8Array(await (await fetch(`${t.url}/export/refi/${p1}.qdpx`, { headers: { authorization: `Bearer ${analyst}` } })).arrayBuffer()),
    );
    const xml = new TextDecoder().decode(zip['project.qde']);
    const p = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => ['Code', 'Coding', 'PlainTextSelection', 'TextSource'].includes(n),
    }).parse(xml).Project;
    const dims = p.CodeBook.Codes.Code;
    const own = dims.find((d: any) => d.name === 'Egna koder');
    expect(own.Code.map((c: any) => [c.guid, c.name])).toEqual([[ids.shared, 'Tidsbrist']]);
    const method = dims.find((d: any) => d.name === 'Metoder för tillitsbaserad styrning');
    const minute = method.Code.find((c: any) => c.guid === ids.minute);
    expect(minute.Code.map((c: any) => c.guid)).toEqual([ids.child]);
    expect(xml).not.toContain(ids.other);
    const source = p.Sources.TextSource[0];
    const whole = source.PlainTextSelection.find((s: any) => s.name === 'Hela observationen');
    expect(whole.Coding.map((c: any) => c.CodeRef.targetGUID)).toEqual(expect.arrayContaining([ids.shared, ids.minute]));
    const segment = source.PlainTextSelection.find((s: any) => s.name !== 'Hela observationen');
    expect(segment.Coding.map((c: any) => c.CodeRef.targetGUID)).toEqual([ids.child]);
  });

  it('merges one code into another: codings and child codes move, each change in history, and the merged code takes no new codings', async () => {
    const into = onlyError(
      await t.gql(
        'mutation($input: MergeOwnCodesInput!) { mergeOwnCodes(input: $input) { id } }',
        { input: { id: ids.shared, intoId: ids.minute, reason: 'Samma sak' } },
        r1,
      ),
    );
    expect(into.extensions!.fields).toEqual([{ field: 'input.intoId', message: expect.stringContaining('kept to one pilot') }]);
    const merged = await ok(
      'mutation($input: MergeOwnCodesInput!) { mergeOwnCodes(input: $input) { id retiredAt retireReason mergedInto { name } version } }',
      { id: ids.minute, intoId: ids.shared, reason: 'Minutjakt är en form av tidsbrist' },
      r1,
    );
    expect(merged).toMatchObject({ retireReason: 'Minutjakt är en form av tidsbrist', mergedInto: { name: 'Tidsbrist' }, version: 2 });
    const obs = await t.gql(
      'query($id: ID!) { observation(id: $id) { codes { ownCodeIds } versions { change changedFields reason } } }',
      { id: observationId },
      r1,
    );
    expect(obs.data!.observation.codes.ownCodeIds).toEqual([ids.shared]);
    expect(obs.data!.observation.versions.at(-1)).toMatchObject({ change: 'UPDATE', changedFields: ['codes'], reason: 'Minutjakt är en form av tidsbrist' });
    const child = await t.gql('query($id: ID!) { ownCode(id: $id) { parent { name } } }', { id: ids.child }, r1);
    expect(child.data!.ownCode.parent).toEqual({ name: 'Tidsbrist' });
    expect(onlyError(await log([ids.minute])).extensions!.fields).toEqual([
      { field: 'input.codes.ownCodeIds.0', message: `was merged into ${ids.shared}: use that code` },
    ]);
    const counts = await ok(FREQ, { dimensions: ['OWN_CODE'], filter: { pilotId: [p1] } }, analyst);
    expect(counts).toEqual([{ code: ids.shared, count: 1 }]);
  });

  it('retires a code: existing codings stay and count, new ones are refused; corrections need the version read', async () => {
    const stale = onlyError(
      await t.gql(
        'mutation($input: UpdateOwnCodeInput!) { updateOwnCode(input: $input) { id } }',
        { input: { id: ids.child, expectedVersion: 9, reason: 'r', name: 'N' } },
        r1,
      ),
    );
    expect(stale.extensions!.code).toBe('CONFLICT');
    const below = (await ok(CREATE, { name: 'Under', pilotId: p1, parentId: ids.child }, r1)).id;
    const loop = onlyError(
      await t.gql(
        'mutation($input: UpdateOwnCodeInput!) { updateOwnCode(input: $input) { id } }',
        { input: { id: ids.child, expectedVersion: 1, reason: 'r', parentId: below } },
        r1,
      ),
    );
    expect(loop.extensions!.fields).toEqual([{ field: 'input.parentId', message: 'would put the code under itself' }]);
    const renamed = await ok(
      'mutation($input: UpdateOwnCodeInput!) { updateOwnCode(input: $input) { name version } }',
      { id: ids.child, expectedVersion: 1, reason: 'Tydligare', name: 'Minutstyrning' },
      r1,
    );
    expect(renamed).toEqual({ name: 'Minutstyrning', version: 2 });
    await ok('mutation($input: RetireOwnCodeInput!) { retireOwnCode(input: $input) { id } }', { id: ids.child, reason: 'Används inte längre' }, r1);
    expect(onlyError(await log([ids.child])).extensions!.fields).toEqual([
      { field: 'input.codes.ownCodeIds.0', message: 'is retired: it takes no new codings' },
    ]);
    expect(await ok(FREQ, { unit: 'SEGMENTS', dimensions: ['OWN_CODE'] }, analyst)).toEqual([{ code: ids.child, count: 1 }]);
    const list = await t.gql('{ all: ownCodes(filter: { includeRetired: true }) { name } live: ownCodes { name } }', {}, r1);
    expect(list.data!.live.map((c: any) => c.name)).toEqual(['Tidsbrist', 'Under']);
    expect(list.data!.all.map((c: any) => c.name)).toEqual(['Minutjakt', 'Minutstyrning', 'Tidsbrist', 'Under']);
  });
  it('lets only those who may recode every pilot a shared code is used in merge it', async () => {
    const delad = (await ok(CREATE, { name: 'Delad' }, r2)).id;
    const other = (await ok(CREATE, { name: 'Delad 2' }, r2)).id;
    expect((await log([delad])).errors).toBeUndefined(); // R1 codes an observation of P1, which R2 does not follow
    const MERGE = 'mutation($input: MergeOwnCodesInput!) { mergeOwnCodes(input: $input) { mergedInto { name } } }';
    const refused = onlyError(await t.gql(MERGE, { input: { id: delad, intoId: other, reason: 'samma' } }, r2));
    expect(refused.extensions!.code).toBe('FORBIDDEN');
    expect(await t.ds.query('SELECT retired_at FROM own_code WHERE id = $1', [delad])).toEqual([{ retired_at: null }]);
    expect(await ok(MERGE, { id: delad, intoId: other, reason: 'samma' }, admin)).toEqual({ mergedInto: { name: 'Delad 2' } });
  });
});
