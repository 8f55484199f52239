import { MigrationInterface, QueryRunner } from 'typeorm';

export class WebSessionsAndInvitations1796240931158 implements MigrationInterface {
  name = 'WebSessionsAndInvitations1796240931158';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_user_invitation_token_hash" UNIQUE ("token_hash"), CONSTRAINT "PK_41026b90b70299ac5dc0183351a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_user_invitation_user_id" ON "user_invitation"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "web_session" ("sid" character varying(64) NOT NULL, "sess" json NOT NULL, "expire" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e07661598f4722b7fb2b17af469" PRIMARY KEY ("sid"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_web_session_expire" ON "web_session"  ("expire") `);
    // By hand: a user's sessions are ended by their id inside the session (WebSessionEntity).
    await queryRunner.query(`CREATE INDEX "idx_web_session_user" ON "web_session" ((sess ->> 'userId'))`);
    await queryRunner.query(
      `ALTER TABLE "user_invitation" ADD CONSTRAINT "fk_user_invitation_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_invitation" DROP CONSTRAINT "fk_user_invitation_user"`);
    await queryRunner.query(`DROP INDEX "public"."idx_web_session_user"`);
    await queryRunner.query(`DROP INDEX "public"."idx_web_session_expire"`);
    await queryRunner.query(`DROP TABLE "web_session"`);
    await queryRunner.query(`DROP INDEX "public"."idx_user_invitation_user_id"`);
    await queryRunner.query(`DROP TABLE "user_invitation"`);
  }
}
