// The only reader of process.env. A TypeBox schema describes every variable;
// loadConfig() converts, validates, applies cross-field rules and returns a
// frozen, typed object. A bad or missing variable stops start-up with a message
// naming it, so a misconfigured deployment never half-starts.
import path from 'node:path';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const Bool = (def: 'true' | 'false', description: string) =>
  Type.Union([Type.Literal('true'), Type.Literal('false'), Type.Literal('1'), Type.Literal('0')], {
    default: def,
    description,
  });
// Numbers stay strings in the schema (the environment is text); checkRange converts them.
const Int = (min: number, max: number, def: number, description: string) =>
  Type.String({ pattern: '^[0-9]+$', default: String(def), description, minimumValue: min, maximumValue: max });

/** Every variable phidesk reads, with its default and meaning (README's table is generated from this). */
export const envSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('test'), Type.Literal('production')], {
    default: 'development',
    description: 'development, test or production; production enforces TLS and a real master key',
  }),
  HOST: Type.String({ default: '127.0.0.1', minLength: 1, description: 'interface to listen on' }),
  PORT: Int(0, 65535, 8080, 'port to listen on'),
  DATABASE_URL: Type.Optional(
    Type.String({
      pattern: '^postgres(ql)?://',
      description: 'PostgreSQL URL (table owner); unset = embedded PostgreSQL',
    }),
  ),
  DATA_DIR: Type.String({
    default: './.phidesk',
    minLength: 1,
    description: 'embedded PostgreSQL data, development keys and demo credentials',
  }),
  EMBEDDED_PG_PORT: Int(1, 65535, 54329, 'port of the embedded PostgreSQL (127.0.0.1 only)'),
  MIGRATE_ON_START: Bool('true', 'run pending migrations at start-up'),
  DB_POOL_MAX: Int(1, 500, 10, 'database connections per process'),
  MASTER_KEY_FILE: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        'master key file (base64, 32 bytes); unset in development = DATA_DIR/dev-master.key, created on first start',
    }),
  ),
  MASTER_KEY_PREVIOUS_FILES: Type.String({
    default: '',
    description:
      'comma-separated master key files that may still wrap tenant keys during a master-key rotation (unwrap only; new keys use MASTER_KEY_FILE)',
  }),
  KEY_CACHE_SECONDS: Int(
    1,
    86400,
    300,
    'how long unwrapped tenant keys stay cached; also how long another process may take to notice a rotation or shred',
  ),
  TLS_CERT_FILE: Type.Optional(
    Type.String({ minLength: 1, description: 'PEM certificate; with TLS_KEY_FILE, serve HTTPS' }),
  ),
  TLS_KEY_FILE: Type.Optional(Type.String({ minLength: 1, description: 'PEM private key for TLS_CERT_FILE' })),
  TRUST_PROXY: Type.String({
    default: 'false',
    description:
      "'false', 'true', a hop count or a comma list of proxy addresses/CIDRs; anything but false means a TLS-terminating proxy is in front",
  }),
  CORS_ORIGINS: Type.String({
    default: '',
    description: 'comma-separated allowlist of browser origins; empty = no cross-origin access',
  }),
  BODY_LIMIT_BYTES: Int(1024, 64 * 1024 * 1024, 1048576, 'largest accepted request body in bytes'),
  RATE_LIMIT_MAX: Int(
    1,
    1_000_000,
    600,
    'requests per credential per window (per client address for requests without one); every API key and token has its own',
  ),
  RATE_LIMIT_ADDRESS_MAX: Int(
    1,
    10_000_000,
    6000,
    'requests per client address per window, whatever credentials it sends (a ceiling for floods and credential guessing)',
  ),
  RATE_LIMIT_WINDOW_MS: Int(1000, 3_600_000, 60000, 'rate-limit window in milliseconds'),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info', description: 'pino log level' },
  ),
  SHUTDOWN_TIMEOUT_MS: Int(100, 120_000, 8000, 'how long a graceful shutdown may drain before it forces exit'),
  JWT_CLOCK_SKEW_SECONDS: Int(0, 300, 30, 'tolerance for exp/nbf/iat of partner JWTs'),
  SESSION_MAX_AGE_SECONDS: Int(
    60,
    7 * 86400,
    43200,
    'automatic logoff: a JWT whose iat is older than this is refused even if exp is later',
  ),
  JWKS_CACHE_SECONDS: Int(
    10,
    86400,
    300,
    'how long a fetched JWKS is trusted before it is fetched again (unknown kids refetch sooner)',
  ),
  AUTH_CACHE_SECONDS: Int(
    0,
    300,
    30,
    'safety-net lifetime of a cached authentication (API key or JWT -> actor); changes reach every process within 1 s through LISTEN/NOTIFY regardless; 0 = no cache',
  ),
  AUTH_CACHE_MAX_ENTRIES: Int(100, 1_000_000, 10000, 'most credentials one process keeps authenticated in memory'),
  ALLOW_HTTP_JWKS: Bool(
    'false',
    'accept http:// JWKS URIs on loopback hosts (local development and tests only; refused in production)',
  ),
  ALLOW_PRIVATE_URLS: Bool(
    'false',
    'let outbound fetches (partner JWKS) reach loopback and private addresses (local development and tests only; refused in production); link-local and cloud metadata addresses stay refused',
  ),
  BREAK_GLASS_MAX_MINUTES: Int(1, 1440, 60, 'longest emergency-access window an actor may open'),
  WEBHOOK_DISPATCHER: Bool(
    'true',
    'deliver webhooks from this process (any number of processes may; they share the outbox)',
  ),
  WEBHOOK_POLL_MS: Int(50, 60_000, 1000, 'how often the webhook dispatcher looks for due deliveries'),
  WEBHOOK_TIMEOUT_MS: Int(100, 60_000, 10_000, 'longest one webhook delivery attempt may take, connecting included'),
  WEBHOOK_RETRY_BASE_MS: Int(
    10,
    3_600_000,
    5000,
    'first retry delay of a failed webhook delivery; doubles each attempt, with jitter',
  ),
  WEBHOOK_RETRY_MAX_MS: Int(10, 86_400_000, 3_600_000, 'longest delay between two attempts of one webhook delivery'),
  WEBHOOK_MAX_ATTEMPTS: Int(1, 100, 15, 'attempts of one webhook delivery before it is given up (it can be replayed)'),
  WEBHOOK_DISABLE_AFTER_FAILURES: Int(
    1,
    10_000,
    50,
    'failed attempts in a row (across deliveries) after which a webhook endpoint is disabled and its admins told',
  ),
  DEADLINE_WATCH_INTERVAL_MS: Int(
    100,
    3_600_000,
    30_000,
    'how often each process looks for deadlines that ran out or draw near, to announce them (ticket.sla_breached, access_request.due_soon/overdue, accounting_request.due_soon/overdue)',
  ),
  REDIS_URL: Type.Optional(
    Type.String({
      pattern: '^rediss?://',
      description:
        'Redis URL; set, GraphQL subscription events and rate-limit counters are shared across server instances through it; unset, each process has its own',
    }),
  ),
  SUBSCRIPTION_RECHECK_MS: Int(
    100,
    60_000,
    1000,
    "how often a GraphQL subscription's credential is checked again (a revoked or expired one ends the connection)",
  ),
  AUDIT_SIGNING_KEY_FILE: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        'Ed25519 seed (base64, 32 bytes) that signs audit checkpoints; never stored in the database; unset in development = DATA_DIR/dev-audit-signing.key, created on first start; required in production',
    }),
  ),
  AUDIT_PREVIOUS_PUBLIC_KEYS: Type.String({
    default: '',
    description:
      'comma-separated base64 public keys of earlier signing keys, still published and trusted for their checkpoints after a rotation',
  }),
  AUDIT_CHECKPOINT_DIR: Type.Optional(
    Type.String({
      minLength: 1,
      description: 'directory that receives signed checkpoints (write-once files); unset = DATA_DIR/audit-checkpoints',
    }),
  ),
  AUDIT_CHECKPOINT_INTERVAL_SECONDS: Int(1, 86400, 60, 'how often each chain that grew gets a signed checkpoint'),
  AUDIT_SEQUENCER_INTERVAL_MS: Int(
    5,
    60_000,
    250,
    'how often the sequencer looks for unchained events (it is also nudged after every write)',
  ),
  AUDIT_RETENTION_YEARS: Int(
    6,
    100,
    6,
    'years audit events are kept (HIPAA 164.316: at least 6; nothing in phidesk deletes them)',
  ),
});

