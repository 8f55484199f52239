import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Role } from '../../src/common/auth/role.enum';
import { createAdmin } from '../../src/cli/create-admin';
import { AccessChecks } from '../../src/modules/access/access.checks';
import { login, makeOrganisation, makePilot, userWithToken } from '../factories';
import { sampleOperations } from '../utils/schema-walk';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const PILOT = `query($id: ID!) { pilot(id: $id) { id code participants { level organisation { name } }
  researchers { user { displayName email } } } }`;
const PILOT_CODES = '{ pilots(first: 100) { totalCount edges { node { code } } } }';
const ORG = 'query($id: ID!) { organisation(id: $id) { id name } }';

describe('access control', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('walks the whole story of the foundation issue through the API', async () => {
    await createAdmin(t.ds, { email: 'admin@example.se', displayName: 'Admin', password: 'a-very-long-password' });
    const admin = await login(t, 'admin@example.se', 'a-very-long-password');
    const mutate = async (m: string, input: Record<string, unknown>) => {
      const res = await t.gql(`mutation($input: ${m[0].toUpperCase()}${m.slice(1)}Input!) { ${m}(input: $input) { id } }`, { input }, admin);
      expect(res.errors).toBeUndefined();
      return res.data![m].id as string;
    };

    const varberg = await mutate('createOrganisation', {
      name: 'Varbergs kommun',
      kind: 'MUNICIPALITY',
      officialCode: '1383',
      skrGroup: 'B4',
      population: 64000,
    });
    const social = await mutate('createOrganisation', { name: 'Socialförvaltningen', kind: 'MUNICIPALITY', parentId: varberg });
    const homeCare = await mutate('createOrganisation', { name: 'Hemtjänst Centrum', kind: 'MUNICIPALITY', parentId: social, operatingForm: 'OWN_MANAGEMENT' });
    const ostersund = await mutate('createOrganisation', { name: 'Östersunds kommun', kind: 'MUNICIPALITY', officialCode: '2380' });
    const researcherId = await mutate('createUser', {
      email: 'forskare@example.se',
      displayName: 'Forskare',
      role: 'RESEARCHER',
      password: 'researcher-password',
    });
    await mutate('createUser', {
      email: 'rapportor@ostersund.se',
      displayName: 'Rapportör',
      role: 'ORG_REPORTER',
      organisationId: ostersund,
      password: 'reporter-password',
    });
    await mutate('createUser', { email: 'analytiker@example.se', displayName: 'Analytiker', role: 'ANALYST', password: 'analyst-password1' });
    const pilotId = await mutate('createPilot', {
      code: 'TD-2017-01',
      title: 'Tillitsbaserad hemtjänst',
      status: 'ACTIVE',
      sectors: ['SOCIAL_CARE'],
      themes: ['LEADERSHIP', 'FOLLOW_UP'],
      startsOn: '2017-03-01',
      endsOn: '2018-12-31',
      targetMethods: ['LESS_DETAIL_STEERING'],
      participants: [
        { organisationId: varberg, level: 'POLITICAL_PRINCIPAL', role: 'LEAD' },
        { organisationId: social, level: 'ADMINISTRATION_MANAGEMENT' },
        { organisationId: homeCare, level: 'FRONT_LINE' },
      ],
      researchers: [{ userId: researcherId }],
    });

    const researcher = await login(t, 'forskare@example.se', 'researcher-password');
    const seen = await t.gql(PILOT, { id: pilotId }, researcher);
    expect(seen.data!.pilot.participants.map((p: { level: string }) => p.level)).toEqual(['POLITICAL_PRINCIPAL', 'ADMINISTRATION_MANAGEMENT', 'FRONT_LINE']);
    expect((await t.gql(PILOT_CODES, {}, researcher)).data!.pilots.edges).toEqual([{ node: { code: 'TD-2017-01' } }]);

    const reporter = await login(t, 'rapportor@ostersund.se', 'reporter-password');
    expect(onlyError(await t.gql(PILOT, { id: pilotId }, reporter)).extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(PILOT_CODES, {}, reporter)).data!.pilots.totalCount).toBe(0);

    const analyst = await login(t, 'analytiker@example.se', 'analyst-password1');
    const analystView = await t.gql(PILOT, { id: pilotId }, analyst);
    expect(analystView.data!.pilot.researchers).toEqual([{ user: { displayName: 'Forskare', email: null } }]);
  });

  it('deny by default: every operation but login and framework needs a token', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const ops = [...sampleOperations(schema, 'query'), ...sampleOperations(schema, 'mutation')];
    expect(ops.length).toBeGreaterThan(10);
    const open: string[] = [];
    for (const op of ops) {
      const res = await t.gql(op.query, op.variables);
      const code = res.errors?.[0]?.extensions?.code;
      if (code !== 'UNAUTHENTICATED') open.push(`${op.name} → ${code ?? 'data'}`);
    }
    // The two public operations: framework answers, login checks its (sample) input.
    expect(open).toEqual(['framework → data', 'login → BAD_USER_INPUT']);
  });

  const ADMIN_ONLY = [
    'createUser',
    'inviteUser',
    'issuePasswordLink',
    'updateUser',
    'createOrganisation',
    'updateOrganisation',
    'createPilot',
    'updatePilot',
    'addPilotParticipant',
    'removePilotParticipant',
    'addPilotResearcher',
    'removePilotResearcher',
    'withdrawSurveyBatch',
    'restoreSurveyBatch',
  ];
  const RESEARCH_WRITES = [
    'logObservation',
    'updateObservation',
    'deleteObservation',
    'restoreObservation',
    'addCodedSegment',
    'updateCodedSegment',
    'removeCodedSegment',
    'recordObstacle',
    'updateObstacleStatus',
    'updateObstacle',
    'recordEffect',
    'updateEffect',
    'recordIdea',
    'updateIdea',
    'publishIdea',
    'startEvaluationReport',
    'renameEvaluationReport',
    'writeReportSection',
    'addReportFinding',
    'updateReportFinding',
    'withdrawReportFinding',
    'addReportAuthor',
    'setEvaluationReportStatus',
    'linkEvidence',
    'unlinkEvidence',
    'createOwnCode',
    'updateOwnCode',
    'retireOwnCode',
    'mergeOwnCodes',
  ];
  /** Organisation reports: admins, researchers (for their pilots' organisations) and org reporters (their own). */
  const REPORT_WRITES = [
    'createSteeringInstrument',
    'updateSteeringInstrument',
    'closeSteeringInstrument',
    'defineIndicator',
    'updateIndicator',
    'reportIndicatorBurden',
    'reportIndicatorBurdenBatch',
    'withdrawBurdenReport',
    'restoreBurdenReport',
    'reportTimeThief',
    'updateTimeThiefStatus',
    'updateTimeThief',
    'withdrawTimeThief',
    'restoreTimeThief',
    'reportStaffSize',
    'updateStaffSize',
    'removeStaffSize',
    'recordSupervisionInteraction',
    'updateSupervisionInteraction',
  ];
  /** Survey design (admins, researchers), scheduling (also org reporters, for their own units) and submission (admins, org reporters). */
  const SURVEY_DESIGN = ['createSurveyInstrument', 'deleteSurveyWave'];
  const SURVEY_SCHEDULE = ['openSurveyWave', 'closeSurveyWave', 'reopenSurveyWave'];
  const SURVEY_SUBMIT = ['submitSurveyResponses', 'createSurveyLink', 'setSurveyLinkInvited', 'revokeSurveyLink'];

  it('only ADMIN manages users, organisations and pilots', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const all = sampleOperations(schema, 'mutation');
    expect(
      all
        .map((m) => m.name)
        // Every signed-in user: their own session and password.
        .filter((n) => n !== 'login' && n !== 'changePassword')
        .sort(),
    ).toEqual([...ADMIN_ONLY, ...RESEARCH_WRITES, ...REPORT_WRITES, ...SURVEY_DESIGN, ...SURVEY_SCHEDULE, ...SURVEY_SUBMIT].sort());
    const org = await makeOrganisation(t.ds);
    for (const role of [Role.RESEARCHER, Role.ANALYST, Role.ORG_REPORTER]) {
      const { token } = await userWithToken(t, { role, organisationId: role === Role.ORG_REPORTER ? org.id : null });
      for (const m of all.filter((op) => ADMIN_ONLY.includes(op.name))) {
        const res = await t.gql(m.query, m.variables, token);
        expect([m.name, role, res.errors?.[0]?.extensions?.code]).toEqual([m.name, role, 'FORBIDDEN']);
      }
      expect(onlyError(await t.gql('{ users { totalCount } }', {}, token)).extensions!.code).toBe('FORBIDDEN');
      expect(onlyError(await t.gql('{ auditLog { totalCount } }', {}, token)).extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('only admins and researchers design surveys; analysts schedule none; only admins and org reporters submit responses', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const ops = sampleOperations(schema, 'mutation');
    const org = await makeOrganisation(t.ds);
    const cases: [Role, string[]][] = [
      [Role.ANALYST, [...SURVEY_DESIGN, ...SURVEY_SCHEDULE, ...SURVEY_SUBMIT]],
      [Role.ORG_REPORTER, SURVEY_DESIGN],
      [Role.RESEARCHER, SURVEY_SUBMIT],
    ];
    for (const [role, names] of cases) {
      const { token } = await userWithToken(t, { role, organisationId: role === Role.ORG_REPORTER ? org.id : null });
      for (const m of ops.filter((op) => names.includes(op.name))) {
        const res = await t.gql(m.query, m.variables, token);
        expect([m.name, role, res.errors?.[0]?.extensions?.code]).toEqual([m.name, role, 'FORBIDDEN']);
      }
    }
  });

  it('ANALYST writes no organisation reports', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const { token } = await userWithToken(t, { role: Role.ANALYST });
    for (const m of sampleOperations(schema, 'mutation').filter((op) => REPORT_WRITES.includes(op.name))) {
      const res = await t.gql(m.query, m.variables, token);
      expect([m.name, res.errors?.[0]?.extensions?.code]).toEqual([m.name, 'FORBIDDEN']);
    }
  });

  it('ANALYST and ORG_REPORTER write no research data', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const org = await makeOrganisation(t.ds);
    for (const role of [Role.ANALYST, Role.ORG_REPORTER]) {
      const { token } = await userWithToken(t, { role, organisationId: role === Role.ORG_REPORTER ? org.id : null });
      for (const m of sampleOperations(schema, 'mutation').filter((op) => RESEARCH_WRITES.includes(op.name))) {
        const res = await t.gql(m.query, m.variables, token);
        expect([m.name, role, res.errors?.[0]?.extensions?.code]).toEqual([m.name, role, 'FORBIDDEN']);
      }
    }
  });

  it('ORG_REPORTER sees only its own organisation subtree, and hidden rows look like missing ones', async () => {
    const root = await makeOrganisation(t.ds, { name: 'Alingsås kommun' });
    const unit = await makeOrganisation(t.ds, { name: 'Alingsås hemtjänst', parentId: root.id });
    const other = await makeOrganisation(t.ds, { name: 'Lunds kommun' });
    const { token } = await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: root.id });

    const list = await t.gql('{ organisations(first: 100) { edges { node { name children { name } } } } }', {}, token);
    expect(list.data!.organisations.edges.map((e: any) => e.node.name).sort()).toEqual(['Alingsås hemtjänst', 'Alingsås kommun']);
    expect((await t.gql(ORG, { id: unit.id }, token)).data!.organisation.name).toBe('Alingsås hemtjänst');

    const hidden = onlyError(await t.gql(ORG, { id: other.id }, token));
    const missingId = '5f0c3b3e-0000-4000-8000-000000000000';
    const missing = onlyError(await t.gql(ORG, { id: missingId }, token));
    expect(hidden.extensions).toEqual(missing.extensions);
    expect(hidden.message.replace(other.id, 'ID')).toBe(missing.message.replace(missingId, 'ID'));
  });

  it('ORG_REPORTER sees only the pilots its organisation (or one of its units) takes part in', async () => {
    const root = await makeOrganisation(t.ds, { name: 'Sundsvalls kommun' });
    const unit = await makeOrganisation(t.ds, { name: 'Sundsvall äldreomsorg', parentId: root.id });
    const stranger = await makeOrganisation(t.ds, { name: 'Kalmar kommun' });
    const theirs = await makePilot(t.ds, { code: 'SUNDSVALL-1' }, [{ organisationId: unit.id }]);
    const notTheirs = await makePilot(t.ds, { code: 'KALMAR-1' }, [{ organisationId: stranger.id }]);
    const { token } = await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: root.id });

    const codes = (await t.gql(PILOT_CODES, {}, token)).data!.pilots.edges.map((e: any) => e.node.code);
    expect(codes).toEqual(['SUNDSVALL-1']);
    expect((await t.gql(PILOT, { id: theirs.id }, token)).data!.pilot.code).toBe('SUNDSVALL-1');

    const hidden = onlyError(await t.gql(PILOT, { id: notTheirs.id }, token));
    const missingId = '5f0c3b3e-0000-4000-8000-000000000001';
    const missing = onlyError(await t.gql(PILOT, { id: missingId }, token));
    expect(hidden.extensions).toEqual({ code: 'NOT_FOUND' });
    expect(hidden.message.replace(notTheirs.id, 'ID')).toBe(missing.message.replace(missingId, 'ID'));

    // A unit below a participating organisation takes part too.
    const team = await makeOrganisation(t.ds, { name: 'Sundsvall äldreomsorg, team norr', parentId: unit.id });
    const teamReporter = await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: team.id });
    expect((await t.gql(PILOT_CODES, {}, teamReporter.token)).data!.pilots.edges.map((e: any) => e.node.code)).toEqual(['SUNDSVALL-1']);
  });

  it('ANALYST reads every pilot but no e-mail address except its own', async () => {
    const researcher = await userWithToken(t, { role: Role.RESEARCHER });
    const org = await makeOrganisation(t.ds);
    const pilot = await makePilot(t.ds, { code: 'ANALYST-1' }, [{ organisationId: org.id }], [{ userId: researcher.user.id }]);
    const analyst = await userWithToken(t, { role: Role.ANALYST });

    const res = await t.gql(PILOT, { id: pilot.id }, analyst.token);
    expect(res.data!.pilot.researchers).toEqual([{ user: { displayName: researcher.user.displayName, email: null } }]);
    expect((await t.gql(PILOT_CODES, {}, analyst.token)).data!.pilots.edges.map((e: any) => e.node.code)).toContain('ANALYST-1');
    expect((await t.gql('{ me { email } }', {}, analyst.token)).data!.me.email).toBe(analyst.user.email);
  });

  it('RESEARCHER may write to a pilot only on dates they follow it', async () => {
    // The rule every researcher write goes through (observations arrive with the next issue).
    const researcher = await userWithToken(t, { role: Role.RESEARCHER });
    const pilot = await makePilot(t.ds, { code: 'FOLLOW-1' }, [], [{ userId: researcher.user.id, fromDate: '2017-03-01', toDate: '2017-12-31' }]);
    const other = await makePilot(t.ds, { code: 'FOLLOW-2' });
    const pilots = t.app.get(AccessChecks);
    expect(await pilots.researcherFollows(researcher.user.id, pilot.id, '2017-03-01')).toBe(true);
    expect(await pilots.researcherFollows(researcher.user.id, pilot.id, '2017-12-31')).toBe(true);
    expect(await pilots.researcherFollows(researcher.user.id, pilot.id, '2018-01-01')).toBe(false);
    expect(await pilots.researcherFollows(researcher.user.id, pilot.id, '2017-02-28')).toBe(false);
    expect(await pilots.researcherFollows(researcher.user.id, other.id, '2017-06-01')).toBe(false);
  });
});
