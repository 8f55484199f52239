import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const RECORD = 'mutation($input: RecordIdeaInput!) { recordIdea(input: $input) { id status version organisations { name } } }';
const PUBLISH = 'mutation($input: PublishIdeaInput!) { publishIdea(input: $input) { status publishedAt version } }';
const LIST = 'query($f: IdeaFilter) { ideas(filter: $f) { totalCount edges { node { title status } } } }';

/** The idea bank (issue 13 §3): drafted by a pilot's researchers, published to every signed-in role, searched in Swedish. */
describe('idea bank', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  let pilotId: string;
  let unitId: string;
  let ideaId: string;

  const input = () => ({
    pilotId,
    organisationIds: [unitId],
    title: 'Fasta team i hemtjänsten',
    problem: 'Brukarna möter många olika medarbetare och kontinuiteten är låg.',
    whatWasDone: 'Medarbetarna planerar besöken själva i fasta team med egen budget.',
    steps: 'Dela in området; ge teamen schemaläggningen; följ upp kontinuiteten tillsammans.',
    methods: ['LESS_DETAIL_STEERING'],
    forms: [],
    relations: [],
    themes: [],
    sectors: [],
  });

  beforeAll(async () => {
    t = await startTestApp();
    token.admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    token.analyst = (await userWithToken(t, { role: Role.ANALYST })).token;
    const kommun = await makeOrganisation(t.ds, { name: 'Kommunen' });
    unitId = (await makeOrganisation(t.ds, { name: 'Hemtjänst Väst', parentId: kommun.id })).id;
    const other = await makeOrganisation(t.ds, { name: 'Annan kommun' });
    const following = await userWithToken(t, { role: Role.RESEARCHER });
    token.researcher = following.token;
    token.researcherNone = (await userWithToken(t, { role: Role.RESEARCHER })).token;
    token.reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: kommun.id })).token;
    token.reporterOutside = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: other.id })).token;
    pilotId = (
      await makePilot(
        t.ds,
        { code: 'IDE-1', startsOn: '2019-01-01', endsOn: null },
        [{ organisationId: kommun.id, level: SteeringLevel.POLITICAL_PRINCIPAL }],
        [{ userId: following.user.id, fromDate: '2019-01-01' }],
      )
    ).id;
  });
  afterAll(() => t.close());

  it('is drafted once by a researcher following the pilot, and by nobody else', async () => {
    const clientId = randomUUID();
    const first = await t.gql(RECORD, { input: { ...input(), clientId } }, token.researcher);
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordIdea).toMatchObject({ status: 'DRAFT', version: 1, organisations: [{ name: 'Hemtjänst Väst' }] });
    ideaId = first.data!.recordIdea.id;
    expect((await t.gql(RECORD, { input: { ...input(), clientId } }, token.researcher)).data!.recordIdea.id).toBe(ideaId);
    expect(onlyError(await t.gql(RECORD, { input: input() }, token.researcherNone)).extensions!.code).toBe('FORBIDDEN');
    for (const who of ['reporter', 'analyst']) expect(onlyError(await t.gql(RECORD, { input: input() }, token[who])).extensions!.code).toBe('FORBIDDEN');
  });

  it('shows a draft only to admins, analysts and the pilot’s researchers; once published, to every signed-in role', async () => {
    const seen = async () =>
      Object.fromEntries(
        await Promise.all(
          ['admin', 'analyst', 'researcher', 'researcherNone', 'reporter', 'reporterOutside'].map(async (w) => [
            w,
            (await t.gql(LIST, {}, token[w])).data!.ideas.totalCount,
          ]),
        ),
      );
    expect(await seen()).toEqual({ admin: 1, analyst: 1, researcher: 1, researcherNone: 0, reporter: 0, reporterOutside: 0 });
    const one = 'query($id: ID!) { idea(id: $id) { title } }';
    expect(onlyError(await t.gql(one, { id: ideaId }, token.reporter)).extensions!.code).toBe('NOT_FOUND');
    expect(onlyError(await t.gql(PUBLISH, { input: { id: ideaId, reason: 'Klar' } }, token.researcherNone)).extensions!.code).toBe('NOT_FOUND');
    const published = (await t.gql(PUBLISH, { input: { id: ideaId, reason: 'Granskad och klar' } }, token.researcher)).data!.publishIdea;
    expect(published).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(String), version: 2 });
    expect(await seen()).toEqual({ admin: 1, analyst: 1, researcher: 1, researcherNone: 1, reporter: 1, reporterOutside: 1 });
    expect((await t.gql(one, { id: ideaId }, token.reporterOutside)).data!.idea.title).toBe('Fasta team i hemtjänsten');
    // Reading is not writing: only the pilot's researchers and admins correct it.
    expect(
      onlyError(
        await t.gql(
          'mutation($input: UpdateIdeaInput!) { updateIdea(input: $input) { id } }',
          { input: { id: ideaId, expectedVersion: 2, reason: 'x', title: 'Kapad' } },
          token.researcherNone,
        ),
      ).extensions!.code,
    ).toBe('FORBIDDEN');
  });

  it('is found by Swedish full-text search, inflected forms included, and filtered by method', async () => {
    const titles = async (f: Record<string, unknown>) => (await t.gql(LIST, { f }, token.reporter)).data!.ideas.edges.map((e: any) => e.node.title);
    expect(await titles({ text: 'kontinuitet' })).toEqual(['Fasta team i hemtjänsten']); // the text says "kontinuiteten"
    expect(await titles({ text: 'budgeten' })).toEqual(['Fasta team i hemtjänsten']); // the text says "budget"
    expect(await titles({ text: 'journalsystem' })).toEqual([]);
    expect(await titles({ methods: ['LESS_DETAIL_STEERING'] })).toEqual(['Fasta team i hemtjänsten']);
    expect(await titles({ methods: ['STAFF_ANCHORED_FOLLOW_UP'] })).toEqual([]);
  });
});
