import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import * as path from 'node:path';

const toNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const v = String(value).toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  return value;
};

/**
 * Every environment variable the service reads, with its default.
 * Documented in docs/configuration.md; keep the two in step.
 */
export class EnvSchema {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres:// or postgresql://' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_OWNER_URL must start with postgres:// or postgresql://' })
  DATABASE_OWNER_URL?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_REPLICA_URL must start with postgres:// or postgresql://' })
  DATABASE_REPLICA_URL?: string;

  @IsString()
  DATA_DIR = '.data';

  @Transform(toNumber)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @Transform(toBool)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  @Transform(toNumber)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DB_STATEMENT_TIMEOUT_MS = 30_000;

  @Transform(toNumber)
  @IsInt()
  @Min(50)
  @Max(600_000)
  DB_LOCK_TIMEOUT_MS = 5_000;

  @Transform(toNumber)
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;

  @Transform(toNumber)
  @IsInt()
  @Min(1_000)
  @Max(24 * 3_600_000)
  EXPORT_TIMEOUT_MS = 600_000;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(toNumber)
  @IsInt()
  @Min(60)
  @Max(60 * 60 * 24 * 30)
  JWT_TTL_SECONDS = 8 * 60 * 60;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'PANEL_KEY_SECRET must be at least 32 characters' })
  PANEL_KEY_SECRET?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toNumber)
  @IsInt()
  @Min(2)
  @Max(50)
  GRAPHQL_MAX_DEPTH = 10;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(200)
  GRAPHQL_MAX_ALIASES = 30;

  @Transform(toNumber)
  @IsInt()
  @Min(10)
  @Max(1_000_000)
  GRAPHQL_MAX_COMPLEXITY = 5000;

  @Transform(toNumber)
  @IsInt()
  @Min(100)
  @Max(100_000)
  GRAPHQL_MAX_TOKENS = 5000;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_PER_ACCOUNT = 10;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(100_000)
  LOGIN_MAX_PER_ADDRESS = 100;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  LOGIN_WINDOW_SECONDS = 900;

  @IsString()
  @Matches(/^(false|loopback|linklocal|uniquelocal|\d{1,2}|[0-9a-fA-F.:/, ]+)$/, {
    message: 'TRUST_PROXY must be false, loopback, linklocal, uniquelocal, a number of hops, or addresses/subnets separated by commas',
  })
  TRUST_PROXY = 'false';

  @Transform(toNumber)
  @IsInt()
  @Min(5, { message: 'MIN_GROUP_SIZE can only be raised above 5, never lowered' })
  @Max(1000)
  MIN_GROUP_SIZE = 5;

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'BODY_LIMIT must look like 100kb or 1mb' })
  BODY_LIMIT = '5mb';

  @Transform(toNumber)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(1)
  @Max(168)
  WORKING_HOURS_PER_WEEK = 40;

  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(366)
  REPORTING_GRACE_DAYS = 30;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(100_000)
  SURVEY_LINK_MAX_PER_WINDOW = 100;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(86_400)
  SURVEY_LINK_WINDOW_SECONDS = 600;

  @IsOptional()
  @Matches(/^https?:\/\/[^/\s]+(\/[^\s]*)?$/, { message: 'PUBLIC_URL must be an http(s) address, e.g. https://tillit.example.se' })
  PUBLIC_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'SESSION_SECRET must be at least 32 characters' })
  SESSION_SECRET?: string;

  @Transform(toNumber)
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 120;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  SESSION_MAX_HOURS = 12;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  INVITATION_TTL_HOURS = 72;

  @IsOptional()
  @IsIn(['true', 'false'])
  GRAPHIQL?: 'true' | 'false';
}

export interface AppConfig {
  env: EnvSchema['NODE_ENV'];
  isProduction: boolean;
  /** `trustProxy`: Express's "trust proxy" (which X-Forwarded-For hops give the client address). */
  http: { port: number; host: string; bodyLimit: string; trustProxy: boolean | number | string };
  database: {
    /** The API's connection (its runtime role); unset: the embedded server. */
    url?: string;
    /** The owner's connection, for migrations; unset: `url` (one role for both, not least privilege). */
    ownerUrl?: string;
    /** A streaming replica of `url` for analytics' read-only statements; unset: everything on `url`. */
    replicaUrl?: string;
    dataDir: string;
    embeddedPort: number;
    migrationsRun: boolean;
    poolSize: number;
    /** Limits every statement, lock wait and idle transaction of the API's pool; exports get `exportMs`. */
    timeouts: DatabaseTimeouts;
  };
  auth: {
    jwtSecret?: string;
    jwtTtlSeconds: number;
    panelKeySecret?: string;
    /** Login attempts allowed per account and per client address in each window, before a block of one window. */
    login: { maxPerAccount: number; maxPerAddress: number; windowSeconds: number };
    /** Signs the pages' session cookie; unset: generated once into the data folder. */
    sessionSecret?: string;
    /** A page session ends after this long without a request, and at the latest this long after sign-in. */
    session: { idleMinutes: number; maxHours: number };
    /** How long a link to set one's password stays valid. */
    invitationTtlHours: number;
  };
  /** GraphiQL at /graphiql (on by default outside production). */
  graphiql: boolean;
  log: { level: string };
  privacy: { minGroupSize: number };
  /**
   * The plausibility norm for reported staff time (full-time hours per week; Arbetstidslagen
   * 1982:673, 5 §: at most 40) and the days after a period's end before its report is late.
   */
  reporting: { workingHoursPerWeek: number; graceDays: number };
  /** The address people reach the app at: survey links are made from it. */
  publicUrl: string;
  /** Answers one survey link takes per window before it asks people to wait (against ballot stuffing). */
  surveyLinks: { maxPerWindow: number; windowSeconds: number };
  graphql: {
    maxDepth: number;
    maxAliases: number;
    maxComplexity: number;
    maxTokens: number;
  };
}

