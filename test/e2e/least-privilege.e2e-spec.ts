import { Client } from 'pg';
import { Role } from '../../src/common/auth/role.enum';
import { withDatabase } from '../../src/database/urls';
import { ENV_RUNTIME_URL } from '../setup/test-database';
import { userWithToken } from '../factories';
import { startTestApp, TestApp } from '../utils/test-app';

/**
 * Someone holds the API's own database credentials (from its environment, say). They can read
 * and write data as the API does, but no route lets them rewrite history.
 */
describe('the API’s database role', () => {
  let t: TestApp;
  let db: Client;
  beforeAll(async () => {
    t = await startTestApp();
    const admin = (await userWithToken(t, { role: Role.ADMIN })).token;
    // Something in every append-only table worth protecting: at least the audit trail.
    await t.gql(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
      { input: { name: 'Historik', kind: 'OTHER' } },
      admin,
    );
    db = new Client({ connectionString: withDatabase(process.env[ENV_RUNTIME_URL]!, t.databaseName) });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const refused = async (sql: string) => {
    const err = await db.query(sql).then(
      () => undefined,
      (e: { code?: string; message: string }) => e,
    );
    expect({ sql, refused: err !== undefined }).toEqual({ sql, refused: true });
    expect({ sql, code: err!.code }).toEqual({ sql, code: '42501' }); // insufficient_privilege
  };

  it('is the role the API uses, and neither a superuser nor the owner of anything', async () => {
    const [role] = (
      await db.query(`SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user`)
    ).rows;
    expect(role).toMatchObject({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    const [{ app }] = await t.ds.query('SELECT current_user AS app');
    expect(app).toBe(role.name);
    const owned = await db.query(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND pg_has_role(current_user, c.relowner, 'USAGE')`);
    expect(owned.rows).toEqual([]);
  });

  it('cannot update, delete or truncate the audit trail or any other history', async () => {
    for (const table of [
      'audit_log',
      'observation_version',
      'burden_report_revision',
      'time_thief_status_change',
      'obstacle_status_change',
      'analytics_access_log',
      'survey_response',
    ]) {
      await refused(`UPDATE ${table} SET id = id`);
      await refused(`DELETE FROM ${table}`);
      await refused(`TRUNCATE ${table}`);
    }
    await refused('DELETE FROM typeorm_migrations');
  });

  it('cannot switch the triggers off, by any route', async () => {
    await refused('ALTER TABLE audit_log DISABLE TRIGGER ALL');
    await refused('ALTER TABLE audit_log DISABLE TRIGGER trg_audit_log_no_update_delete');
    await refused('DROP TRIGGER trg_audit_log_no_update_delete ON audit_log');
    await refused('DROP FUNCTION audit_log_append_only()');
    await refused('SET session_replication_role = replica');
    await refused(`CREATE FUNCTION allow_all() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`);
  });

  it('cannot take the table, the owner’s role or more rights', async () => {
    await refused('ALTER TABLE audit_log OWNER TO CURRENT_USER');
    await refused('DROP TABLE audit_log');
    await refused('ALTER TABLE audit_log ADD COLUMN note text');
    await refused('SET ROLE postgres');
    await refused('ALTER ROLE CURRENT_USER SUPERUSER');
    await refused('CREATE TABLE shadow_audit (id int)');
    await refused(`COPY audit_log TO PROGRAM 'true'`);
    // GRANT without the grant option only warns; the right is still missing afterwards.
    await db.query('GRANT UPDATE, DELETE ON audit_log TO CURRENT_USER');
    const [{ can }] = (await db.query(`SELECT has_table_privilege('audit_log', 'UPDATE') OR has_table_privilege('audit_log', 'DELETE') AS can`)).rows;
    expect(can).toBe(false);
  });

  it('leaves the trail intact and its triggers on', async () => {
    const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM audit_log')).rows;
    expect(n).toBeGreaterThan(0);
    const triggers = (await db.query(`SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal ORDER BY tgname`))
      .rows;
    expect(triggers).toEqual([
      { tgname: 'trg_audit_log_no_truncate', tgenabled: 'O' },
      { tgname: 'trg_audit_log_no_update_delete', tgenabled: 'O' },
    ]);
  });
});
