// Every environment variable phidesk reads, as a TypeBox schema: its type, default, bounds and
// meaning (README's configuration table follows it). src/config.ts validates the environment
// against it and is still the only module that reads the environment.
import { Type } from '@sinclair/typebox';

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
  RETENTION_PURGE_INTERVAL_MS: Int(
    0,
    604_800_000,
    0,
    'how often each process purges what is past retention and under no legal hold (0: never; run phidesk retention purge instead)',
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
