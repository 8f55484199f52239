import { DataSource, DeepPartial } from 'typeorm';
import { Role } from '../../src/common/auth/role.enum';
import { OrganisationKind } from '../../src/modules/organisation/organisation.enums';
import { OrganisationEntity } from '../../src/modules/organisation/organisation.entity';
import { ParticipantRole, PilotStatus, SteeringLevel } from '../../src/modules/pilot/pilot.enums';
import { PilotParticipantEntity } from '../../src/modules/pilot/pilot-participant.entity';
import { PilotResearcherEntity } from '../../src/modules/pilot/pilot-researcher.entity';
import { PilotEntity } from '../../src/modules/pilot/pilot.entity';
import { hashPassword } from '../../src/modules/user/password';
import { UserEntity } from '../../src/modules/user/user.entity';
import type { TestApp } from '../utils/test-app';

export const TEST_PASSWORD = 'correct horse battery staple';
let hash: Promise<string> | undefined;
let seq = 0;
const next = () => ++seq;

export async function makeUser(ds: DataSource, fields: DeepPartial<UserEntity> & { role: Role }): Promise<UserEntity> {
  const n = next();
  const repo = ds.getRepository(UserEntity);
  return repo.save(
    repo.create({
      email: `user${n}-${Date.now()}@example.se`,
      displayName: `Test User ${n}`,
      passwordHash: await (hash ??= hashPassword(TEST_PASSWORD)),
      organisationId: null,
      active: true,
      ...fields,
    }),
  );
}

export function makeOrganisation(ds: DataSource, fields: DeepPartial<OrganisationEntity> = {}): Promise<OrganisationEntity> {
  const repo = ds.getRepository(OrganisationEntity);
  return repo.save(repo.create({ name: `Organisation ${next()}`, kind: OrganisationKind.MUNICIPALITY, ...fields }));
}

export async function makePilot(
  ds: DataSource,
  fields: DeepPartial<PilotEntity> = {},
  participants: { organisationId: string; level?: SteeringLevel; role?: ParticipantRole }[] = [],
  researchers: { userId: string; fromDate?: string; toDate?: string | null }[] = [],
): Promise<PilotEntity> {
  const repo = ds.getRepository(PilotEntity);
  const pilot = await repo.save(
    repo.create({
      code: `P-${next()}`,
      title: 'Test pilot',
      description: '',
      sectors: [],
      themes: [],
      status: PilotStatus.ACTIVE,
      startsOn: '2017-03-01',
      endsOn: '2018-12-31',
      targetForms: [],
      targetRelations: [],
      targetMethods: [],
      ...fields,
    }),
  );
  if (participants.length) {
    await ds.getRepository(PilotParticipantEntity).insert(
      participants.map((p) => ({
        pilotId: pilot.id,
        organisationId: p.organisationId,
        level: p.level ?? SteeringLevel.UNIT_MANAGEMENT,
        role: p.role ?? ParticipantRole.PARTICIPANT,
        fromDate: pilot.startsOn ?? '2017-01-01',
      })),
    );
  }
  if (researchers.length) {
    await ds
      .getRepository(PilotResearcherEntity)
      .insert(
        researchers.map((r) => ({ pilotId: pilot.id, userId: r.userId, fromDate: r.fromDate ?? pilot.startsOn ?? '2017-01-01', toDate: r.toDate ?? null })),
      );
  }
  return pilot;
}

/** Logs in over GraphQL and returns the token. */
export async function login(t: TestApp, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await t.gql<{ login: { token: string } }>('mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { email, password } });
  if (!res.data) throw new Error(`login failed: ${res.text}`);
  return res.data.login.token;
}

/** A user of the given role with a token. */
export async function userWithToken(t: TestApp, fields: DeepPartial<UserEntity> & { role: Role }) {
  const user = await makeUser(t.ds, fields);
  return { user, token: await login(t, user.email) };
}

/** A method code as observations and segments take it: the method and what the passage shows of it. */
export const seen = (method: string, polarity = 'INTRODUCED_OR_STRENGTHENED') => ({ method, polarity });
