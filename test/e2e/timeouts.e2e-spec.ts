import { Client } from 'pg';
import { Role } from '../../src/common/auth/role.enum';
import { makePilot, userWithToken } from '../factories';
import { onlyError, startTestApp, TestApp } from '../utils/test-app';

const UPDATE = 'mutation($input: UpdatePilotInput!) { updatePilot(input: $input) { id } }';

/** Someone else holds the pilot's row lock (as a stuck transaction or a long migration would). */
async function holdRowLock(t: TestApp, pilotId: string): Promise<Client> {
  const holder = new Client({ connectionString: t.superuserUrl });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('SELECT 1 FROM pilot WHERE id = $1 FOR UPDATE', [pilotId]);
  return holder;
}

describe('database timeouts', () => {
  describe('a lock held elsewhere', () => {
    let t: TestApp;
    let admin: string;
    beforeAll(async () => {
      t = await startTestApp({ DB_POOL_SIZE: '4', DB_LOCK_TIMEOUT_MS: '400' });
      admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    });
    afterAll(() => t.close());

    it('sets the three limits on every connection of the pool', async () => {
      const [row] = await t.ds.query(
        `SELECT current_setting('statement_timeout') AS s, current_setting('lock_timeout') AS l, current_setting('idle_in_transaction_session_timeout') AS i`,
      );
      expect(row).toEqual({ s: '30s', l: '400ms', i: '30s' });
    });

    it('fails the ten requests that wait on it with CONFLICT while health and other requests go on', async () => {
      const pilot = await makePilot(t.ds, { code: 'LOCK-1' });
      const holder = await holdRowLock(t, pilot.id);
      try {
        const started = Date.now();
        const waiting = Array.from({ length: 10 }, (_, i) => t.gql(UPDATE, { input: { id: pilot.id, title: `Titel ${i}`, reason: 'Prov' } }, admin));
        const health = await fetch(`${t.url}/health`);
        const other = await t.gql('{ pilots { totalCount } }', {}, admin);
        expect(health.status).toBe(200);
        expect(other.errors).toBeUndefined();
        const results = await Promise.all(waiting);
        for (const res of results) {
          const err = onlyError(res);
          expect(err.extensions!.code).toBe('CONFLICT');
          expect(err.message).toMatch(/Another change is holding this record/);
        }
        // Ten waits of 0.4 s on four connections, not ten waits of as long as the lock is held.
        expect(Date.now() - started).toBeLessThan(8_000);
      } finally {
        await holder.query('ROLLBACK');
        await holder.end();
      }
      const after = await t.gql(UPDATE, { input: { id: pilot.id, title: 'Efteråt', reason: 'Prov' } }, admin);
      expect(after.errors).toBeUndefined();
    });
  });

  describe('a statement that runs too long', () => {
    let t: TestApp;
    let admin: string;
    beforeAll(async () => {
      t = await startTestApp({ DB_STATEMENT_TIMEOUT_MS: '300', DB_LOCK_TIMEOUT_MS: '10000' });
      admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    });
    afterAll(() => t.close());

    it('is cancelled with TIMEOUT, and the next request works', async () => {
      const pilot = await makePilot(t.ds, { code: 'SLOW-1' });
      const holder = await holdRowLock(t, pilot.id);
      try {
        const err = onlyError(await t.gql(UPDATE, { input: { id: pilot.id, title: 'Väntar', reason: 'Prov' } }, admin));
        expect(err.extensions!.code).toBe('TIMEOUT');
        expect(err.message).not.toMatch(/statement|cancel|SQL/i);
      } finally {
        await holder.query('ROLLBACK');
        await holder.end();
      }
      expect((await t.gql(UPDATE, { input: { id: pilot.id, title: 'Klar', reason: 'Prov' } }, admin)).errors).toBeUndefined();
    });
  });
});
