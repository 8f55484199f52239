import * as path from 'node:path';
import { Client } from 'pg';
import { readOrCreatePassword } from './embedded-postgres';
import { withCredentials } from './urls';

/**
 * The database roles (docs/architecture.md, "Database roles"):
 * - OWNER_ROLE owns the database and its tables; migrations run as it;
 * - RUNTIME_ROLE is a NOLOGIN group holding only the data rights the API needs (granted by the
 *   LeastPrivilege migration): no ownership, no UPDATE or DELETE on the history tables, no
 *   TRUNCATE, TRIGGER or REFERENCES, no CREATE;
 * - APP_ROLE is the login the API uses on the embedded server, a member of RUNTIME_ROLE.
 * With DATABASE_URL the deployment creates them (docs/configuration.md gives the SQL).
 */
export const OWNER_ROLE = 'tillit_owner';
export const RUNTIME_ROLE = 'tillit_runtime';
export const APP_ROLE = 'tillit_app';

export interface RoleUrls {
  /** The owner's connection: migrations, the command line. */
  ownerUrl: string;
  /** The API's connection. */
  runtimeUrl: string;
}

/**
 * On the embedded server, as its superuser (`superuserUrl`, connected to the app's database):
 * creates the three roles when missing, sets the passwords kept in the data folder
 * (`pg-owner-password`, `pg-app-password`, mode 0600), gives the database to the owner, and
 * hands over anything in it that the superuser still owns (a data folder from before the owner
 * role existed). Idempotent: runs at every start.
 */
export async function prepareEmbeddedRoles(superuserUrl: string, dataDir: string): Promise<RoleUrls> {
  const ownerPassword = readOrCreatePassword(path.join(dataDir, 'pg-owner-password'));
  const appPassword = readOrCreatePassword(path.join(dataDir, 'pg-app-password'));
  const database = decodeURIComponent(new URL(superuserUrl).pathname.slice(1));
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const role = (name: string, options: string) =>
      `IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${name}') THEN CREATE ROLE ${name} ${options}; END IF;`;
    await client.query(`DO $$ BEGIN
        ${role(OWNER_ROLE, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS')}
        ${role(RUNTIME_ROLE, 'NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS')}
        ${role(APP_ROLE, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS')}
      END $$`);
    await client.query(`ALTER ROLE ${OWNER_ROLE} PASSWORD ${client.escapeLiteral(ownerPassword)}`);
    await client.query(`ALTER ROLE ${APP_ROLE} PASSWORD ${client.escapeLiteral(appPassword)}`);
    await client.query(`GRANT ${RUNTIME_ROLE} TO ${APP_ROLE}`);
    await client.query(`ALTER DATABASE ${client.escapeIdentifier(database)} OWNER TO ${OWNER_ROLE}`);
    await client.query(HAND_OVER_SQL);
  } finally {
    await client.end();
  }
  return { ownerUrl: withCredentials(superuserUrl, OWNER_ROLE, ownerPassword), runtimeUrl: withCredentials(superuserUrl, APP_ROLE, appPassword) };
}

/**
 * Tables, sequences (those not owned by a table column), views, enum types and functions of
 * schema public that the owner does not own yet, except members of extensions, go to the owner.
 */
const HAND_OVER_SQL = `DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
              AND c.relowner <> '${OWNER_ROLE}'::regrole
              AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
  LOOP EXECUTE format('ALTER TABLE public.%I OWNER TO ${OWNER_ROLE}', r.relname); END LOOP;
  FOR r IN SELECT t.oid, t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = 'public' AND t.typtype = 'e' AND t.typowner <> '${OWNER_ROLE}'::regrole
              AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  LOOP EXECUTE format('ALTER TYPE public.%I OWNER TO ${OWNER_ROLE}', r.typname); END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public' AND p.proowner <> '${OWNER_ROLE}'::regrole
              AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP EXECUTE format('ALTER FUNCTION %s OWNER TO ${OWNER_ROLE}', r.sig); END LOOP;
END $$`;

export interface PrivilegeReport {
  role: string;
  superuser: boolean;
  ownsTables: number;
  canRewriteAudit: boolean;
}

/** What the connected role could do to history: used at start to warn about a one-role setup. */
export async function privilegeReport(query: (sql: string) => Promise<Record<string, unknown>[]>): Promise<PrivilegeReport> {
  const [row] = await query(`SELECT current_user AS role, r.rolsuper AS superuser,
      (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owns,
      has_table_privilege('public.audit_log', 'UPDATE') OR has_table_privilege('public.audit_log', 'DELETE') AS rewrite
    FROM pg_roles r WHERE r.rolname = current_user`);
  return { role: String(row.role), superuser: row.superuser === true, ownsTables: Number(row.owns), canRewriteAudit: row.rewrite === true };
}
