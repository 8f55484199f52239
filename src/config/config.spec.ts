import * as path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults: embedded PostgreSQL in .data, migrations at start, no JWT secret', () => {
    const c = loadConfig({});
    expect(c.database).toEqual({
      url: undefined,
      dataDir: path.resolve('.data'),
      embeddedPort: 54329,
      migrationsRun: true,
      poolSize: 10,
      timeouts: { statementMs: 30_000, lockMs: 5_000, idleInTransactionMs: 30_000, exportMs: 600_000 },
    });
    expect(c.http).toEqual({ port: 3000, host: '127.0.0.1', bodyLimit: '5mb', trustProxy: false });
    expect(c.auth.login).toEqual({ maxPerAccount: 10, maxPerAddress: 100, windowSeconds: 900 });
    expect(loadConfig({ TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(c.auth.jwtSecret).toBeUndefined();
    expect(c.isProduction).toBe(false);
  });

  it('reads and converts values', () => {
    const c = loadConfig({ PORT: '8080', MIGRATIONS_RUN: 'false', NODE_ENV: 'production', DATABASE_URL: 'postgres://u@h/db' });
    expect(c.http.port).toBe(8080);
    expect(c.database.migrationsRun).toBe(false);
    expect(c.isProduction).toBe(true);
    expect(c.database.url).toBe('postgres://u@h/db');
  });

  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', JWT_SECRET: 'short', DATABASE_URL: 'mysql://x', MIGRATIONS_RUN: 'maybe' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', JWT_SECRET: 'short', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/JWT_SECRET must be at least 32 characters/);
      expect((e as Error).message).toMatch(/DATABASE_URL must start with postgres/);
    }
  });
});
