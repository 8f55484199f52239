import { Role } from '../../src/common/auth/role.enum';
import { County, OrganisationKind } from '../../src/modules/organisation/organisation.enums';
import { makeOrganisation, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const CREATE = 'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name county officialCode parent { id } } }';
const UPDATE = 'mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id parent { id } } }';
const LIST = `query($first: Int, $after: String, $filter: OrganisationFilter) {
  organisations(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } }`;

describe('organisations', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
  });
  afterAll(() => t.close());

  const create = async (input: Record<string, unknown>) => t.gql(CREATE, { input }, admin);

  it('builds a tree: parent and children resolve both ways', async () => {
    const region = (await create({ name: 'Region Halland', kind: 'REGION', officialCode: '13' })).data!.createOrganisation;
    expect(region.county).toBe('HALLAND');
    const admin1 = (await create({ name: 'Hälso- och sjukvård', kind: 'REGION', parentId: region.id })).data!.createOrganisation;
    await create({ name: 'Vårdcentral Väster', kind: 'REGION', parentId: admin1.id, operatingForm: 'OWN_MANAGEMENT' });
    const res = await t.gql(
      'query($id: ID!) { organisation(id: $id) { name parent { name } children { name parent { name } children { name } } } }',
      { id: admin1.id },
      admin,
    );
    expect(res.data!.organisation).toEqual({
      name: 'Hälso- och sjukvård',
      parent: { name: 'Region Halland' },
      children: [{ name: 'Vårdcentral Väster', parent: { name: 'Hälso- och sjukvård' }, children: [] }],
    });
  });

  it('refuses a move that would make a cycle, and a parent that does not exist', async () => {
    const a = await makeOrganisation(t.ds, { name: 'A' });
    const b = await makeOrganisation(t.ds, { name: 'B', parentId: a.id });
    const c = await makeOrganisation(t.ds, { name: 'C', parentId: b.id });

    const cycle = onlyError(await t.gql(UPDATE, { input: { id: a.id, parentId: c.id, reason: 'Omorganisation' } }, admin));
    expect(cycle.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.parentId' }] });
    const self = onlyError(await t.gql(UPDATE, { input: { id: a.id, parentId: a.id, reason: 'Omorganisation' } }, admin));
    expect(self.extensions!.code).toBe('BAD_USER_INPUT');
    const ghost = onlyError(await create({ name: 'D', kind: 'OTHER', parentId: '7d9a2b1c-0000-4000-8000-000000000000' }));
    expect(ghost.extensions!.code).toBe('NOT_FOUND');

    const moved = await t.gql(UPDATE, { input: { id: c.id, parentId: a.id, reason: 'Omorganisation' } }, admin);
    expect(moved.data!.updateOrganisation.parent).toEqual({ id: a.id });
    const rooted = await t.gql(UPDATE, { input: { id: c.id, parentId: null, reason: 'Omorganisation' } }, admin);
    expect(rooted.data!.updateOrganisation.parent).toBeNull();
  });

  it('checks official codes against the kind and the county, and keeps them unique per kind', async () => {
    const ok = await create({ name: 'Nacka kommun', kind: 'MUNICIPALITY', officialCode: '0182' });
    expect(ok.data!.createOrganisation).toMatchObject({ county: 'STOCKHOLM', officialCode: '0182' });

    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'X', kind: 'MUNICIPALITY', officialCode: '0182' }, 'CONFLICT'],
      [{ name: 'X', kind: 'MUNICIPALITY', officialCode: '0182x' }, 'BAD_USER_INPUT'],
      [{ name: 'X', kind: 'MUNICIPALITY', officialCode: '1280', county: 'STOCKHOLM' }, 'BAD_USER_INPUT'],
      [{ name: 'X', kind: 'PRIVATE_PROVIDER', officialCode: '1383' }, 'BAD_USER_INPUT'],
      [{ name: 'X', kind: 'STATE_AGENCY', skrGroup: 'A1' }, 'BAD_USER_INPUT'],
      [{ name: 'X', kind: 'PRIVATE_PROVIDER', operatingForm: 'NON_PROFIT' }, 'BAD_USER_INPUT'],
      [{ name: '', kind: 'OTHER' }, 'BAD_USER_INPUT'],
      [{ name: 'X', kind: 'OTHER', population: -1 }, 'BAD_USER_INPUT'],
    ];
    for (const [input, code] of cases) {
      const err = onlyError(await create(input));
      expect([input, err.extensions!.code]).toEqual([input, code]);
      expect(err.extensions!.fields?.[0]?.field).toMatch(/^input\./);
    }
    const provider = await create({ name: 'Omsorg AB', kind: 'PRIVATE_PROVIDER', officialCode: '556000-1234', operatingForm: 'PRIVATE' });
    expect(provider.errors).toBeUndefined();
  });

  describe('list', () => {
    let root: string;
    beforeAll(async () => {
      const r = await makeOrganisation(t.ds, {
        name: 'Östersunds kommun',
        kind: OrganisationKind.MUNICIPALITY,
        officialCode: '2380',
        county: County.JAMTLAND,
      });
      root = r.id;
      for (const name of ['Äldreomsorg Östersund', 'Skola Östersund', 'IFO Östersund', 'Hemtjänst 100% Östersund']) {
        await makeOrganisation(t.ds, { name, kind: OrganisationKind.MUNICIPALITY, parentId: root });
      }
      await makeOrganisation(t.ds, { name: 'IVO', kind: OrganisationKind.SUPERVISORY_AGENCY });
    });

    it('filters by parent, kind, roots only and case-insensitive text (å, ä, ö)', async () => {
      const byParent = await t.gql(LIST, { filter: { parentId: root }, first: 10 }, admin);
      expect(byParent.data!.organisations.totalCount).toBe(4);
      const byKind = await t.gql(LIST, { filter: { kind: ['SUPERVISORY_AGENCY'] } }, admin);
      expect(byKind.data!.organisations.edges.map((e: any) => e.node.name)).toEqual(['IVO']);
      const text = await t.gql(LIST, { filter: { text: 'ÄLDREOMSORG öst' } }, admin);
      expect(text.data!.organisations.edges.map((e: any) => e.node.name)).toEqual(['Äldreomsorg Östersund']);
      const code = await t.gql(LIST, { filter: { text: '2380' } }, admin);
      expect(code.data!.organisations.edges.map((e: any) => e.node.name)).toEqual(['Östersunds kommun']);
      const roots = await t.gql(LIST, { filter: { rootsOnly: true, text: 'Östersund' } }, admin);
      expect(roots.data!.organisations.totalCount).toBe(1);
      const county = await t.gql(LIST, { filter: { county: ['JAMTLAND'] } }, admin);
      expect(county.data!.organisations.edges.map((e: any) => e.node.name)).toEqual(['Östersunds kommun']);
    });

    it('treats LIKE wildcards and SQL in the text filter as plain text', async () => {
      const pct = await t.gql(LIST, { filter: { text: '100%' } }, admin);
      expect(pct.data!.organisations.edges.map((e: any) => e.node.name)).toEqual(['Hemtjänst 100% Östersund']);
      const under = await t.gql(LIST, { filter: { text: '_' } }, admin);
      expect(under.data!.organisations.totalCount).toBe(0);
      const injection = await t.gql(LIST, { filter: { text: "x' OR '1'='1'; DROP TABLE organisation; --" } }, admin);
      expect(injection.errors).toBeUndefined();
      expect(injection.data!.organisations.totalCount).toBe(0);
      expect((await t.gql(LIST, {}, admin)).data!.organisations.totalCount).toBeGreaterThan(5);
    });

    it('pages with cursors: no row twice, none lost, hasNextPage false on the last page', async () => {
      const names: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const res: any = await t.gql(LIST, { filter: { parentId: root }, first: 3, after }, admin);
        const c = res.data.organisations;
        names.push(...c.edges.map((e: any) => e.node.name));
        pages++;
        if (!c.pageInfo.hasNextPage) break;
        after = c.pageInfo.endCursor;
      }
      expect(pages).toBe(2);
      // The order is the server's collation (ICU sv-SE embedded; the service's own elsewhere).
      expect([...names].sort()).toEqual(['Hemtjänst 100% Östersund', 'IFO Östersund', 'Skola Östersund', 'Äldreomsorg Östersund']);
    });

    it('rejects a cursor it did not issue', async () => {
      const err = onlyError(await t.gql(LIST, { after: 'bm90LWEtY3Vyc29y' }, admin));
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'after' }] });
    });
  });

  it('resolves parent and children with a constant number of SQL statements (no N+1)', async () => {
    const q = `query($filter: OrganisationFilter) { organisations(first: 100, filter: $filter) {
      edges { node { name parent { name } children { name children { name } } } } } }`;
    const measure = async (n: number) => {
      const top = await makeOrganisation(t.ds, { name: `N+1 top ${n}` });
      for (let i = 0; i < n; i++) {
        const mid = await makeOrganisation(t.ds, { name: `N+1 mid ${n}-${i}`, parentId: top.id });
        await makeOrganisation(t.ds, { name: `N+1 leaf ${n}-${i}`, parentId: mid.id });
      }
      t.queries.reset();
      const res = await t.gql(q, { filter: { parentId: top.id } }, admin);
      expect(res.data!.organisations.edges).toHaveLength(n);
      return t.queries.reset();
    };
    const small = await measure(2);
    const large = await measure(12);
    expect(large).toBe(small);
  });
});