type Env = Static<typeof envSchema>;

export interface Config {
  readonly env: Env['NODE_ENV'];
  readonly isProduction: boolean;
  readonly host: string;
  readonly port: number;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly embeddedPgPort: number;
  readonly migrateOnStart: boolean;
  readonly dbPoolMax: number;
  readonly masterKeyFile: string;
  /** true when the master key is the auto-created development key */
  readonly usesDevMasterKey: boolean;
  /** master keys kept for unwrapping during a master-key rotation */
  readonly previousMasterKeyFiles: readonly string[];
  readonly keyCacheSeconds: number;
  readonly tls: { readonly certFile: string; readonly keyFile: string } | undefined;
  readonly trustProxy: boolean | number | string[];
  readonly corsOrigins: readonly string[];
  readonly bodyLimitBytes: number;
  /** per credential (or per address without one), and per address whatever the credentials */
  readonly rateLimit: { readonly max: number; readonly addressMax: number; readonly windowMs: number };
  readonly logLevel: Env['LOG_LEVEL'];
  readonly shutdownTimeoutMs: number;
  readonly auth: {
    readonly clockSkewSeconds: number;
    readonly sessionMaxAgeSeconds: number;
    readonly jwksCacheSeconds: number;
    readonly allowHttpJwks: boolean;
    /** 0 = authentication is not cached */
    readonly cacheSeconds: number;
    readonly cacheMaxEntries: number;
  };
  /** outbound fetches (src/net/url-guard.ts): may they reach loopback and private addresses */
  readonly allowPrivateUrls: boolean;
  readonly breakGlassMaxMinutes: number;
  readonly webhooks: {
    /** run a dispatcher in this process */
    readonly dispatcher: boolean;
    readonly pollMs: number;
    readonly timeoutMs: number;
    readonly retryBaseMs: number;
    readonly retryMaxMs: number;
    readonly maxAttempts: number;
    readonly disableAfterFailures: number;
  };
  /** how often SLA breaches and patient-rights deadlines are looked for and announced */
  readonly deadlineWatchIntervalMs: number;
  /** set: subscription events and rate-limit counters are shared across instances through it */
  readonly redisUrl: string | undefined;
  readonly subscriptions: { readonly recheckMs: number };
  readonly audit: {
    readonly signingKeyFile: string;
    /** true when the signing key is the auto-created development key */
    readonly usesDevSigningKey: boolean;
    readonly previousPublicKeys: readonly string[];
    readonly checkpointDir: string;
    readonly checkpointIntervalSeconds: number;
    readonly sequencerIntervalMs: number;
    readonly retentionYears: number;
  };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

function checkRange(name: string, raw: string, schema: TSchema): number {
  const n = Number(raw);
  const min = schema['minimumValue'] as number;
  const max = schema['maximumValue'] as number;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}`);
  return n;
}

function parseTrustProxy(raw: string): boolean | number | string[] {
  if (raw === 'false' || raw === '0' || raw === '') return false;
  if (raw === 'true') return true;
  if (/^[0-9]+$/.test(raw)) return Number(raw);
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!list.every((s) => /^[0-9a-fA-F:.]+(\/[0-9]{1,3})?$/.test(s))) {
    throw new ConfigError('TRUST_PROXY', "must be 'true', 'false', a hop count or a comma list of addresses/CIDRs");
  }
  return list;
}

function parsePublicKeys(raw: string): string[] {
  const keys = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // 32 bytes in base64 (43 characters and one '=') or base64url (43 characters).
  if (!keys.every((k) => /^[A-Za-z0-9+/_-]{43}=?$/.test(k))) {
    throw new ConfigError(
      'AUDIT_PREVIOUS_PUBLIC_KEYS',
      'must be a comma list of base64 Ed25519 public keys (32 bytes each)',
    );
  }
  return keys;
}

function parseOrigins(raw: string): string[] {
  const origins = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const o of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(o))
      throw new ConfigError('CORS_ORIGINS', `has an entry that is not an origin (scheme://host[:port])`);
  }
  return origins;
}

