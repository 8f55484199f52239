import { Role } from '../../src/common/auth/role.enum';
import { makeOrganisation, makeUser, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const LOG = `query($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { at entity entityId action reason changes actor { id } } } } }`;

describe('audit trail', () => {
  let t: TestApp;
  let admin: { user: { id: string }; token: string };
  beforeAll(async () => {
    t = await startTestApp();
    admin = await userWithToken(t, { role: Role.ADMIN });
  });
  afterAll(() => t.close());

  const entries = async (filter: Record<string, unknown>) =>
    (await t.gql(LOG, { filter, first: 100 }, admin.token)).data!.auditLog.edges.map((e: any) => e.node);
  const mutate = async (name: string, input: Record<string, unknown>, select = 'id') => {
    const type = `${name[0].toUpperCase()}${name.slice(1)}Input`;
    const res = await t.gql(`mutation($input: ${type}!) { ${name}(input: $input) { ${select} } }`, { input }, admin.token);
    expect(res.errors).toBeUndefined();
    return res.data![name];
  };

  it('records who created and changed an organisation, field by field', async () => {
    const { id } = await mutate('createOrganisation', { name: 'Kalmar kommun', kind: 'MUNICIPALITY', officialCode: '0880' });
    await mutate('updateOrganisation', { id, name: 'Kalmar kommun (KLK)', population: 70000, reason: 'Förkortning och folkmängd 2017' });
    await mutate('updateOrganisation', { id, name: 'Kalmar kommun (KLK)', reason: 'Samma igen' }); // no change: no entry

    const log = await entries({ entityId: id });
    expect(log.map((e: any) => e.action)).toEqual(['UPDATE', 'CREATE']);
    const [update, create] = log;
    expect(update).toMatchObject({ entity: 'ORGANISATION', actor: { id: admin.user.id }, reason: 'Förkortning och folkmängd 2017' });
    expect(update.changes).toEqual({
      name: { before: 'Kalmar kommun', after: 'Kalmar kommun (KLK)' },
      population: { before: null, after: 70000 },
    });
    expect(create.changes).toMatchObject({ name: { before: null, after: 'Kalmar kommun' }, county: { after: 'KALMAR' } });
  });

  it('never copies a password hash into the trail', async () => {
    const { id } = await mutate('createUser', { email: 'ny@example.se', displayName: 'Ny', role: 'ANALYST', password: 'a long password here' });
    await mutate('updateUser', { id, password: 'another long password', reason: 'Nytt lösenord' });
    const log = await entries({ entity: ['USER'], entityId: id });
    expect(log.map((e: any) => e.changes.passwordHash)).toEqual([
      { before: '[hidden]', after: '[hidden]' },
      { before: null, after: '[hidden]' },
    ]);
    expect(JSON.stringify(log)).not.toMatch(/argon2/);
  });

  it('records a pilot with its participants and researchers, and a removal with what was removed', async () => {
    const org = await makeOrganisation(t.ds);
    const researcher = await makeUser(t.ds, { role: Role.RESEARCHER });
    const pilot = await mutate(
      'createPilot',
      {
        code: 'AUD-1',
        title: 'Audit',
        startsOn: '2017-03-01',
        participants: [{ organisationId: org.id, level: 'FRONT_LINE' }],
        researchers: [{ userId: researcher.id }],
      },
      'id participants { id }',
    );
    const created = await entries({ entity: ['PILOT', 'PILOT_PARTICIPANT', 'PILOT_RESEARCHER'] });
    expect(created.map((e: any) => `${e.action} ${e.entity}`).sort()).toEqual(['CREATE PILOT', 'CREATE PILOT_PARTICIPANT', 'CREATE PILOT_RESEARCHER']);

    const participantId = pilot.participants[0].id;
    const rm = await t.gql(
      'mutation($input: RemoveByIdInput!) { removePilotParticipant(input: $input) }',
      { input: { id: participantId, reason: 'Deltog inte' } },
      admin.token,
    );
    expect(rm.errors).toBeUndefined();
    const [removal] = await entries({ entityId: participantId });
    expect(removal).toMatchObject({ action: 'DELETE', entity: 'PILOT_PARTICIPANT' });
    expect(removal.changes).toMatchObject({ organisationId: { before: org.id, after: null }, level: { before: 'FRONT_LINE', after: null } });
  });

  it('writes no entry for a write that fails', async () => {
    const before = (await t.gql(LOG, {}, admin.token)).data!.auditLog.totalCount;
    const dup = await t.gql(
      'mutation($input: CreatePilotInput!) { createPilot(input: $input) { id } }',
      {
        input: { code: 'AUD-1', title: 'Again', startsOn: '2017-03-01' },
      },
      admin.token,
    );
    expect(onlyError(dup).extensions!.code).toBe('CONFLICT');
    expect((await t.gql(LOG, {}, admin.token)).data!.auditLog.totalCount).toBe(before);
  });

  it('filters by user and time, and pages newest first without gaps', async () => {
    const other = await userWithToken(t, { role: Role.ADMIN });
    const since = new Date().toISOString();
    for (let i = 0; i < 5; i++) {
      await t.gql(
        'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
        { input: { name: `Paged ${i}`, kind: 'OTHER' } },
        other.token,
      );
    }
    const mine = await entries({ actorId: other.user.id, from: since });
    expect(mine.map((e: any) => e.changes.name.after)).toEqual(['Paged 4', 'Paged 3', 'Paged 2', 'Paged 1', 'Paged 0']);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await t.gql(LOG, { filter: { actorId: other.user.id }, first: 2, after }, admin.token)).data!.auditLog;
      seen.push(...page.edges.map((e: any) => e.node.changes.name.after));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Paged 4', 'Paged 3', 'Paged 2', 'Paged 1', 'Paged 0']);
    expect(await entries({ actorId: other.user.id, to: since })).toEqual([]);
  });

  it('is for admins only', async () => {
    for (const role of [Role.RESEARCHER, Role.ANALYST]) {
      const { token } = await userWithToken(t, { role });
      expect(onlyError(await t.gql(LOG, {}, token)).extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('cannot be altered by the API’s role, nor by the database owner', async () => {
    await mutate('createOrganisation', { name: 'Immutable', kind: 'OTHER' });
    // The API's own connection has no right to (test/e2e/least-privilege.e2e-spec.ts tries every route).
    await expect(t.ds.query(`UPDATE audit_log SET action = 'DELETE'`)).rejects.toThrow(/permission denied/);
    // The owner has, but the table's triggers refuse.
    await expect(t.asSuperuser(`UPDATE audit_log SET action = 'DELETE'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(t.asSuperuser('DELETE FROM audit_log')).rejects.toThrow(/append-only: DELETE/);
    await expect(t.asSuperuser('TRUNCATE audit_log')).rejects.toThrow(/append-only: TRUNCATE/);
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM audit_log');
    expect(n).toBeGreaterThan(0);
  });
});