export interface DatabaseTimeouts {
  statementMs: number;
  lockMs: number;
  idleInTransactionMs: number;
  exportMs: number;
}

export class ConfigError extends Error {}

/** Reads and validates the environment. Throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new EnvSchema());
  const raw = Object.fromEntries(
    Object.entries(env).filter(
      ([k, v]) =>
        (known.includes(k) ||
          ['DATABASE_URL', 'DATABASE_OWNER_URL', 'DATABASE_REPLICA_URL', 'JWT_SECRET', 'PANEL_KEY_SECRET', 'SESSION_SECRET', 'GRAPHIQL'].includes(k)) &&
        v !== '',
    ),
  );
  const parsed = plainToInstance(EnvSchema, raw, { exposeDefaultValues: true });
  const errors = validateSync(parsed, { whitelist: false });
  if (errors.length) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return {
    env: parsed.NODE_ENV,
    isProduction: parsed.NODE_ENV === 'production',
    http: { port: parsed.PORT, host: parsed.HOST, bodyLimit: parsed.BODY_LIMIT, trustProxy: trustProxy(parsed.TRUST_PROXY) },
    database: {
      url: parsed.DATABASE_URL,
      ownerUrl: parsed.DATABASE_OWNER_URL,
      replicaUrl: parsed.DATABASE_REPLICA_URL,
      dataDir: path.resolve(parsed.DATA_DIR),
      embeddedPort: parsed.EMBEDDED_PG_PORT,
      migrationsRun: parsed.MIGRATIONS_RUN,
      poolSize: parsed.DB_POOL_SIZE,
      timeouts: {
        statementMs: parsed.DB_STATEMENT_TIMEOUT_MS,
        lockMs: parsed.DB_LOCK_TIMEOUT_MS,
        idleInTransactionMs: parsed.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
        exportMs: parsed.EXPORT_TIMEOUT_MS,
      },
    },
    auth: {
      jwtSecret: parsed.JWT_SECRET,
      jwtTtlSeconds: parsed.JWT_TTL_SECONDS,
      panelKeySecret: parsed.PANEL_KEY_SECRET,
      login: { maxPerAccount: parsed.LOGIN_MAX_PER_ACCOUNT, maxPerAddress: parsed.LOGIN_MAX_PER_ADDRESS, windowSeconds: parsed.LOGIN_WINDOW_SECONDS },
      sessionSecret: parsed.SESSION_SECRET,
      session: { idleMinutes: parsed.SESSION_IDLE_MINUTES, maxHours: parsed.SESSION_MAX_HOURS },
      invitationTtlHours: parsed.INVITATION_TTL_HOURS,
    },
    graphiql: parsed.GRAPHIQL ? parsed.GRAPHIQL === 'true' : parsed.NODE_ENV !== 'production',
    log: { level: parsed.LOG_LEVEL },
    privacy: { minGroupSize: parsed.MIN_GROUP_SIZE },
    reporting: { workingHoursPerWeek: parsed.WORKING_HOURS_PER_WEEK, graceDays: parsed.REPORTING_GRACE_DAYS },
    surveyLinks: { maxPerWindow: parsed.SURVEY_LINK_MAX_PER_WINDOW, windowSeconds: parsed.SURVEY_LINK_WINDOW_SECONDS },
    publicUrl: (parsed.PUBLIC_URL ?? `http://${parsed.HOST}:${parsed.PORT}`).replace(/\/+$/, ''),
    graphql: {
      maxDepth: parsed.GRAPHQL_MAX_DEPTH,
      maxAliases: parsed.GRAPHQL_MAX_ALIASES,
      maxComplexity: parsed.GRAPHQL_MAX_COMPLEXITY,
      maxTokens: parsed.GRAPHQL_MAX_TOKENS,
    },
  };
}

/** TRUST_PROXY as Express wants it: false, a hop count, or the names and subnets as given. */
function trustProxy(value: string): boolean | number | string {
  if (value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
