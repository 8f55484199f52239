import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, userWithToken, seen } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const START = 'mutation($input: StartEvaluationReportInput!) { startEvaluationReport(input: $input) { id number status version title } }';
const SECTION = 'mutation($input: WriteReportSectionInput!) { writeReportSection(input: $input) { version } }';
const FINDING = 'mutation($input: AddReportFindingInput!) { addReportFinding(input: $input) { id position } }';
const UPDATE_FINDING = 'mutation($input: UpdateReportFindingInput!) { updateReportFinding(input: $input) { statement position } }';
const AUTHOR = 'mutation($input: AddReportAuthorInput!) { addReportAuthor(input: $input) { version authors { displayName } } }';
const STATUS = 'mutation($input: SetReportStatusInput!) { setEvaluationReportStatus(input: $input) { status version finalisedAt } }';
const LINK = 'mutation($input: LinkEvidenceInput!) { linkEvidence(input: $input) { id kind withheld note segment { quote } } }';
const UNLINK = 'mutation($input: UnlinkEvidenceInput!) { unlinkEvidence(input: $input) { id } }';
const ASSEMBLE = `query($id: ID!) { evaluationReport(id: $id) {
  number status title pilot { code } authors { displayName } basedOn { number }
  methodFacts { observations codedSegments obstacles effects }
  sections { kind heading headingEn body findings { statement position obstacle { description }
    evidenceLinks { kind withheld note observation { title } segment { quote } timeThief { task } } } } } }`;

