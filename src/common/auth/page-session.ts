import type { Request } from 'express';
import type { Session, SessionData } from 'express-session';

declare module 'express-session' {
  interface SessionData {
    /** The signed-in user (set at sign-in only, after the session id is regenerated). */
    userId?: string;
    /** When they signed in (ms since the epoch): a session ends at the latest SESSION_MAX_HOURS after. */
    signedInAt?: number;
    /** The pages' language, once chosen with ?lang=. (csrf-sync adds its `csrfToken`.) */
    lang?: 'sv' | 'en';
  }
}

/** A browser's session, when the request carries one (pages; never the survey links). */
export type PageSession = Session & Partial<SessionData>;

export const pageSession = (req: Request): PageSession | undefined => (req as Request & { session?: PageSession }).session;

/** Ends a session (sign-out, expiry, a deactivated user): the row goes and the cookie with it. */
export const endPageSession = (session: PageSession): Promise<void> =>
  new Promise((resolve, reject) => session.destroy((err: unknown) => (err ? reject(err) : resolve())));
