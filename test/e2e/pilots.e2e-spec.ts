import { Role } from '../../src/common/auth/role.enum';
import { PilotStatus, PilotTheme, PilotSector, SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, makeUser, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const CREATE = `mutation($input: CreatePilotInput!) { createPilot(input: $input) {
  id code status themes participants { level role fromDate toDate organisation { name } }
  organisations { name } researchers { fromDate user { displayName } } } }`;
const LIST = `query($filter: PilotFilter, $first: Int) { pilots(filter: $filter, first: $first) {
  totalCount edges { node { code } } } }`;

describe('pilots', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = (await userWithToken(t, { role: Role.ADMIN })).token;
  });
  afterAll(() => t.close());

  const base = { title: 'Tillit i hemtjänsten', startsOn: '2017-03-01', endsOn: '2018-12-31' };

  it('creates a pilot across the steering chain, with a researcher, in one call', async () => {
    const kommun = await makeOrganisation(t.ds, { name: 'Norrköpings kommun' });
    const unit = await makeOrganisation(t.ds, { name: 'Hemtjänst Norr', parentId: kommun.id });
    const researcher = await makeUser(t.ds, { role: Role.RESEARCHER, displayName: 'Dr Forskare' });
    const res = await t.gql(
      CREATE,
      {
        input: {
          ...base,
          code: 'TD-NKPG',
          themes: ['FOLLOW_UP'],
          participants: [
            { organisationId: unit.id, level: 'FRONT_LINE' },
            { organisationId: kommun.id, level: 'POLITICAL_PRINCIPAL', role: 'LEAD' },
            { organisationId: kommun.id, level: 'COMMISSIONER', fromDate: '2017-06-01', toDate: '2017-12-31' },
          ],
          researchers: [{ userId: researcher.id }],
        },
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const p = res.data!.createPilot;
    expect(p).toMatchObject({ code: 'TD-NKPG', status: 'PLANNED', themes: ['FOLLOW_UP'] });
    expect(p.participants).toEqual([
      { level: 'POLITICAL_PRINCIPAL', role: 'LEAD', fromDate: '2017-03-01', toDate: null, organisation: { name: 'Norrköpings kommun' } },
      { level: 'COMMISSIONER', role: 'PARTICIPANT', fromDate: '2017-06-01', toDate: '2017-12-31', organisation: { name: 'Norrköpings kommun' } },
      { level: 'FRONT_LINE', role: 'PARTICIPANT', fromDate: '2017-03-01', toDate: null, organisation: { name: 'Hemtjänst Norr' } },
    ]);
    expect(p.organisations.map((o: any) => o.name).sort()).toEqual(['Hemtjänst Norr', 'Norrköpings kommun']);
    expect(p.researchers).toEqual([{ fromDate: '2017-03-01', user: { displayName: 'Dr Forskare' } }]);
  });

  it('writes nothing when any part of a new pilot is wrong', async () => {
    const org = await makeOrganisation(t.ds);
    const analyst = await makeUser(t.ds, { role: Role.ANALYST });
    const wrongResearcher = onlyError(
      await t.gql(
        CREATE,
        {
          input: { ...base, code: 'TD-HALF', participants: [{ organisationId: org.id, level: 'FRONT_LINE' }], researchers: [{ userId: analyst.id }] },
        },
        admin,
      ),
    );
    expect(wrongResearcher.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.researchers.0.userId' }] });

    const overlap = onlyError(
      await t.gql(
        CREATE,
        {
          input: {
            ...base,
            code: 'TD-HALF',
            participants: [
              { organisationId: org.id, level: 'FRONT_LINE' },
              { organisationId: org.id, level: 'FRONT_LINE', fromDate: '2018-01-01' },
            ],
          },
        },
        admin,
      ),
    );
    expect(overlap.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.participants' }] });

    const [{ count }] = await t.ds.query(`SELECT count(*)::int AS count FROM pilot WHERE code = 'TD-HALF'`);
    expect(count).toBe(0);
  });

  it('checks dates: the end is not before the start, for pilots and participants', async () => {
    const org = await makeOrganisation(t.ds);
    const bad = onlyError(await t.gql(CREATE, { input: { ...base, code: 'TD-DATES', endsOn: '2016-01-01' } }, admin));
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.endsOn' }] });
    const badPart = onlyError(
      await t.gql(
        CREATE,
        {
          input: { ...base, code: 'TD-DATES', participants: [{ organisationId: org.id, level: 'STATE', fromDate: '2018-01-01', toDate: '2017-01-01' }] },
        },
        admin,
      ),
    );
    expect(badPart.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.participants.0.toDate' }] });
    const notADate = onlyError(await t.gql(CREATE, { input: { ...base, code: 'TD-DATES', startsOn: '2017-02-30' } }, admin));
    expect(notADate.extensions!.code).toBe('BAD_USER_INPUT');

    const pilot = await makePilot(t.ds, { code: 'TD-UPD' });
    const upd = onlyError(
      await t.gql(
        'mutation($input: UpdatePilotInput!) { updatePilot(input: $input) { id } }',
        {
          input: { id: pilot.id, endsOn: '2010-01-01', reason: 'Rätt slutdatum' },
        },
        admin,
      ),
    );
    expect(upd.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.endsOn' }] });
  });

  it('changes only the fields an update names', async () => {
    const pilot = await makePilot(t.ds, { code: 'TD-KEEP', status: PilotStatus.ACTIVE, themes: [PilotTheme.LEADERSHIP], description: 'Kept' });
    const res = await t.gql(
      'mutation($input: UpdatePilotInput!) { updatePilot(input: $input) { title status themes description } }',
      {
        input: { id: pilot.id, title: 'Renamed', reason: 'Nytt namn' },
      },
      admin,
    );
    expect(res.data!.updatePilot).toEqual({ title: 'Renamed', status: 'ACTIVE', themes: ['LEADERSHIP'], description: 'Kept' });
  });

  it('lets an organisation take part at another level, or at the same level later, but not twice at once', async () => {
    const org = await makeOrganisation(t.ds);
    const pilot = await makePilot(t.ds, { code: 'TD-PART' });
    const add = 'mutation($input: AddPilotParticipantInput!) { addPilotParticipant(input: $input) { id level } }';
    const first = await t.gql(add, { input: { pilotId: pilot.id, organisationId: org.id, level: 'UNIT_MANAGEMENT', toDate: '2017-12-31' } }, admin);
    expect(first.errors).toBeUndefined();
    expect((await t.gql(add, { input: { pilotId: pilot.id, organisationId: org.id, level: 'FRONT_LINE' } }, admin)).errors).toBeUndefined();
    expect(
      (await t.gql(add, { input: { pilotId: pilot.id, organisationId: org.id, level: 'UNIT_MANAGEMENT', fromDate: '2018-01-01' } }, admin)).errors,
    ).toBeUndefined();
    const twice = onlyError(
      await t.gql(add, { input: { pilotId: pilot.id, organisationId: org.id, level: 'UNIT_MANAGEMENT', fromDate: '2017-06-01', toDate: '2017-07-01' } }, admin),
    );
    expect(twice.extensions!.code).toBe('CONFLICT');

    const removed = await t.gql(
      'mutation($input: RemoveByIdInput!) { removePilotParticipant(input: $input) }',
      { input: { id: first.data!.addPilotParticipant.id, reason: 'Lades till av misstag' } },
      admin,
    );
    expect(removed.data!.removePilotParticipant).toBe(first.data!.addPilotParticipant.id);
    const again = onlyError(
      await t.gql(
        'mutation($input: RemoveByIdInput!) { removePilotParticipant(input: $input) }',
        { input: { id: first.data!.addPilotParticipant.id, reason: 'Lades till av misstag' } },
        admin,
      ),
    );
    expect(again.extensions!.code).toBe('NOT_FOUND');
  });

  it('filters by status, theme, sector, organisation (with its units), researcher and text', async () => {
    const kommun = await makeOrganisation(t.ds, { name: 'Lunds kommun' });
    const unit = await makeOrganisation(t.ds, { name: 'Lund skola', parentId: kommun.id });
    const researcher = await makeUser(t.ds, { role: Role.RESEARCHER });
    await makePilot(
      t.ds,
      { code: 'F-SCHOOL', title: 'Skolans uppföljning', status: PilotStatus.ACTIVE, themes: [PilotTheme.FOLLOW_UP], sectors: [PilotSector.SCHOOL] },
      [{ organisationId: unit.id, level: SteeringLevel.FRONT_LINE }],
      [{ userId: researcher.id }],
    );
    await makePilot(t.ds, {
      code: 'F-CARE',
      title: 'Ersättning i vården',
      status: PilotStatus.COMPLETED,
      themes: [PilotTheme.COMPENSATION_MODELS],
      sectors: [PilotSector.HEALTH_CARE],
    });

    const codes = async (filter: Record<string, unknown>) =>
      (await t.gql(LIST, { filter, first: 100 }, admin)).data!.pilots.edges.map((e: any) => e.node.code).filter((c: string) => c.startsWith('F-'));
    expect(await codes({ status: ['COMPLETED'] })).toEqual(['F-CARE']);
    expect(await codes({ theme: ['FOLLOW_UP', 'INNOVATION'] })).toEqual(['F-SCHOOL']);
    expect(await codes({ sector: ['HEALTH_CARE'] })).toEqual(['F-CARE']);
    expect(await codes({ organisationId: kommun.id })).toEqual(['F-SCHOOL']);
    expect(await codes({ researcherId: researcher.id })).toEqual(['F-SCHOOL']);
    expect(await codes({ text: 'ERSÄTTNING' })).toEqual(['F-CARE']);
    expect(await codes({ text: 'f-school' })).toEqual(['F-SCHOOL']);
  });

  it('resolves participants, organisations and researchers with a constant number of SQL statements', async () => {
    const q = `query($filter: PilotFilter) { pilots(first: 50, filter: $filter) { edges { node { code
      participants { level organisation { name parent { name } } } organisations { name } researchers { user { displayName } } } } } }`;
    const measure = async (n: number, theme: PilotTheme) => {
      for (let i = 0; i < n; i++) {
        const parent = await makeOrganisation(t.ds);
        const org = await makeOrganisation(t.ds, { parentId: parent.id });
        const r = await makeUser(t.ds, { role: Role.RESEARCHER });
        await makePilot(
          t.ds,
          { code: `NPLUS-${theme}-${i}`, themes: [theme] },
          [
            { organisationId: org.id, level: SteeringLevel.FRONT_LINE },
            { organisationId: parent.id, level: SteeringLevel.POLITICAL_PRINCIPAL },
          ],
          [{ userId: r.id }],
        );
      }
      t.queries.reset();
      const res = await t.gql(q, { filter: { theme: [theme] } }, admin);
      expect(res.data!.pilots.edges).toHaveLength(n);
      return t.queries.reset();
    };
    const small = await measure(2, PilotTheme.INNOVATION);
    const large = await measure(10, PilotTheme.COOPERATION);
    expect(large).toBe(small);
  });

  it('reads a pilot’s participants with their organisations in one statement', async () => {
    const org = await makeOrganisation(t.ds, { name: 'Ett statement kommun' });
    const pilot = await makePilot(t.ds, { code: 'ONE-STATEMENT' }, [{ organisationId: org.id, level: SteeringLevel.FRONT_LINE }]);
    t.queries.reset();
    const res = await t.gql('query($id: ID!) { pilot(id: $id) { participants { level organisation { name } } } }', { id: pilot.id }, admin);
    expect(res.data!.pilot.participants).toEqual([{ level: 'FRONT_LINE', organisation: { name: 'Ett statement kommun' } }]);
    expect(t.queries.reset()).toBe(3); // the caller's token, the pilot, its participants with their organisations
  });
});
