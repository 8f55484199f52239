import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { OrganisationKind } from '../../src/modules/organisation/organisation.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const RECORD = 'mutation($input: RecordSupervisionInteractionInput!) { recordSupervisionInteraction(input: $input) { id staffHours version } }';
const UPDATE =
  'mutation($input: UpdateSupervisionInteractionInput!) { updateSupervisionInteraction(input: $input) { staffHours version overlapsInteraction { id } history { reason } } }';
const LOAD = `query($input: SupervisionLoadInput!) { supervisionLoad(input: $input) {
  bucketStart organisation { name } interactions staffHours dataRequests overlapping overlappingStaffHours enabling supportedLearning supervisors } }`;

/** Supervisory contacts (issue 13 §4): reported for an organisation, read in its reports' scope, overlapping demands counted. */
describe('supervision interactions', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  let kommunId: string;
  let otherId: string;
  let ivoId: string;
  let firstId: string;

  const input = (over: Record<string, unknown> = {}) => ({
    organisationId: kommunId,
    supervisorId: ivoId,
    occurredOn: '2018-03-14',
    kind: 'DATA_REQUEST',
    dataRequested: 'Antal avvikelser per enhet',
    frequency: 'QUARTERLY',
    staffHours: 12.5,
    character: 'CONTROLLING',
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
    token.admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    token.analyst = (await userWithToken(t, { role: Role.ANALYST })).token;
    kommunId = (await makeOrganisation(t.ds, { name: 'Kommunen' })).id;
    otherId = (await makeOrganisation(t.ds, { name: 'Annan kommun' })).id;
    ivoId = (await makeOrganisation(t.ds, { name: 'IVO', kind: OrganisationKind.SUPERVISORY_AGENCY })).id;
    const following = await userWithToken(t, { role: Role.RESEARCHER });
    token.researcher = following.token;
    token.researcherNone = (await userWithToken(t, { role: Role.RESEARCHER })).token;
    token.reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: kommunId })).token;
    token.otherReporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: otherId })).token;
    await makePilot(t.ds, { code: 'SUP-1' }, [{ organisationId: kommunId }], [{ userId: following.user.id }]);
  });
  afterAll(() => t.close());

  it('is reported once by the organisation’s reporter, and refused to those who do not report for it', async () => {
    const clientId = randomUUID();
    const first = await t.gql(RECORD, { input: input({ clientId }) }, token.reporter);
    const again = await t.gql(RECORD, { input: input({ clientId }) }, token.reporter);
    expect(first.errors).toBeUndefined();
    expect(again.data!.recordSupervisionInteraction.id).toBe(first.data!.recordSupervisionInteraction.id);
    firstId = first.data!.recordSupervisionInteraction.id;
    expect(onlyError(await t.gql(RECORD, { input: input() }, token.otherReporter)).extensions!.code).toBe('NOT_FOUND');
    expect(onlyError(await t.gql(RECORD, { input: input() }, token.researcherNone)).extensions!.code).toBe('FORBIDDEN');
    expect(onlyError(await t.gql(RECORD, { input: input() }, token.analyst)).extensions!.code).toBe('FORBIDDEN');
  });

  it('says which field is wrong: a supervisor that is no agency, a negative or huge number of hours, an overlap elsewhere', async () => {
    const notAgency = onlyError(await t.gql(RECORD, { input: input({ supervisorId: otherId }) }, token.admin));
    expect([notAgency.extensions!.code, notAgency.message]).toEqual([
      'BAD_USER_INPUT',
      'input.supervisorId: is not a supervisory agency (kind SUPERVISORY_AGENCY)',
    ]);
    for (const staffHours of [-1, 1e12])
      expect(onlyError(await t.gql(RECORD, { input: input({ staffHours }) }, token.admin)).extensions!.code).toBe('BAD_USER_INPUT');
    const elsewhere = (await t.gql(RECORD, { input: input({ organisationId: otherId }) }, token.otherReporter)).data!.recordSupervisionInteraction.id;
    const cross = onlyError(await t.gql(RECORD, { input: input({ overlapsInteractionId: elsewhere }) }, token.admin));
    expect([cross.extensions!.code, cross.message]).toEqual(['BAD_USER_INPUT', 'input.overlapsInteractionId: is a contact with another organisation']);
    // Another organisation's contact is answered like a missing one to a reporter.
    expect(onlyError(await t.gql(RECORD, { input: input({ overlapsInteractionId: elsewhere }) }, token.reporter)).extensions!.code).toBe('NOT_FOUND');
  });

  it('is read by admins, analysts, the organisation’s reporters and its pilots’ researchers, and hidden from others like a missing one', async () => {
    const count = async (who: string) =>
      (await t.gql('{ supervisionInteractions(filter: { supervisorId: "' + ivoId + '" }) { totalCount } }', {}, token[who])).data!;
    expect((await count('admin')).supervisionInteractions.totalCount).toBe(2);
    expect((await count('analyst')).supervisionInteractions.totalCount).toBe(2);
    expect((await count('reporter')).supervisionInteractions.totalCount).toBe(1);
    expect((await count('researcher')).supervisionInteractions.totalCount).toBe(1);
    expect((await count('researcherNone')).supervisionInteractions.totalCount).toBe(0);
    const one = 'query($id: ID!) { supervisionInteraction(id: $id) { id supervisor { name } } }';
    expect((await t.gql(one, { id: firstId }, token.reporter)).data!.supervisionInteraction.supervisor.name).toBe('IVO');
    const hidden = onlyError(await t.gql(one, { id: firstId }, token.otherReporter));
    const missing = onlyError(await t.gql(one, { id: '00000000-0000-4000-8000-0000000000ee' }, token.otherReporter));
    expect([hidden.extensions!.code, hidden.message.replace(firstId, 'ID')]).toEqual([
      missing.extensions!.code,
      missing.message.replace('00000000-0000-4000-8000-0000000000ee', 'ID'),
    ]);
  });

  it('counts load per organisation and bucket, with both sides of an overlapping demand', async () => {
    const second = await t.gql(
      RECORD,
      {
        input: input({
          occurredOn: '2018-05-02',
          kind: 'DIALOGUE',
          staffHours: 4,
          overlapsInteractionId: firstId,
          character: 'ENABLING',
          feedback: 'Återkoppling på plats',
          supportedLearning: true,
        }),
      },
      token.reporter,
    );
    expect(second.errors).toBeUndefined();
    await t.gql(
      RECORD,
      { input: input({ occurredOn: '2018-11-20', kind: 'INSPECTION', dataRequested: '', frequency: null, staffHours: 30 }) },
      token.researcher,
    );
    const rows = (await t.gql(LOAD, { input: { from: '2018-01-01', to: '2018-12-31', bucket: 'QUARTER', organisationId: kommunId } }, token.analyst)).data!
      .supervisionLoad;
    expect(rows).toEqual([
      {
        bucketStart: '2018-01-01',
        organisation: { name: 'Kommunen' },
        interactions: 1,
        staffHours: 12.5,
        dataRequests: 1,
        overlapping: 1,
        overlappingStaffHours: 12.5,
        enabling: 0,
        supportedLearning: 0,
        supervisors: 1,
      },
      {
        bucketStart: '2018-04-01',
        organisation: { name: 'Kommunen' },
        interactions: 1,
        staffHours: 4,
        dataRequests: 1,
        overlapping: 1,
        overlappingStaffHours: 4,
        enabling: 1,
        supportedLearning: 1,
        supervisors: 1,
      },
      {
        bucketStart: '2018-10-01',
        organisation: { name: 'Kommunen' },
        interactions: 1,
        staffHours: 30,
        dataRequests: 0,
        overlapping: 0,
        overlappingStaffHours: 0,
        enabling: 0,
        supportedLearning: 0,
        supervisors: 1,
      },
    ]);
    // The other organisation's reporter sees none of it, even asking for it by id.
    const theirs = (await t.gql(LOAD, { input: { from: '2018-01-01', to: '2018-12-31', bucket: 'YEAR', organisationId: kommunId } }, token.otherReporter))
      .data!;
    expect(theirs.supervisionLoad).toEqual([]);
    const overlapping = await t.gql('{ supervisionInteractions(filter: { overlapping: true }) { totalCount } }', {}, token.reporter);
    expect(overlapping.data!.supervisionInteractions.totalCount).toBe(2);
  });

  it('is corrected with the version read and a reason; a reporter cannot correct another organisation’s', async () => {
    const stale = onlyError(await t.gql(UPDATE, { input: { id: firstId, expectedVersion: 7, reason: 'x', staffHours: 10 } }, token.reporter));
    expect(stale.extensions!.code).toBe('CONFLICT');
    const self = onlyError(await t.gql(UPDATE, { input: { id: firstId, expectedVersion: 1, reason: 'x', overlapsInteractionId: firstId } }, token.reporter));
    expect(self.extensions!.code).toBe('BAD_USER_INPUT');
    const fixed = await t.gql(UPDATE, { input: { id: firstId, expectedVersion: 1, reason: 'Fel antal timmar', staffHours: 10 } }, token.reporter);
    expect(fixed.data!.updateSupervisionInteraction).toMatchObject({ staffHours: 10, version: 2, history: [{ reason: null }, { reason: 'Fel antal timmar' }] });
    expect(
      onlyError(await t.gql(UPDATE, { input: { id: firstId, expectedVersion: 2, reason: 'x', staffHours: 1 } }, token.otherReporter)).extensions!.code,
    ).toBe('NOT_FOUND');
  });
});
