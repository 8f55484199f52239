import type { EntityManager } from 'typeorm';

/** Ends the user's page sessions (all, or all but one: the one that changed the password). */
export async function endSessions(em: EntityManager, userId: string, keepSessionId?: string): Promise<void> {
  await em.query(`DELETE FROM web_session WHERE sess ->> 'userId' = $1 AND sid IS DISTINCT FROM $2::varchar`, [userId, keepSessionId ?? null]);
}

/** Ends the user's open password links. */
export async function endLinks(em: EntityManager, userId: string): Promise<void> {
  await em.query(`UPDATE user_invitation SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL`, [userId]);
}
