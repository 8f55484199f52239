import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, userWithToken, seen } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const FIELDS = `id version title text occurredOn occurredTime kind level respondentRole tags deletedAt deleteReason
  codes { forms phase relations methods { method polarity } trustworthiness orientation effectOnTrust }
  author { id } pilot { code } organisation { name }`;
const LOG = `mutation($input: LogObservationInput!) { logObservation(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateObservationInput!) { updateObservation(input: $input) { ${FIELDS} segments { id stale quote } } }`;
const SEGMENT =
  'mutation($input: AddCodedSegmentInput!) { addCodedSegment(input: $input) { id start end quote stale memo codes { methods { method polarity } effectOnTrust } author { id } } }';
const GET = `query($id: ID!) { observation(id: $id) { ${FIELDS}
  segments { start end quote stale } versions { version change changedFields changedBy { id } snapshot } } }`;
const LIST = `query($filter: ObservationFilter, $first: Int, $after: String) { observations(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id title occurredOn } } } }`;

describe('observations', () => {
  let t: TestApp;
  let pilotId: string;
  let kommun: { id: string };
  let unit: { id: string };
  let researcher: { user: { id: string }; token: string };
  let colleague: { user: { id: string }; token: string };
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    researcher = await userWithToken(t, { role: Role.RESEARCHER });
    colleague = await userWithToken(t, { role: Role.RESEARCHER });
    kommun = await makeOrganisation(t.ds, { name: 'Varbergs kommun' });
    unit = await makeOrganisation(t.ds, { name: 'Hemtjänst Väster', parentId: kommun.id });
    const pilot = await makePilot(
      t.ds,
      { code: 'OBS-1', startsOn: '2017-03-01', endsOn: '2018-12-31' },
      [{ organisationId: kommun.id, level: SteeringLevel.POLITICAL_PRINCIPAL }],
      [
        { userId: researcher.user.id, fromDate: '2017-03-01' },
        { userId: colleague.user.id, fromDate: '2017-03-01', toDate: '2017-06-30' },
      ],
    );
    pilotId = pilot.id;
  });
  afterAll(() => t.close());

  const input = (over: Record<string, unknown> = {}) => ({
    pilotId,
    organisationId: unit.id,
    level: 'FRONT_LINE',
    occurredOn: '2017-05-10',
    kind: 'INTERVIEW',
    respondentRole: 'FRONT_LINE_STAFF',
    title: 'Minutjakten i hemtjänsten',
    text: 'Personalen beskriver "minutjakten": en avvikelserapport när ett besök drar över med två minuter.',
    codes: {
      forms: ['PRESTATION'],
      methods: [seen('LESS_DETAIL_STEERING')],
      relations: ['BETWEEN_DECISION_LEVELS'],
      effectOnTrust: 'WEAKENS',
      orientation: 'CONTROLLING',
    },
    tags: ['tidstjuv'],
    ...over,
  });
  const log = async (over: Record<string, unknown> = {}, token = researcher.token) => t.gql(LOG, { input: input(over) }, token);

  it('logs a coded observation and codes a segment of it by characters, not bytes', async () => {
    const text = 'Åsa säger: "Dialogen är viktigare än själva systemet." 😀 Slut.';
    const res = await log({ text, occurredTime: '14:30' });
    expect(res.errors).toBeUndefined();
    const obs = res.data!.logObservation;
    expect(obs).toMatchObject({
      version: 1,
      text,
      occurredTime: '14:30:00',
      codes: { forms: ['PRESTATION'], methods: [seen('LESS_DETAIL_STEERING')], effectOnTrust: 'WEAKENS', phase: null },
      author: { id: researcher.user.id },
      pilot: { code: 'OBS-1' },
      organisation: { name: 'Hemtjänst Väster' },
    });

    const start = Array.from(text).indexOf('D');
    const end = start + Array.from('Dialogen är viktigare än själva systemet.').length;
    const seg = await t.gql(
      SEGMENT,
      { input: { observationId: obs.id, start, end, codes: { methods: [seen('VALUES_WORK')], effectOnTrust: 'STRENGTHENS' }, memo: 'dialog' } },
      researcher.token,
    );
    expect(seg.errors).toBeUndefined();
    expect(seg.data!.addCodedSegment).toMatchObject({
      quote: 'Dialogen är viktigare än själva systemet.',
      stale: false,
      codes: { methods: [seen('VALUES_WORK')] },
    });

    const emoji = Array.from(text).indexOf('😀');
    const one = await t.gql(SEGMENT, { input: { observationId: obs.id, start: emoji, end: emoji + 1 } }, researcher.token);
    expect(one.data!.addCodedSegment.quote).toBe('😀');

    const outside = onlyError(await t.gql(SEGMENT, { input: { observationId: obs.id, start: 0, end: Array.from(text).length + 1 } }, researcher.token));
    expect(outside.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.end' }] });
  });

  it('stores 100,000 characters exactly as given, and refuses one more', async () => {
    const block = 'Å\r\nö 😀\t'; // 7 characters, 12 UTF-16 units, 14 UTF-8 bytes
    const text = Array.from(block.repeat(Math.ceil(100_000 / 7)))
      .slice(0, 100_000)
      .join('');
    expect(Array.from(text)).toHaveLength(100_000);
    const res = await log({ text });
    expect(res.errors).toBeUndefined();
    const [{ stored }] = await t.ds.query('SELECT text AS stored FROM observation WHERE id = $1', [res.data!.logObservation.id]);
    expect(stored).toBe(text);
    const tooLong = onlyError(await log({ text: text + 'x' }));
    expect(tooLong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.text' }] });
  });

  it('returns the same observation when a request is retried with its clientId', async () => {
    const clientId = randomUUID();
    const first = await log({ clientId, title: 'Retry' });
    const again = await log({ clientId, title: 'Retry' });
    expect(again.data!.logObservation.id).toBe(first.data!.logObservation.id);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM observation WHERE title = 'Retry'`);
    expect(n).toBe(1);
    const different = onlyError(await log({ clientId, title: 'Something else' }));
    expect(different.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.clientId' }] });

    const concurrent = randomUUID();
    const results = await Promise.all([1, 2, 3, 4].map(() => log({ clientId: concurrent, title: 'Concurrent' })));
    expect(new Set(results.map((r) => r.data!.logObservation.id)).size).toBe(1);
  });

  it('keeps every version, and refuses a stale edit without changing anything', async () => {
    const obs = (await log({ title: 'Versioned' })).data!.logObservation;
    const edit = await t.gql(
      UPDATE,
      { input: { id: obs.id, expectedVersion: 1, reason: 'Rättad', title: 'Versioned (rev)', codes: { methods: [seen('VALUES_WORK')] } } },
      researcher.token,
    );
    expect(edit.data!.updateObservation).toMatchObject({ version: 2, title: 'Versioned (rev)', codes: { methods: [seen('VALUES_WORK')], forms: [] } });

    const stale = onlyError(await t.gql(UPDATE, { input: { id: obs.id, expectedVersion: 1, reason: 'Rättad', title: 'Lost update' } }, researcher.token));
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.expectedVersion' }] });

    const now = (await t.gql(GET, { id: obs.id }, researcher.token)).data!.observation;
    expect(now).toMatchObject({ version: 2, title: 'Versioned (rev)' });
    expect(now.versions.map((v: any) => [v.version, v.change, v.changedBy.id])).toEqual([
      [1, 'CREATE', researcher.user.id],
      [2, 'UPDATE', researcher.user.id],
    ]);
    expect(now.versions[1].changedFields.sort()).toEqual(['codes', 'title']);
    expect(now.versions[0].snapshot.title).toBe('Versioned');
  });

  it('flags segments whose text changed, and leaves the others alone', async () => {
    const obs = (await log({ text: 'Första meningen. Andra meningen.' })).data!.logObservation;
    await t.gql(SEGMENT, { input: { observationId: obs.id, start: 0, end: 16 } }, researcher.token); // "Första meningen."
    await t.gql(SEGMENT, { input: { observationId: obs.id, start: 17, end: 32 } }, researcher.token); // "Andra meningen."
    const edited = await t.gql(
      UPDATE,
      { input: { id: obs.id, expectedVersion: 1, reason: 'Rättad', text: 'Första meningen. Ändrad mening!' } },
      researcher.token,
    );
    expect(edited.data!.updateObservation.segments.map((s: any) => [s.quote, s.stale])).toEqual([
      ['Första meningen.', false],
      ['Andra meningen.', true],
    ]);
  });

  it('places segments by their quote, refuses offsets that disagree or cut a word, and re-anchors them when the text is edited', async () => {
    const obs = (await log({ text: 'Vi får planera 😀 besöken.\r\nCafe\u0301et stänger; vi ses.' })).data!.logObservation;
    const add = (input: Record<string, unknown>) =>
      t.gql(
        'mutation($input: AddCodedSegmentInput!) { addCodedSegment(input: $input) { id start end quote } }',
        { input: { observationId: obs.id, ...input } },
        researcher.token,
      );
    const byQuote = (await add({ quote: 'besöken' })).data!.addCodedSegment;
    expect(byQuote).toMatchObject({ start: 17, end: 24, quote: 'besöken' });
    const second = (await add({ quote: 'vi', occurrence: 1 })).data!.addCodedSegment;
    expect(second).toMatchObject({ start: 44, end: 46 });
    const accented = (await add({ quote: 'Cafe\u0301et' })).data!.addCodedSegment;
    expect(accented).toMatchObject({ start: 27, end: 34 });
    const disagree = onlyError(await add({ start: 0, end: 6, quote: 'Vi fick' }));
    expect([disagree.extensions!.code, disagree.message]).toEqual(['BAD_USER_INPUT', 'input.quote: the text at [0, 6) is "Vi får", not the quote']);
    const cut = onlyError(await add({ start: 7, end: 10 }));
    expect([cut.extensions!.code, cut.message]).toEqual([
      'BAD_USER_INPUT',
      'input.end: cuts through the word "planera" (the text at [7, 10) is "pla"): move it, or send the quote to confirm',
    ]);
    expect((await add({ start: 7, end: 10, quote: 'pla' })).data!.addCodedSegment).toMatchObject({ start: 7, end: 10 });

    // Text inserted before them: the ones whose quote occurs once move ("pla" too); "vi", now twice, goes stale, its quote kept.
    const edited = await t.gql(
      UPDATE,
      { input: { id: obs.id, expectedVersion: 1, reason: 'Tillägg', text: 'Nu: vi får planera 😀 besöken.\r\nCafe\u0301et stänger; vi ses.' } },
      researcher.token,
    );
    const after = new Map(edited.data!.updateObservation.segments.map((x: any) => [x.quote, x.stale]));
    expect(Object.fromEntries(after)).toEqual({ besöken: false, vi: true, 'Cafe\u0301et': false, pla: false });
    const moved = await t.gql('query($id: ID!) { observation(id: $id) { segments { quote start end stale } } }', { id: obs.id }, researcher.token);
    expect(moved.data!.observation.segments.find((x: any) => x.quote === 'besöken')).toMatchObject({ start: 21, end: 28, stale: false });
  });

  it('deletes softly with a reason, hides it, and lets the author restore it', async () => {
    const obs = (await log({ title: 'To delete' })).data!.logObservation;
    const del = await t.gql(
      'mutation($input: DeleteObservationInput!) { deleteObservation(input: $input) { deletedAt deleteReason version } }',
      { input: { id: obs.id, reason: 'Wrong pilot' } },
      researcher.token,
    );
    expect(del.data!.deleteObservation).toMatchObject({ deleteReason: 'Wrong pilot', version: 2 });
    expect((await t.gql(LIST, { filter: { text: 'delete' } }, admin)).data!.observations.edges.map((e: any) => e.node.id)).not.toContain(obs.id);
    expect(onlyError(await t.gql(GET, { id: obs.id }, colleague.token)).extensions!.code).toBe('NOT_FOUND');
    const mine = await t.gql(LIST, { filter: { deleted: true } }, researcher.token);
    expect(mine.data!.observations.edges.map((e: any) => e.node.id)).toContain(obs.id);

    const restored = await t.gql(
      'mutation($input: RestoreObservationInput!) { restoreObservation(input: $input) { deletedAt version } }',
      { input: { id: obs.id, reason: 'Raderad av misstag' } },
      researcher.token,
    );
    expect(restored.data!.restoreObservation).toEqual({ deletedAt: null, version: 3 });
    const history = (await t.gql(GET, { id: obs.id }, admin)).data!.observation.versions.map((v: any) => v.change);
    expect(history).toEqual(['CREATE', 'DELETE', 'RESTORE']);
  });

  describe('who may write', () => {
    it('a researcher writes only to a pilot they follow on that date', async () => {
      expect((await log({ occurredOn: '2017-06-30' }, colleague.token)).errors).toBeUndefined();
      const after = onlyError(await log({ occurredOn: '2017-07-01' }, colleague.token));
      expect(after.extensions!.code).toBe('FORBIDDEN');
      expect(after.message).toMatch(/do not follow this pilot on 2017-07-01/);
      const stranger = await userWithToken(t, { role: Role.RESEARCHER });
      expect(onlyError(await log({}, stranger.token)).extensions!.code).toBe('FORBIDDEN');
    });

    it('only the author (or an admin) edits or deletes, and analysts and reporters cannot write', async () => {
      const obs = (await log()).data!.logObservation;
      const other = onlyError(await t.gql(UPDATE, { input: { id: obs.id, expectedVersion: 1, reason: 'Rättad', title: 'Mine now' } }, colleague.token));
      expect(other.extensions!.code).toBe('FORBIDDEN');
      const byAdmin = await t.gql(UPDATE, { input: { id: obs.id, expectedVersion: 1, reason: 'Rättad', title: 'Fixed by admin' } }, admin);
      expect(byAdmin.data!.updateObservation.version).toBe(2);
      for (const role of [Role.ANALYST, Role.ORG_REPORTER]) {
        const { token } = await userWithToken(t, { role, organisationId: role === Role.ORG_REPORTER ? kommun.id : null });
        expect(onlyError(await log({}, token)).extensions!.code).toBe('FORBIDDEN');
      }
    });

    it('the organisation must take part in the pilot', async () => {
      const elsewhere = await makeOrganisation(t.ds, { name: 'Lunds kommun' });
      const err = onlyError(await log({ organisationId: elsewhere.id }));
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.organisationId' }] });
    });

    it('org reporters do not read observations; researchers read only their pilots', async () => {
      const { token } = await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: kommun.id });
      expect(onlyError(await t.gql(LIST, {}, token)).extensions!.code).toBe('FORBIDDEN');
      const stranger = await userWithToken(t, { role: Role.RESEARCHER });
      expect((await t.gql(LIST, {}, stranger.token)).data!.observations.totalCount).toBe(0);
      const analyst = await userWithToken(t, { role: Role.ANALYST });
      expect((await t.gql(LIST, {}, analyst.token)).data!.observations.totalCount).toBeGreaterThan(0);
    });
  });

  describe('search', () => {
    let ids: Record<string, string>;
    beforeAll(async () => {
      const mk = async (key: string, over: Record<string, unknown>) => [key, (await log({ title: key, ...over })).data!.logObservation.id] as const;
      ids = Object.fromEntries(
        await Promise.all([
          mk('S-styrning', {
            occurredOn: '2018-02-01',
            kind: 'MEETING',
            text: 'Om styrning och tillit i vården.',
            codes: { forms: ['NORM'], methods: [seen('VALUES_WORK')] },
            tags: ['dialog'],
          }),
          mk('S-both', {
            occurredOn: '2018-02-02',
            kind: 'MEETING',
            text: 'Inget särskilt.',
            codes: { forms: ['NORM', 'EKONOMI'], methods: [seen('VALUES_WORK'), seen('LESS_DETAIL_STEERING')] },
          }),
          mk('S-kommun', { occurredOn: '2018-02-03', kind: 'WORKSHOP', organisationId: kommun.id, text: 'Workshop.', codes: { forms: ['EKONOMI'] } }),
        ]),
      );
    });
    const titles = async (filter: Record<string, unknown>) =>
      (await t.gql(LIST, { filter: { from: '2018-02-01', to: '2018-02-28', ...filter }, first: 50 }, admin)).data!.observations.edges.map(
        (e: any) => e.node.title,
      );

    it('finds inflected Swedish words ("styrningen" finds "styrning")', async () => {
      expect(await titles({ text: 'styrningen' })).toEqual(['S-styrning']);
    });

    it('matches any or all of the given codes', async () => {
      expect(await titles({ codes: { forms: ['NORM', 'EKONOMI'] } })).toEqual(['S-kommun', 'S-both', 'S-styrning']);
      expect(await titles({ codes: { forms: ['NORM', 'EKONOMI'] }, codeMatch: 'ALL' })).toEqual(['S-both']);
      expect(await titles({ codes: { forms: ['NORM'], methods: ['LESS_DETAIL_STEERING'] }, codeMatch: 'ALL' })).toEqual(['S-both']);
    });

    it('filters by kind, tag, organisation (with units) and date, newest first, page by page', async () => {
      expect(await titles({ kind: ['WORKSHOP'] })).toEqual(['S-kommun']);
      expect(await titles({ tag: 'dialog' })).toEqual(['S-styrning']);
      expect(await titles({ organisationId: unit.id })).toEqual(['S-both', 'S-styrning']);
      expect(await titles({ organisationId: kommun.id })).toEqual(['S-kommun', 'S-both', 'S-styrning']);
      const page1 = (await t.gql(LIST, { filter: { from: '2018-02-01', to: '2018-02-28' }, first: 2 }, admin)).data!.observations;
      const page2 = (await t.gql(LIST, { filter: { from: '2018-02-01', to: '2018-02-28' }, first: 2, after: page1.pageInfo.endCursor }, admin)).data!
        .observations;
      expect([...page1.edges, ...page2.edges].map((e: any) => e.node.id)).toEqual([ids['S-kommun'], ids['S-both'], ids['S-styrning']]);
      expect(page2.pageInfo.hasNextPage).toBe(false);
    });
  });

  it('resolves authors, pilots, organisations, segments and versions with a constant number of SQL statements', async () => {
    const q = `query($f: ObservationFilter) { observations(first: 50, filter: $f) { edges { node { title author { displayName }
      pilot { code } organisation { name } segments { quote author { id } } versions { version changedBy { id } } } } } }`;
    const measure = async (n: number, tag: string) => {
      for (let i = 0; i < n; i++) {
        const obs = (await log({ tags: [tag], text: 'Ett två tre fyra.' })).data!.logObservation;
        await t.gql(SEGMENT, { input: { observationId: obs.id, start: 0, end: 3 } }, researcher.token);
      }
      t.queries.reset();
      const res = await t.gql(q, { f: { tag } }, admin);
      expect(res.data!.observations.edges).toHaveLength(n);
      return t.queries.reset();
    };
    expect(await measure(2, 'nplus-a')).toBe(await measure(9, 'nplus-b'));
  });

  describe('a page read from its selection', () => {
    const tag = 'urval';
    let ids: string[];
    beforeAll(async () => {
      ids = [];
      for (const day of ['2017-05-02', '2017-05-03', '2017-05-04']) {
        const obs = (await log({ tags: [tag], occurredOn: day, title: `Urval ${day}` })).data!.logObservation;
        await t.gql(SEGMENT, { input: { observationId: obs.id, start: 0, end: 10 } }, researcher.token);
        ids.unshift(obs.id);
      }
    });
    const TYPES: Record<string, string> = { skip: 'Boolean!', after: 'String' };
    const page = async (selection: string, variables: Record<string, unknown> = {}, fragments = '') => {
      const declared = Object.keys(variables).map((v) => `, $${v}: ${TYPES[v]}`);
      const query = `query($f: ObservationFilter${declared.join('')}) { observations(first: 10, filter: $f${'after' in variables ? ', after: $after' : ''}) { ${selection} } } ${fragments}`;
      const res = await t.gql(query, { f: { tag }, ...variables }, admin);
      expect(res.errors).toBeUndefined();
      return res.data!.observations;
    };
    const one = async (id: string) => (await t.gql(GET, { id }, admin)).data!.observation;

    it('answers every field as the one-observation read does', async () => {
      const all = await page(
        `edges { node { ${FIELDS} segments { start end quote stale } versions { version change changedFields changedBy { id } snapshot } } }`,
      );
      expect(all.edges.map((e: any) => e.node)).toEqual(await Promise.all(ids.map(one)));
    });

    it('follows aliases, fragments and @skip', async () => {
      const got = await page(
        'edges { node { ...Parts heading: title author @skip(if: $skip) { displayName } } }',
        { skip: true },
        'fragment Parts on Observation { id codes { forms } pilot { code } }',
      );
      const full = await Promise.all(ids.map(one));
      expect(got.edges.map((e: any) => e.node)).toEqual(
        full.map((o) => ({ id: o.id, heading: o.title, codes: { forms: o.codes.forms }, pilot: { code: o.pilot.code } })),
      );
    });

    it('reads the page, its authors and its total in one statement, and counts an empty page on its own', async () => {
      t.queries.reset();
      const first = await page('totalCount pageInfo { endCursor } edges { node { title author { displayName } } }');
      expect([first.totalCount, first.edges.length, t.queries.reset()]).toEqual([3, 3, 2]); // the caller's token, then the page
      const after = await page('totalCount edges { node { id } }', { after: first.pageInfo.endCursor });
      expect([after.totalCount, after.edges]).toEqual([3, []]);
    });

    it('refuses a cursor whose value is no date as bad input', async () => {
      const forged = Buffer.from(JSON.stringify(['inte-ett-datum', ids[0]])).toString('base64url');
      const res = await t.gql(LIST, { filter: { tag }, after: forged }, admin);
      expect(onlyError(res)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    });
  });

  it('writes an audit entry for every change', async () => {
    const obs = (await log({ title: 'Audited' })).data!.logObservation;
    await t.gql(UPDATE, { input: { id: obs.id, expectedVersion: 1, reason: 'Rättad', tags: ['ny'] } }, researcher.token);
    const seg = (await t.gql(SEGMENT, { input: { observationId: obs.id, start: 0, end: 10 } }, researcher.token)).data!.addCodedSegment;
    const entries = async (entityId: string) =>
      (
        await t.gql('query($f: AuditLogFilter) { auditLog(filter: $f) { edges { node { entity action changes } } } }', { f: { entityId } }, admin)
      ).data!.auditLog.edges.map((e: any) => e.node);
    const obsLog = await entries(obs.id);
    expect(obsLog.map((e: any) => e.action)).toEqual(['UPDATE', 'CREATE']);
    expect(obsLog[0].changes).toEqual({ tags: { before: ['tidstjuv'], after: ['ny'] } });
    expect((await entries(seg.id)).map((e: any) => `${e.entity} ${e.action}`)).toEqual(['CODED_SEGMENT CREATE']);
  });
});
