import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API's database rights, granted to the NOLOGIN group role tillit_runtime (src/database/roles.ts):
 * read and write the data, but never own it, never rewrite history (no UPDATE or DELETE on the
 * append-only tables), never TRUNCATE, create triggers, or create objects. Written by hand: GRANTs
 * are not part of what TypeORM generates. New tables get the same rights by default privileges;
 * a new append-only table revokes UPDATE and DELETE in its own migration (docs/adding-a-feature.md).
 */
export class LeastPrivilege1796221443354 implements MigrationInterface {
  name = 'LeastPrivilege1796221443354';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Roles belong to the cluster: the embedded server and the deployment's SQL create it
    // first; a migrating role with CREATEROLE (a superuser in tests) creates it here.
    await queryRunner.query(`DO $$ BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tillit_runtime') THEN
                CREATE ROLE tillit_runtime NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
            END IF;
        END $$`);
    // Nobody but the owner creates objects in the schema (already so from PostgreSQL 15).
    await queryRunner.query(`DO $$ BEGIN
            REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'could not revoke CREATE on schema public from PUBLIC: do it as the schema owner';
        END $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO tillit_runtime`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tillit_runtime`);
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tillit_runtime`);
    // History is appended, never rewritten: the audit trail, versions, revisions, status
    // changes, the analysts' access log, and survey responses.
    await queryRunner.query(`REVOKE UPDATE, DELETE ON "audit_log", "observation_version", "burden_report_revision",
            "time_thief_status_change", "analytics_access_log", "survey_response" FROM tillit_runtime`);
    // The migrations' own bookkeeping is the owner's.
    await queryRunner.query(`REVOKE ALL ON "typeorm_migrations" FROM tillit_runtime`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tillit_runtime`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tillit_runtime`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM tillit_runtime`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM tillit_runtime`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM tillit_runtime`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM tillit_runtime`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM tillit_runtime`);
    // The role stays: other databases of the cluster may use it.
  }
}
