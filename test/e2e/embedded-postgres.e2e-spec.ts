import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgresBusyError, freePort, startEmbeddedPostgres } from '../../src/database/embedded-postgres';

/** The embedded server the app starts when DATABASE_URL is unset (here in a temp data folder). */
describe('embedded PostgreSQL', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-embedded-'));
  fs.chmodSync(dataDir, 0o700); // like `mktemp -d`: the postgres user must still get in when we run as root
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const query = async (url: string, sql: string) => {
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  };

  it('keeps data across restarts, refuses a second server on the same folder, lets tools attach', async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, database: 'tillit' });
    try {
      expect(first.owned).toBe(true);
      await query(first.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$tillit$$)');

      await expect(startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'tillit' })).rejects.toThrow(EmbeddedPostgresBusyError);
      await expect(startEmbeddedPostgres({ dataDir, port, database: 'tillit' })).rejects.toThrow(/already running/);

      const attached = await startEmbeddedPostgres({ dataDir, port: 1, database: 'tillit', attachIfRunning: true });
      expect(attached.owned).toBe(false);
      expect(await query(attached.url, 'SELECT v FROM kept')).toEqual([{ v: 'tillit' }]);
      await attached.stop(); // not ours: a no-op
      expect(await query(first.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await first.stop();
    }
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const again = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'tillit' });
    try {
      expect(await query(again.url, 'SELECT v FROM kept')).toEqual([{ v: 'tillit' }]);
    } finally {
      await again.stop();
    }
  });

  it('keeps its password private to the data folder and accepts no other', async () => {
    const pwFile = path.join(dataDir, 'pg-password');
    expect(fs.statSync(pwFile).mode & 0o077).toBe(0);
    const port = await freePort();
    const pg = await startEmbeddedPostgres({ dataDir, port, database: 'tillit' });
    try {
      await expect(query(`postgres://postgres:wrong@127.0.0.1:${port}/tillit`, 'SELECT 1')).rejects.toThrow(/password/);
    } finally {
      await pg.stop();
    }
  });
});
