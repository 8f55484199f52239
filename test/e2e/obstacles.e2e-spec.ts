import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const MISSING = '00000000-0000-4000-8000-0000000000ee';
const RECORD =
  'mutation($input: RecordObstacleInput!) { recordObstacle(input: $input) { id status version organisations { name } statusHistory { status changedOn } } }';
const STATUS =
  'mutation($input: UpdateObstacleStatusInput!) { updateObstacleStatus(input: $input) { status version statusHistory { status changedOn reason } } }';
const UPDATE = 'mutation($input: UpdateObstacleInput!) { updateObstacle(input: $input) { description version organisations { name } } }';
const LIST = '{ obstacles { totalCount edges { node { id type level description pilot { code } } } } }';

/** Obstacles in a pilot (issue 13 §1): recorded by its researchers, a status history, scoped per role. */
describe('obstacles', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const org: Record<string, string> = {};
  let pilotId: string;
  let obstacleId: string;

  const ok = async (query: string, input: Record<string, unknown>, who: string) => {
    const res = await t.gql(query, { input }, token[who]);
    if (res.errors) throw new Error(res.text);
    return Object.values(res.data!)[0] as Record<string, any>;
  };
  const fails = async (query: string, input: Record<string, unknown>, who: string) => onlyError(await t.gql(query, { input }, token[who]));
  const base = () => ({
    pilotId,
    organisationIds: [org.unit],
    type: 'LEGISLATION',
    description: 'Socialtjänstlagens krav på biståndsbeslut per insats styr detaljerat.',
    level: 'FRONT_LINE',
    causeText: 'Biståndsbeslut per insats',
    proposedChange: 'Rambeslut',
    changeBy: 'GOVERNMENT',
    identifiedOn: '2019-03-01',
  });

  beforeAll(async () => {
    t = await startTestApp();
    token.admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    token.analyst = (await userWithToken(t, { role: Role.ANALYST })).token;
    org.kommun = (await makeOrganisation(t.ds, { name: 'Kommunen' })).id;
    org.unit = (await makeOrganisation(t.ds, { name: 'Hemtjänsten', parentId: org.kommun })).id;
    org.granne = (await makeOrganisation(t.ds, { name: 'Grannkommunen' })).id;
    const following = await userWithToken(t, { role: Role.RESEARCHER });
    token.researcher = following.token;
    token.researcherNone = (await userWithToken(t, { role: Role.RESEARCHER })).token;
    token.reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: org.kommun })).token;
    token.reporterOutside = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: org.granne })).token;
    pilotId = (
      await makePilot(
        t.ds,
        { code: 'HIND-1', startsOn: '2019-01-01', endsOn: null },
        [{ organisationId: org.kommun, level: SteeringLevel.POLITICAL_PRINCIPAL }],
        [{ userId: following.user.id, fromDate: '2019-01-01' }],
      )
    ).id;
  });
  afterAll(() => t.close());

  it('is recorded by a researcher following the pilot, once however often it is sent, and starts identified', async () => {
    const clientId = randomUUID();
    const first = await ok(RECORD, { ...base(), clientId }, 'researcher');
    const again = await ok(RECORD, { ...base(), clientId }, 'researcher');
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({
      status: 'IDENTIFIED',
      version: 1,
      organisations: [{ name: 'Hemtjänsten' }],
      statusHistory: [{ status: 'IDENTIFIED', changedOn: '2019-03-01' }],
    });
    obstacleId = first.id;
  });

  it('is refused to researchers who do not follow the pilot, and to reporters and analysts', async () => {
    expect((await fails(RECORD, base(), 'researcherNone')).extensions!.code).toBe('FORBIDDEN');
    for (const who of ['reporter', 'analyst']) expect((await fails(RECORD, base(), who)).extensions!.code).toBe('FORBIDDEN');
    const outside = await fails(RECORD, { ...base(), organisationIds: [org.granne] }, 'researcher');
    expect([outside.extensions!.code, outside.message]).toEqual([
      'BAD_USER_INPUT',
      'input.organisationIds.0: neither this organisation nor one it belongs to takes part in the pilot',
    ]);
  });

  it('is seen by admins, analysts, its pilot’s researchers and the reporters of the organisation it names, and by nobody else', async () => {
    const seen = async (who: string) => (await t.gql(LIST, {}, token[who])).data!.obstacles.totalCount;
    expect(
      Object.fromEntries(
        await Promise.all(['admin', 'analyst', 'researcher', 'researcherNone', 'reporter', 'reporterOutside'].map(async (w) => [w, await seen(w)])),
      ),
    ).toEqual({ admin: 1, analyst: 1, researcher: 1, researcherNone: 0, reporter: 1, reporterOutside: 0 });
    // A hidden obstacle answers exactly like a missing one.
    const one = 'query($id: ID!) { obstacle(id: $id) { id } }';
    const hidden = onlyError(await t.gql(one, { id: obstacleId }, token.reporterOutside));
    const missing = onlyError(await t.gql(one, { id: MISSING }, token.reporterOutside));
    expect([hidden.extensions!.code, hidden.message.replace(obstacleId, 'ID')]).toEqual([missing.extensions!.code, missing.message.replace(MISSING, 'ID')]);
    expect((await fails(STATUS, { id: obstacleId, status: 'RAISED', changedOn: '2019-04-01' }, 'researcherNone')).extensions!.code).toBe('NOT_FOUND');
  });

  it('moves through its statuses by the rules, with a dated history', async () => {
    expect((await fails(STATUS, { id: obstacleId, status: 'KEPT', changedOn: '2019-04-01' }, 'researcher')).message).toBe(
      'input.reason: is required when an obstacle is KEPT',
    );
    expect((await fails(STATUS, { id: obstacleId, status: 'RAISED', changedOn: '2019-02-01' }, 'researcher')).message).toBe(
      'input.changedOn: must not be before the previous change (2019-03-01)',
    );
    await ok(STATUS, { id: obstacleId, status: 'RAISED', changedOn: '2019-04-01' }, 'researcher');
    const backwards = await fails(STATUS, { id: obstacleId, status: 'IDENTIFIED', changedOn: '2019-05-01' }, 'researcher');
    expect([backwards.extensions!.code, backwards.message]).toEqual([
      'CONFLICT',
      'An obstacle that is RAISED cannot become IDENTIFIED; it can become BEING_ADDRESSED or REMOVED or KEPT',
    ]);
    const removed = await ok(STATUS, { id: obstacleId, status: 'REMOVED', changedOn: '2019-08-15' }, 'researcher');
    expect(removed.statusHistory.map((h: any) => `${h.changedOn} ${h.status}`)).toEqual(['2019-03-01 IDENTIFIED', '2019-04-01 RAISED', '2019-08-15 REMOVED']);
    // History is appended, never rewritten: the app's own role cannot.
    await expect(t.ds.query(`UPDATE obstacle_status_change SET reason = 'x'`)).rejects.toThrow(/permission denied/);
  });

  it('is corrected with the version read and a reason, kept in its history', async () => {
    const current = (await t.gql('query($id: ID!) { obstacle(id: $id) { version } }', { id: obstacleId }, token.researcher)).data!.obstacle.version;
    const stale = await fails(UPDATE, { id: obstacleId, expectedVersion: current - 1, reason: 'Förtydligat', description: 'X' }, 'researcher');
    expect(stale.extensions!.code).toBe('CONFLICT');
    const fixed = await ok(
      UPDATE,
      { id: obstacleId, expectedVersion: current, reason: 'Förtydligat', description: 'Biståndsbeslut per insats.', organisationIds: [org.kommun] },
      'researcher',
    );
    expect(fixed).toMatchObject({ description: 'Biståndsbeslut per insats.', version: current + 1, organisations: [{ name: 'Kommunen' }] });
    const history = (await t.gql('query($id: ID!) { obstacle(id: $id) { history { action reason } } }', { id: obstacleId }, token.admin)).data!.obstacle
      .history;
    expect(history.map((h: any) => h.reason)).toContain('Förtydligat');
    expect((await fails(UPDATE, { id: obstacleId, expectedVersion: current + 1, reason: 'x', type: null }, 'researcher')).extensions!.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('is counted by type over time: identified, removed, and open at each bucket’s end', async () => {
    await ok(RECORD, { ...base(), type: 'IT_SYSTEMS', description: 'Två journalsystem', identifiedOn: '2019-05-10' }, 'researcher');
    const res = await t.gql(
      'query($input: ObstacleCountsInput!) { obstacleCounts(input: $input) { bucketStart type identified removed open } }',
      { input: { from: '2019-01-01', to: '2019-12-31', bucket: 'QUARTER' } },
      token.analyst,
    );
    // Types in the order of the ObstacleType enum (LEGISLATION before IT_SYSTEMS).
    expect(res.data!.obstacleCounts).toEqual([
      { bucketStart: '2019-01-01', type: 'LEGISLATION', identified: 1, removed: 0, open: 1 },
      { bucketStart: '2019-01-01', type: 'IT_SYSTEMS', identified: 0, removed: 0, open: 0 },
      { bucketStart: '2019-04-01', type: 'LEGISLATION', identified: 0, removed: 0, open: 1 },
      { bucketStart: '2019-04-01', type: 'IT_SYSTEMS', identified: 1, removed: 0, open: 1 },
      { bucketStart: '2019-07-01', type: 'LEGISLATION', identified: 0, removed: 1, open: 0 },
      { bucketStart: '2019-07-01', type: 'IT_SYSTEMS', identified: 0, removed: 0, open: 1 },
      { bucketStart: '2019-10-01', type: 'LEGISLATION', identified: 0, removed: 0, open: 0 },
      { bucketStart: '2019-10-01', type: 'IT_SYSTEMS', identified: 0, removed: 0, open: 1 },
    ]);
    // In the reporter's scope only what names its organisation; a reporter elsewhere counts nothing.
    const outside = await t.gql(
      'query($input: ObstacleCountsInput!) { obstacleCounts(input: $input) { identified } }',
      { input: { from: '2019-01-01', to: '2019-12-31', bucket: 'YEAR' } },
      token.reporterOutside,
    );
    expect(outside.data!.obstacleCounts).toEqual([]);
  });

  it('filters by pilot, type, status and level', async () => {
    const q = 'query($f: ObstacleFilter) { obstacles(filter: $f) { edges { node { type status } } } }';
    const list = async (f: Record<string, unknown>) =>
      (await t.gql(q, { f }, token.admin)).data!.obstacles.edges.map((e: any) => `${e.node.type} ${e.node.status}`);
    expect(await list({ type: ['IT_SYSTEMS'] })).toEqual(['IT_SYSTEMS IDENTIFIED']);
    expect(await list({ status: ['REMOVED'], pilotId })).toEqual(['LEGISLATION REMOVED']);
    expect(await list({ level: ['STATE'] })).toEqual([]);
  });
});
