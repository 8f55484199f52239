import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config';
import { gql } from './gql';

/** Records every SQL statement with its parameters. */
export class QueryRecorder extends AbstractLogger {
  statements: { sql: string; parameters: unknown[] }[] = [];
  override logQuery(query: string, parameters?: unknown[]): void {
    this.statements.push({ sql: query, parameters: parameters ?? [] });
  }
  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {}
}

const TX = /^(START TRANSACTION|COMMIT|ROLLBACK|BEGIN)/i;

/** The app in this process, listening on a free port, with every statement recorded. */
export async function recordingApp(databaseUrl: string, env: Record<string, string> = {}) {
  const recorder = new QueryRecorder();
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, PORT: '0', ...env });
  const app = await createApp({ config, databaseUrl, queryLogger: recorder });
  await app.listen(0, '127.0.0.1');
  return { app, recorder, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

/**
 * SQL statements per request, for each GraphQL request given: the app in this process with a
 * query recorder, each request sent once over HTTP (transaction control not counted).
 */
export async function statementsPerRequest(
  databaseUrl: string,
  jwtSecret: string,
  token: string,
  requests: Record<string, { query: string; variables: Record<string, unknown> }>,
): Promise<Record<string, number>> {
  const { app, recorder, url } = await recordingApp(databaseUrl, { NODE_ENV: 'production', JWT_SECRET: jwtSecret });
  try {
    const out: Record<string, number> = {};
    for (const [name, body] of Object.entries(requests)) {
      recorder.statements = [];
      await gql(url, body.query, body.variables, token).catch((err: Error) => {
        throw new Error(`${name}: ${err.message}`);
      });
      out[name] = recorder.statements.filter((s) => !TX.test(s.sql.trim())).length;
    }
    return out;
  } finally {
    await app.close();
  }
}
