import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import connectPgSimple from 'connect-pg-simple';
import type { RequestHandler } from 'express';
import session from 'express-session';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { resolveSecret } from '../../config/secrets';

export const SESSION_COOKIE = 'tillit_session';

/** Paths that never get a session: the anonymous survey links (no cookie at all) and the files. */
const WITHOUT_SESSION = /^\/(s|assets)\//;

/**
 * API clients that send a token: the auth guard then ignores any page session (a token always
 * wins), so reading, renewing and signing a session cookie would be work for nothing.
 */
const sessionUnused = (req: Parameters<RequestHandler>[0]): boolean => WITHOUT_SESSION.test(req.path) || req.headers.authorization !== undefined;

/**
 * The pages' sessions (express-session, kept in PostgreSQL by connect-pg-simple in `web_session`
 * over the API's own pool): an HttpOnly, SameSite=Lax cookie holding a signed random id, Secure
 * whenever the request came over HTTPS (directly or through a trusted proxy). Idle sessions expire
 * after SESSION_IDLE_MINUTES (every request renews the cookie); SESSION_MAX_HOURS after sign-in
 * the auth guard ends them whatever the activity. A visitor who only reads gets no cookie.
 */
@Injectable()
export class WebSessions implements OnModuleDestroy {
  readonly middleware: RequestHandler;
  private readonly store: connectPgSimple.PGStore;

  constructor(ds: DataSource, @Inject(APP_CONFIG) config: AppConfig, logger: PinoLogger) {
    logger.setContext('WebSessions');
    const PgStore = connectPgSimple(session);
    this.store = new PgStore({
      pool: (ds.driver as PostgresDriver).master,
      tableName: 'web_session',
      createTableIfMissing: false,
      pruneSessionInterval: 15 * 60,
      // The library's messages name no session content; the error's cause is enough.
      errorLog: (message: unknown, err?: unknown) => logger.error({ err }, String(message)),
    });
    const handler = session({
      name: SESSION_COOKIE,
      secret: resolveSecret(config.auth.sessionSecret, config.database.dataDir, 'session-secret'),
      store: this.store,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      unset: 'destroy',
      proxy: undefined, // follows Express's "trust proxy"
      cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: config.auth.session.idleMinutes * 60_000 },
    });
    this.middleware = (req, res, next) => (sessionUnused(req) ? next() : handler(req, res, next));
  }

  onModuleDestroy(): Promise<void> {
    return this.store.close() as unknown as Promise<void>;
  }
}