/** Evaluation reports (issue 13 §6) and evidence links (§5): versions, locking, co-authors, withheld evidence, per role. */
describe('evaluation reports and evidence', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const user: Record<string, string> = {};
  let pilotId: string;
  let otherPilotId: string;
  let reportId: string;
  let version: number;
  let findingId: string;
  let obstacleId: string;
  let segmentId: string;
  let foreignObservationId: string;

  const ok = async (query: string, input: Record<string, unknown>, who: string) => {
    const res = await t.gql(query, { input }, token[who]);
    if (res.errors) throw new Error(res.text);
    return Object.values(res.data!)[0] as Record<string, any>;
  };
  const fails = async (query: string, input: Record<string, unknown>, who: string) => onlyError(await t.gql(query, { input }, token[who]));
  const assemble = async (who: string, id = reportId) => {
    const res = await t.gql(ASSEMBLE, { id }, token[who]);
    if (res.errors) throw new Error(res.text);
    return res.data!.evaluationReport;
  };

  beforeAll(async () => {
    t = await startTestApp();
    token.admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    token.analyst = (await userWithToken(t, { role: Role.ANALYST })).token;
    const kommun = await makeOrganisation(t.ds, { name: 'Kommunen' });
    const other = await makeOrganisation(t.ds, { name: 'Annan' });
    for (const who of ['researcher', 'coauthor', 'follower', 'researcherNone']) {
      const u = await userWithToken(t, { role: Role.RESEARCHER, displayName: who });
      token[who] = u.token;
      user[who] = u.user.id;
    }
    token.reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: kommun.id })).token;
    pilotId = (
      await makePilot(
        t.ds,
        { code: 'REP-1', title: 'Tillit i hemtjänsten', startsOn: '2019-01-01', endsOn: null },
        [{ organisationId: kommun.id, level: SteeringLevel.POLITICAL_PRINCIPAL }],
        ['researcher', 'coauthor', 'follower'].map((w) => ({ userId: user[w], fromDate: '2019-01-01' })),
      )
    ).id;
    otherPilotId = (await makePilot(t.ds, { code: 'REP-2', startsOn: '2019-01-01', endsOn: null }, [{ organisationId: other.id }])).id;
    const observation = await ok(
      'mutation($input: LogObservationInput!) { logObservation(input: $input) { id } }',
      {
        pilotId,
        organisationId: kommun.id,
        level: 'FRONT_LINE',
        occurredOn: '2019-03-01',
        kind: 'INTERVIEW',
        title: 'Intervju med undersköterska',
        text: 'Vi får planera besöken själva nu.',
      },
      'researcher',
    );
    segmentId = (
      await ok(
        'mutation($input: AddCodedSegmentInput!) { addCodedSegment(input: $input) { id } }',
        { observationId: observation.id, start: 0, end: 33, codes: { methods: [seen('LESS_DETAIL_STEERING')] } },
        'researcher',
      )
    ).id;
    foreignObservationId = (
      await ok(
        'mutation($input: LogObservationInput!) { logObservation(input: $input) { id } }',
        {
          pilotId: otherPilotId,
          organisationId: other.id,
          level: 'FRONT_LINE',
          occurredOn: '2019-03-01',
          kind: 'MEETING',
          title: 'Hemligt',
          text: 'Annan pilot.',
        },
        'admin',
      )
    ).id;
    obstacleId = (
      await ok(
        'mutation($input: RecordObstacleInput!) { recordObstacle(input: $input) { id } }',
        {
          pilotId,
          organisationIds: [kommun.id],
          type: 'LEGISLATION',
          description: 'Biståndsbeslut per insats',
          level: 'FRONT_LINE',
          proposedChange: 'Rambeslut',
          identifiedOn: '2019-03-01',
        },
        'researcher',
      )
    ).id;
  });
  afterAll(() => t.close());

  it('is started once by a researcher following the pilot, with the six sections; nobody else starts one, and only one is open', async () => {
    const clientId = randomUUID();
    const first = await ok(START, { pilotId, clientId }, 'researcher');
    expect(await ok(START, { pilotId, clientId }, 'researcher')).toEqual(first);
    expect(first).toMatchObject({ number: 1, status: 'DRAFT', version: 1, title: 'Utvärdering av Tillit i hemtjänsten' });
    reportId = first.id;
    version = first.version;
    expect((await fails(START, { pilotId }, 'researcherNone')).extensions!.code).toBe('FORBIDDEN');
    expect((await fails(START, { pilotId }, 'reporter')).extensions!.code).toBe('FORBIDDEN');
    expect((await fails(START, { pilotId }, 'analyst')).extensions!.code).toBe('FORBIDDEN');
    const open = await fails(START, { pilotId }, 'coauthor');
    expect([open.extensions!.code, open.message]).toEqual(['CONFLICT', 'Version 1 of this pilot’s report is still DRAFT: finish it first']);
    const report = await assemble('researcher');
    expect(report.sections.map((s: { kind: string }) => s.kind)).toEqual([
      'BACKGROUND_METHOD',
      'RECOMMENDATIONS',
      'GOOD_EXAMPLES',
      'OBSTACLES',
      'EFFECTS',
      'CONCLUSIONS',
    ]);
    expect(report.sections[3]).toMatchObject({ heading: 'Hinder och förändringsbehov', headingEn: 'Obstacles and needs for change' });
    expect(report.authors).toEqual([{ displayName: 'researcher' }]);
  });

  it('is written by its authors with the edit version read: a stale version is CONFLICT, a non-author FORBIDDEN', async () => {
    version = (await ok(SECTION, { reportId, expectedVersion: version, section: 'BACKGROUND_METHOD', body: 'Intervjuer och enkäter 2019.' }, 'researcher'))
      .version;
    expect(version).toBe(2);
    expect((await fails(SECTION, { reportId, expectedVersion: 1, section: 'CONCLUSIONS', body: 'x' }, 'researcher')).extensions!.code).toBe('CONFLICT');
    expect((await fails(SECTION, { reportId, expectedVersion: version, section: 'CONCLUSIONS', body: 'x' }, 'follower')).extensions!.code).toBe('FORBIDDEN');
    const hidden = await fails(SECTION, { reportId, expectedVersion: version, section: 'CONCLUSIONS', body: 'x' }, 'researcherNone');
    expect(hidden.extensions!.code).toBe('NOT_FOUND');
    const notFollowing = await fails(AUTHOR, { reportId, expectedVersion: version, userId: user.researcherNone }, 'researcher');
    expect([notFollowing.extensions!.code, notFollowing.message]).toEqual(['BAD_USER_INPUT', 'input.userId: is not a researcher following the pilot']);
    const withAuthor = await ok(AUTHOR, { reportId, expectedVersion: version, userId: user.coauthor }, 'researcher');
    expect(withAuthor.authors).toEqual([{ displayName: 'researcher' }, { displayName: 'coauthor' }]);
    version = withAuthor.version;
    // The co-author now writes too.
    version = (await ok(SECTION, { reportId, expectedVersion: version, section: 'CONCLUSIONS', body: 'Tilliten ökade.' }, 'coauthor')).version;
  });

  it('holds findings in order, tied to the pilot’s own obstacles, and each finding to its evidence', async () => {
    const clientId = randomUUID();
    const input = { reportId, expectedVersion: version, section: 'OBSTACLES', statement: 'Lagstiftningen styr detaljerat.', obstacleId, clientId };
    const first = await ok(FINDING, input, 'researcher');
    expect(await ok(FINDING, input, 'researcher')).toEqual(first);
    findingId = first.id;
    version += 1;
    const second = await ok(FINDING, { reportId, expectedVersion: version, section: 'OBSTACLES', statement: 'Ersättningsmodellen låser.' }, 'researcher');
    version += 1;
    expect(second.position).toBe(2);
    const moved = await ok(UPDATE_FINDING, { id: second.id, expectedVersion: version, reason: 'Viktigast först', position: 1 }, 'researcher');
    version += 1;
    expect(moved.position).toBe(1);
    const foreign = await fails(FINDING, { reportId, expectedVersion: version, section: 'EFFECTS', statement: 'x', ideaId: randomUUID() }, 'researcher');
    expect(foreign.extensions!.code).toBe('NOT_FOUND');

    const linked = await ok(
      LINK,
      { findingKind: 'REPORT_FINDING', findingId, evidenceKind: 'SEGMENT', evidenceId: segmentId, note: 'Undersköterskan om planering' },
      'researcher',
    );
    expect(linked).toMatchObject({ kind: 'SEGMENT', withheld: false, segment: { quote: 'Vi får planera besöken själva nu.' } });
    // A researcher cannot link what they may not see; the admin can, and the researchers then see it withheld.
    const unseen = { findingKind: 'REPORT_FINDING', findingId, evidenceKind: 'OBSERVATION', evidenceId: foreignObservationId, note: 'Jämför REP-2' };
    expect((await fails(LINK, unseen, 'researcher')).extensions!.code).toBe('NOT_FOUND');
    await ok(LINK, unseen, 'admin');
    expect((await fails(LINK, { findingKind: 'REPORT_FINDING', findingId, evidenceKind: 'BURDEN_SERIES', note: '' }, 'researcher')).extensions!.code).toBe(
      'BAD_USER_INPUT',
    );

    const asResearcher = await assemble('researcher');
    const obstacles = asResearcher.sections.find((s: { kind: string }) => s.kind === 'OBSTACLES');
    expect(obstacles.findings.map((f: { statement: string }) => f.statement)).toEqual(['Ersättningsmodellen låser.', 'Lagstiftningen styr detaljerat.']);
    expect(obstacles.findings[1].obstacle).toEqual({ description: 'Biståndsbeslut per insats' });
    expect(obstacles.findings[1].evidenceLinks).toEqual([
      {
        kind: 'SEGMENT',
        withheld: false,
        note: 'Undersköterskan om planering',
        observation: null,
        segment: { quote: 'Vi får planera besöken själva nu.' },
        timeThief: null,
      },
      { kind: 'OBSERVATION', withheld: true, note: null, observation: null, segment: null, timeThief: null },
    ]);
    expect(asResearcher.methodFacts).toEqual({ observations: 1, codedSegments: 1, obstacles: 1, effects: 0 });
    const asAdmin = await assemble('admin');
    const adminEvidence = asAdmin.sections.find((s: { kind: string }) => s.kind === 'OBSTACLES').findings[1].evidenceLinks;
    expect(adminEvidence[1]).toMatchObject({ withheld: false, note: 'Jämför REP-2', observation: { title: 'Hemligt' } });
  });

  it('is read by admins, analysts and the pilot’s researchers only; a reporter reads no report', async () => {
    expect((await t.gql('{ evaluationReports { totalCount } }', {}, token.analyst)).data!.evaluationReports.totalCount).toBe(1);
    expect((await t.gql('{ evaluationReports { totalCount } }', {}, token.researcherNone)).data!.evaluationReports.totalCount).toBe(0);
    expect(onlyError(await t.gql('{ evaluationReports { totalCount } }', {}, token.reporter)).extensions!.code).toBe('FORBIDDEN');
    expect(onlyError(await t.gql(ASSEMBLE, { id: reportId }, token.researcherNone)).extensions!.code).toBe('NOT_FOUND');
  });

  it('goes draft → in review → final, is then locked, and a new version copies it and supersedes it when final', async () => {
    const skip = await fails(STATUS, { reportId, expectedVersion: version, status: 'FINAL' }, 'researcher');
    expect([skip.extensions!.code, skip.message]).toEqual(['CONFLICT', 'A DRAFT version cannot become FINAL; it can become IN_REVIEW']);
    version = (await ok(STATUS, { reportId, expectedVersion: version, status: 'IN_REVIEW' }, 'researcher')).version;
    const final = await ok(STATUS, { reportId, expectedVersion: version, status: 'FINAL', reason: 'Granskad' }, 'coauthor');
    expect(final.status).toBe('FINAL');
    expect(final.finalisedAt).not.toBeNull();
    version = final.version;
    const locked = await fails(SECTION, { reportId, expectedVersion: version, section: 'CONCLUSIONS', body: 'ändrat' }, 'researcher');
    expect([locked.extensions!.code, locked.message]).toEqual(['CONFLICT', 'Version 1 is FINAL and locked: start a new version to change the report']);
    const links = (await assemble('admin')).sections.find((s: { kind: string }) => s.kind === 'OBSTACLES').findings[1].evidenceLinks;
    expect(links).toHaveLength(2);

    const v2 = await ok(START, { pilotId }, 'coauthor');
    expect(v2).toMatchObject({ number: 2, status: 'DRAFT', title: 'Utvärdering av Tillit i hemtjänsten' });
    const copy = await assemble('admin', v2.id);
    expect(copy.basedOn).toEqual({ number: 1 });
    expect(copy.authors.map((a: { displayName: string }) => a.displayName).sort()).toEqual(['coauthor', 'researcher']);
    const copied = copy.sections.find((s: { kind: string }) => s.kind === 'OBSTACLES').findings;
    expect(copied.map((f: { statement: string }) => f.statement)).toEqual(['Ersättningsmodellen låser.', 'Lagstiftningen styr detaljerat.']);
    expect(copied[1].evidenceLinks.map((e: { kind: string }) => e.kind)).toEqual(['SEGMENT', 'OBSERVATION']);
    expect(copy.sections.find((s: { kind: string }) => s.kind === 'CONCLUSIONS').body).toBe('Tilliten ökade.');

    let v = v2.version;
    v = (await ok(STATUS, { reportId: v2.id, expectedVersion: v, status: 'IN_REVIEW' }, 'coauthor')).version;
    await ok(STATUS, { reportId: v2.id, expectedVersion: v, status: 'FINAL' }, 'coauthor');
    expect((await assemble('admin')).status).toBe('SUPERSEDED');
    const history = (await t.gql('query($id: ID!) { evaluationReport(id: $id) { history { reason } } }', { id: reportId }, token.admin)).data!;
    expect(history.evaluationReport.history.map((h: { reason: string | null }) => h.reason)).toContain('Superseded by version 2');
  });

  it('takes evidence on obstacles: a reporter reading its own obstacle sees the researchers’ observation withheld; a link is taken back with a reason', async () => {
    const link = await ok(
      LINK,
      { findingKind: 'OBSTACLE', findingId: obstacleId, evidenceKind: 'SEGMENT', evidenceId: segmentId, note: 'Citat' },
      'researcher',
    );
    expect(
      (await fails(LINK, { findingKind: 'OBSTACLE', findingId: obstacleId, evidenceKind: 'SEGMENT', evidenceId: segmentId, note: '' }, 'researcherNone'))
        .extensions!.code,
    ).toBe('NOT_FOUND');
    const q = 'query($id: ID!) { obstacle(id: $id) { evidenceLinks { kind withheld note segment { quote } } } }';
    expect((await t.gql(q, { id: obstacleId }, token.reporter)).data!.obstacle.evidenceLinks).toEqual([
      { kind: 'SEGMENT', withheld: true, note: null, segment: null },
    ]);
    expect((await t.gql(q, { id: obstacleId }, token.researcher)).data!.obstacle.evidenceLinks[0].withheld).toBe(false);
    expect((await fails(UNLINK, { id: link.id, reason: 'x' }, 'reporter')).extensions!.code).toBe('FORBIDDEN');
    expect((await fails(UNLINK, { id: link.id, reason: ' ' }, 'researcher')).extensions!.code).toBe('BAD_USER_INPUT');
    await ok(UNLINK, { id: link.id, reason: 'Fel citat' }, 'researcher');
    // Evidence that is gone (a coded passage removed later) stays listed, withheld for everyone.
    await ok(LINK, { findingKind: 'OBSTACLE', findingId: obstacleId, evidenceKind: 'SEGMENT', evidenceId: segmentId, note: 'Citat igen' }, 'researcher');
    await ok('mutation($input: RemoveByIdInput!) { removeCodedSegment(input: $input) }', { id: segmentId, reason: 'Fel avgränsning' }, 'researcher');
    expect((await t.gql(q, { id: obstacleId }, token.admin)).data!.obstacle.evidenceLinks).toEqual([
      { kind: 'SEGMENT', withheld: true, note: null, segment: null },
    ]);
    const [gone] = (await t.gql('query($id: ID!) { obstacle(id: $id) { evidenceLinks { id } } }', { id: obstacleId }, token.researcher)).data!.obstacle
      .evidenceLinks;
    await ok(UNLINK, { id: gone.id, reason: 'Avsnittet är borttaget' }, 'researcher');
    expect((await t.gql(q, { id: obstacleId }, token.researcher)).data!.obstacle.evidenceLinks).toEqual([]);
    expect((await fails(UNLINK, { id: link.id, reason: 'igen' }, 'researcher')).extensions!.code).toBe('NOT_FOUND');
  });
});
