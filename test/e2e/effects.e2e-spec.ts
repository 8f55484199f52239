import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/auth/role.enum';
import { SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { makeOrganisation, makePilot, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const RECORD = 'mutation($input: RecordEffectInput!) { recordEffect(input: $input) { id aspect direction version } }';
const UPDATE = 'mutation($input: UpdateEffectInput!) { updateEffect(input: $input) { direction evidenceStrength version history { reason } } }';

/** Assessed effects of a pilot (issue 13 §2): recorded by its researchers, read by researchers and analysts only. */
describe('effects', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  let pilotId: string;
  let effectId: string;

  const input = () => ({
    pilotId,
    periodStart: '2019-01-01',
    periodEnd: '2019-12-31',
    aspect: 'STAFF_DISCRETION',
    direction: 'BETTER',
    evidenceStrength: 'MODERATE',
    forWhom: 'medarbetare i hemtjänsten',
    assessment: 'Medarbetarna beskriver större frihet att lägga upp besöken.',
    evidence: 'Intervjuer våren 2019; enkätens beslutsutrymme steg mellan omgångarna.',
  });

  beforeAll(async () => {
    t = await startTestApp();
    token.admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    token.analyst = (await userWithToken(t, { role: Role.ANALYST })).token;
    const kommun = await makeOrganisation(t.ds, { name: 'Kommunen' });
    const following = await userWithToken(t, { role: Role.RESEARCHER });
    token.researcher = following.token;
    token.researcherNone = (await userWithToken(t, { role: Role.RESEARCHER })).token;
    token.reporter = (await userWithToken(t, { role: Role.ORG_REPORTER, organisationId: kommun.id })).token;
    pilotId = (
      await makePilot(
        t.ds,
        { code: 'EFF-1', startsOn: '2019-01-01', endsOn: null },
        [{ organisationId: kommun.id, level: SteeringLevel.POLITICAL_PRINCIPAL }],
        [{ userId: following.user.id, fromDate: '2019-01-01' }],
      )
    ).id;
  });
  afterAll(() => t.close());

  it('is recorded once by a researcher following the pilot, and by nobody else', async () => {
    const clientId = randomUUID();
    const first = await t.gql(RECORD, { input: { ...input(), clientId } }, token.researcher);
    const again = await t.gql(RECORD, { input: { ...input(), clientId } }, token.researcher);
    expect(first.errors).toBeUndefined();
    expect(again.data!.recordEffect.id).toBe(first.data!.recordEffect.id);
    effectId = first.data!.recordEffect.id;
    expect(onlyError(await t.gql(RECORD, { input: input() }, token.researcherNone)).extensions!.code).toBe('FORBIDDEN');
    for (const who of ['reporter', 'analyst']) expect(onlyError(await t.gql(RECORD, { input: input() }, token[who])).extensions!.code).toBe('FORBIDDEN');
    const backwards = onlyError(await t.gql(RECORD, { input: { ...input(), periodEnd: '2018-12-31' } }, token.researcher));
    expect([backwards.extensions!.code, backwards.message]).toEqual(['BAD_USER_INPUT', 'input.periodEnd: must not be before periodStart']);
  });

  it('is read by admins, analysts and the pilot’s researchers; hidden from others like a missing one', async () => {
    const count = async (who: string) => await t.gql('{ effects { totalCount } }', {}, token[who]);
    expect((await count('admin')).data!.effects.totalCount).toBe(1);
    expect((await count('analyst')).data!.effects.totalCount).toBe(1);
    expect((await count('researcher')).data!.effects.totalCount).toBe(1);
    expect((await count('researcherNone')).data!.effects.totalCount).toBe(0);
    expect(onlyError(await count('reporter')).extensions!.code).toBe('FORBIDDEN');
    const one = 'query($id: ID!) { effect(id: $id) { id } }';
    const hidden = onlyError(await t.gql(one, { id: effectId }, token.researcherNone));
    const missing = onlyError(await t.gql(one, { id: '00000000-0000-4000-8000-0000000000ee' }, token.researcherNone));
    expect([hidden.extensions!.code, hidden.message.replace(effectId, 'ID')]).toEqual([
      missing.extensions!.code,
      missing.message.replace('00000000-0000-4000-8000-0000000000ee', 'ID'),
    ]);
  });

  it('is corrected with the version read and a reason, and filtered by aspect, direction and period', async () => {
    expect(
      onlyError(await t.gql(UPDATE, { input: { id: effectId, expectedVersion: 2, reason: 'x', direction: 'MIXED' } }, token.researcher)).extensions!.code,
    ).toBe('CONFLICT');
    const fixed = (
      await t.gql(
        UPDATE,
        { input: { id: effectId, expectedVersion: 1, reason: 'Fler intervjuer', direction: 'MIXED', evidenceStrength: 'STRONG' } },
        token.researcher,
      )
    ).data!.updateEffect;
    expect(fixed).toMatchObject({ direction: 'MIXED', evidenceStrength: 'STRONG', version: 2 });
    expect(fixed.history.map((h: any) => h.reason)).toContain('Fler intervjuer');
    const q = 'query($f: EffectFilter) { effects(filter: $f) { totalCount } }';
    const n = async (f: Record<string, unknown>) => (await t.gql(q, { f }, token.analyst)).data!.effects.totalCount;
    expect(await n({ aspect: ['STAFF_DISCRETION'], direction: ['MIXED'] })).toBe(1);
    expect(await n({ aspect: ['COSTS'] })).toBe(0);
    expect(await n({ from: '2020-01-01' })).toBe(0);
  });
});