/** Read, validate and freeze configuration. Pass an explicit env in tests. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.keys(envSchema.properties);
  const raw: Record<string, string> = {};
  for (const key of known) {
    const v = source[key];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  const withDefaults = Value.Default(envSchema, raw) as Record<string, unknown>;
  const firstError = Value.Errors(envSchema, withDefaults).First();
  if (firstError) {
    const name = firstError.path.replace(/^\//, '') || 'environment';
    throw new ConfigError(name, `is invalid: ${firstError.message}`);
  }
  const env = withDefaults as Env;
  const num = (k: keyof Env) => checkRange(k, env[k] as string, envSchema.properties[k]);
  const bool = (v: string) => v === 'true' || v === '1';

  const dataDir = path.resolve(env.DATA_DIR);
  const isProduction = env.NODE_ENV === 'production';
  const devKeyFile = path.join(dataDir, 'dev-master.key');
  const masterKeyFile = env.MASTER_KEY_FILE ? path.resolve(env.MASTER_KEY_FILE) : devKeyFile;
  const usesDevMasterKey = masterKeyFile === devKeyFile;
  const devSigningKeyFile = path.join(dataDir, 'dev-audit-signing.key');
  const signingKeyFile = env.AUDIT_SIGNING_KEY_FILE ? path.resolve(env.AUDIT_SIGNING_KEY_FILE) : devSigningKeyFile;

  if ((env.TLS_CERT_FILE === undefined) !== (env.TLS_KEY_FILE === undefined)) {
    throw new ConfigError(env.TLS_CERT_FILE ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE', 'must be set together with its pair');
  }
  const tls =
    env.TLS_CERT_FILE && env.TLS_KEY_FILE ? { certFile: env.TLS_CERT_FILE, keyFile: env.TLS_KEY_FILE } : undefined;
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);

  if (isProduction) {
    if (bool(env.ALLOW_HTTP_JWKS)) throw new ConfigError('ALLOW_HTTP_JWKS', 'must be false in production');
    if (bool(env.ALLOW_PRIVATE_URLS)) throw new ConfigError('ALLOW_PRIVATE_URLS', 'must be false in production');
    if (usesDevMasterKey)
      throw new ConfigError(
        'MASTER_KEY_FILE',
        'must name a real master key in production (the development key is refused)',
      );
    if (!tls && trustProxy === false) {
      throw new ConfigError(
        'TLS_CERT_FILE',
        'or TRUST_PROXY must be set in production: plain HTTP is refused unless TLS terminates here or at a trusted proxy',
      );
    }
    if (signingKeyFile === devSigningKeyFile) {
      throw new ConfigError(
        'AUDIT_SIGNING_KEY_FILE',
        'must name the audit checkpoint signing key in production (kept outside the database; the development key is refused)',
      );
    }
  }

  return Object.freeze({
    env: env.NODE_ENV,
    isProduction,
    host: env.HOST,
    port: num('PORT'),
    databaseUrl: env.DATABASE_URL,
    dataDir,
    embeddedPgPort: num('EMBEDDED_PG_PORT'),
    migrateOnStart: bool(env.MIGRATE_ON_START),
    dbPoolMax: num('DB_POOL_MAX'),
    masterKeyFile,
    usesDevMasterKey,
    previousMasterKeyFiles: Object.freeze(
      env.MASTER_KEY_PREVIOUS_FILES.split(',')
        .map((f) => f.trim())
        .filter(Boolean)
        .map((f) => path.resolve(f)),
    ),
    keyCacheSeconds: num('KEY_CACHE_SECONDS'),
    tls: tls ? Object.freeze(tls) : undefined,
    trustProxy: Array.isArray(trustProxy) ? (Object.freeze(trustProxy) as string[]) : trustProxy,
    corsOrigins: Object.freeze(parseOrigins(env.CORS_ORIGINS)),
    bodyLimitBytes: num('BODY_LIMIT_BYTES'),
    rateLimit: Object.freeze({
      max: num('RATE_LIMIT_MAX'),
      addressMax: num('RATE_LIMIT_ADDRESS_MAX'),
      windowMs: num('RATE_LIMIT_WINDOW_MS'),
    }),
    logLevel: env.LOG_LEVEL,
    shutdownTimeoutMs: num('SHUTDOWN_TIMEOUT_MS'),
    auth: Object.freeze({
      clockSkewSeconds: num('JWT_CLOCK_SKEW_SECONDS'),
      sessionMaxAgeSeconds: num('SESSION_MAX_AGE_SECONDS'),
      jwksCacheSeconds: num('JWKS_CACHE_SECONDS'),
      cacheSeconds: num('AUTH_CACHE_SECONDS'),
      cacheMaxEntries: num('AUTH_CACHE_MAX_ENTRIES'),
      allowHttpJwks: bool(env.ALLOW_HTTP_JWKS),
    }),
    allowPrivateUrls: bool(env.ALLOW_PRIVATE_URLS),
    breakGlassMaxMinutes: num('BREAK_GLASS_MAX_MINUTES'),
    webhooks: Object.freeze({
      dispatcher: bool(env.WEBHOOK_DISPATCHER),
      pollMs: num('WEBHOOK_POLL_MS'),
      timeoutMs: num('WEBHOOK_TIMEOUT_MS'),
      retryBaseMs: num('WEBHOOK_RETRY_BASE_MS'),
      retryMaxMs: num('WEBHOOK_RETRY_MAX_MS'),
      maxAttempts: num('WEBHOOK_MAX_ATTEMPTS'),
      disableAfterFailures: num('WEBHOOK_DISABLE_AFTER_FAILURES'),
    }),
    deadlineWatchIntervalMs: num('DEADLINE_WATCH_INTERVAL_MS'),
    redisUrl: env.REDIS_URL,
    subscriptions: Object.freeze({ recheckMs: num('SUBSCRIPTION_RECHECK_MS') }),
    audit: Object.freeze({
      signingKeyFile,
      usesDevSigningKey: signingKeyFile === devSigningKeyFile,
      previousPublicKeys: Object.freeze(parsePublicKeys(env.AUDIT_PREVIOUS_PUBLIC_KEYS)),
      checkpointDir: env.AUDIT_CHECKPOINT_DIR
        ? path.resolve(env.AUDIT_CHECKPOINT_DIR)
        : path.join(dataDir, 'audit-checkpoints'),
      checkpointIntervalSeconds: num('AUDIT_CHECKPOINT_INTERVAL_SECONDS'),
      sequencerIntervalMs: num('AUDIT_SEQUENCER_INTERVAL_MS'),
      retentionYears: num('AUDIT_RETENTION_YEARS'),
    }),
  });
}
