// The only reader of process.env. A TypeBox schema (config-schema.ts) describes every variable;
// loadConfig() converts, validates, applies cross-field rules and returns a
// frozen, typed object. A bad or missing variable stops start-up with a message
// naming it, so a misconfigured deployment never half-starts.
import path from 'node:path';
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { envSchema } from './config-schema.js';

export { envSchema };

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
  /** how often the retention purge runs in this process; 0: not here (the CLI's job) */
  readonly retentionPurgeIntervalMs: number;
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
    retentionPurgeIntervalMs: num('RETENTION_PURGE_INTERVAL_MS'),
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
