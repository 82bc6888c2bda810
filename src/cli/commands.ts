// The `phidesk` commands: each one's options, help and example, and where its
// implementation lives (imported only when it runs, never for --help). The option
// objects are exported so each implementation is typed from its own declaration.
import { defineCommand, type Command, type OptionSpec } from './command.js';

const tenant = {
  type: 'string',
  required: true,
  value: 'SLUG',
  help: "the tenant's slug, as phidesk tenants list shows it",
} as const satisfies OptionSpec;
const json = { type: 'boolean', help: 'print JSON instead of text' } as const satisfies OptionSpec;
const init = {
  type: 'boolean',
  help: 'with no DATABASE_URL and no data in DATA_DIR, create an embedded PostgreSQL\nthere and migrate it (without --init that is refused)',
} as const satisfies OptionSpec;

const DATABASE =
  "Uses DATABASE_URL, else the embedded PostgreSQL under DATA_DIR (a running server's\nin place, left running; see phidesk --help).";

export const migrateOptions = { init } as const;
export const tenantsCreateOptions = {
  slug: { type: 'string', required: true, value: 'SLUG', help: '2..63 lowercase letters, digits and dashes' },
  name: { type: 'string', required: true, value: 'NAME', help: 'display name' },
  'jwt-issuer': {
    type: 'string',
    value: 'URL',
    help: "a partner IdP's issuer (iss) to trust; with --jwks-uri and --audience",
  },
  'jwks-uri': { type: 'string', value: 'URL', help: 'where the IdP publishes its signing keys (https)' },
  audience: { type: 'string', value: 'AUD', help: 'the audience (aud) its tokens carry for phidesk' },
  json,
  init,
} as const;
export const tenantsListOptions = { json } as const;
export const keysCreateOptions = {
  tenant,
  name: { type: 'string', required: true, value: 'NAME', help: 'what the key is for' },
  roles: { type: 'string', value: 'R1,R2', help: 'roles the key acts with (default integration)' },
  scopes: { type: 'string', value: 'S1,S2', help: 'scopes of an integration key, e.g. tickets:read,tickets:create' },
  expires: { type: 'string', value: 'ISO', help: 'expiry, an ISO 8601 date in the future' },
  cidrs: { type: 'string', value: 'C1,C2', help: 'source addresses or CIDRs the key is accepted from' },
  json,
} as const;
export const keysListOptions = { tenant, json } as const;
export const keysRevokeOptions = {
  tenant,
  id: { type: 'string', required: true, value: 'KEY_ID', help: 'the key id, as phidesk keys list shows it' },
} as const;
export const rotateMasterOptions = {
  'new-key-file': { type: 'string', required: true, value: 'FILE', help: 'the new master key (base64, 32 bytes)' },
  create: { type: 'boolean', help: 'generate FILE first (mode 0600) when it does not exist' },
} as const;
export const rotateTenantOptions = { tenant } as const;
export const resealOptions = {
  tenant,
  'batch-size': { type: 'string', value: 'N', help: 'rows per transaction, 1..5000 (default 500)' },
  'no-wait': { type: 'boolean', help: "skip the final pass that waits for servers' key caches to expire" },
} as const;
export const retireOptions = {
  tenant,
  version: { type: 'string', required: true, value: 'N', help: 'the data key version to retire' },
} as const;
export const shredOptions = {
  tenant,
  confirm: { type: 'string', required: true, value: 'SLUG', help: 'the slug again, to confirm' },
} as const;
export const keyStatusOptions = { tenant, json } as const;
export const auditExportOptions = {
  tenant: {
    type: 'string',
    short: 't',
    value: 'SLUG|ID',
    help: 'one tenant (default: every chain, the platform chain included)',
  },
  out: {
    type: 'string',
    short: 'o',
    value: 'FILE',
    help: 'write to FILE (created, never overwritten; mode 0600); default stdout',
  },
  'checkpoints-out': { type: 'string', value: 'DIR', help: "copy the exported chains' signed checkpoints into DIR" },
} as const;
export const auditVerifyOptions = {
  file: { type: 'string', short: 'f', required: true, value: 'EXPORT', help: 'audit export, one JSON event per line' },
  'public-key': {
    type: 'string',
    short: 'k',
    multiple: true,
    required: true,
    value: 'KEY',
    help: 'Ed25519 checkpoint key: base64, or a file holding one (base64, a JWK or\nthe JWK set of /.well-known/phidesk-audit-key); repeat for earlier keys',
  },
  checkpoints: {
    type: 'string',
    value: 'DIR',
    help: 'signed checkpoints; without them a cut tail or a recomputed chain\ncannot be detected',
  },
  json: { type: 'boolean', help: 'machine-readable report on stdout' },
} as const;
export const auditPublicKeyOptions = {
  jwks: { type: 'boolean', help: 'print the JWK set the server publishes (earlier keys included)' },
} as const;

export const retentionPurgeOptions = {
  tenant: {
    type: 'string',
    value: 'SLUG',
    help: 'one tenant, by its slug (default: every tenant that set retention periods)',
  },
  'batch-size': { type: 'string', value: 'N', help: 'records per transaction, 1..5000 (default 500)' },
  'batch-pause-ms': {
    type: 'string',
    value: 'MS',
    help: 'pause after each batch, 0..60000 (throttling and tests; ignored when NODE_ENV=production)',
  },
  json,
} as const;

export const commands: readonly Command[] = [
  defineCommand({
    name: 'migrate',
    summary: 'apply pending database migrations',
    options: migrateOptions,
    notes: DATABASE,
    examples: ['phidesk migrate', 'DATA_DIR=/srv/phidesk phidesk migrate --init'],
    load: async () => (await import('./migrate.js')).migrate,
  }),
  defineCommand({
    name: 'tenants create',
    summary: 'create a tenant, optionally trusting a partner IdP; prints its id and a tenant-admin API key once',
    options: tenantsCreateOptions,
    notes: DATABASE,
    examples: [
      'phidesk tenants create --slug acme-health --name "Acme Health"',
      'phidesk tenants create --slug acme-health --name "Acme Health" --jwt-issuer https://login.acme.example/ \\\n    --jwks-uri https://login.acme.example/.well-known/jwks.json --audience phidesk-api',
    ],
    load: async () => (await import('./tenants.js')).tenantsCreate,
  }),
  defineCommand({
    name: 'tenants list',
    summary: 'list the tenants: slug, id, name, status, created',
    options: tenantsListOptions,
    notes: DATABASE,
    examples: ['phidesk tenants list --json'],
    load: async () => (await import('./tenants.js')).tenantsList,
  }),
  defineCommand({
    name: 'keys create',
    summary: 'create an API key for a tenant (default role integration); prints it once',
    options: keysCreateOptions,
    notes: DATABASE,
    examples: [
      'phidesk keys create --tenant demo --name admin2 --roles tenant_admin',
      'phidesk keys create --tenant demo --name sync --scopes tickets:read,tickets:create --expires 2030-01-01',
    ],
    load: async () => (await import('./api-keys.js')).keysCreate,
  }),
  defineCommand({
    name: 'keys list',
    summary: "list a tenant's API keys: id, name, roles, scopes, created, expires, revoked (never a secret)",
    options: keysListOptions,
    notes: DATABASE,
    examples: ['phidesk keys list --tenant demo'],
    load: async () => (await import('./api-keys.js')).keysList,
  }),
  defineCommand({
    name: 'keys revoke',
    summary: 'revoke an API key; refused from the next request on',
    options: keysRevokeOptions,
    notes: DATABASE,
    examples: ['phidesk keys revoke --tenant demo --id 0b6c8f1e-2f4d-4c3a-9d52-1f0e7a3b9c10'],
    load: async () => (await import('./api-keys.js')).keysRevoke,
  }),
  defineCommand({
    name: 'keys rotate-master',
    summary: 'rewrap every tenant key under a new master key, sealed data untouched',
    options: rotateMasterOptions,
    notes: DATABASE,
    examples: ['phidesk keys rotate-master --new-key-file /secure/master-2.key --create'],
    load: async () => (await import('./keys.js')).rotateMaster,
  }),
  defineCommand({
    name: 'keys rotate-tenant',
    summary: 'start a new tenant key version for new writes; the old one stays readable',
    options: rotateTenantOptions,
    notes: DATABASE,
    examples: ['phidesk keys rotate-tenant --tenant acme-health'],
    load: async () => (await import('./keys.js')).rotateTenant,
  }),
  defineCommand({
    name: 'keys reseal',
    summary:
      "re-seal a tenant's values onto its active key (resumable, with progress; exit 1 lists rows that would not open)",
    options: resealOptions,
    notes: DATABASE,
    examples: ['phidesk keys reseal --tenant acme-health --batch-size 1000'],
    load: async () => (await import('./keys.js')).reseal,
  }),
  defineCommand({
    name: 'keys retire',
    summary: 'refuse reads under an old key version (refused while values still use it)',
    options: retireOptions,
    notes: DATABASE,
    examples: ['phidesk keys retire --tenant acme-health --version 1'],
    load: async () => (await import('./keys.js')).retire,
  }),
  defineCommand({
    name: 'keys shred',
    summary: 'crypto-shred a tenant: destroy its keys; its audit trail stays',
    options: shredOptions,
    notes: DATABASE,
    examples: ['phidesk keys shred --tenant acme-health --confirm acme-health'],
    load: async () => (await import('./keys.js')).shred,
  }),
  defineCommand({
    name: 'keys status',
    summary: "a tenant's key versions, their master keys and how many values use each",
    options: keyStatusOptions,
    notes: DATABASE,
    examples: ['phidesk keys status --tenant acme-health --json'],
    load: async () => (await import('./keys.js')).status,
  }),
  defineCommand({
    name: 'retention purge',
    summary: 'delete what is past retention and under no legal hold, in audited batches (resumable)',
    options: retentionPurgeOptions,
    notes: `${DATABASE}\nA run that was killed is finished by the next one. Audit events are never purged.`,
    examples: ['phidesk retention purge --tenant acme-health --batch-size 200'],
    load: async () => (await import('./retention.js')).retentionPurge,
  }),
  defineCommand({
    name: 'audit export',
    summary: 'write audit chains as NDJSON, the format audit verify reads',
    options: auditExportOptions,
    notes: `${DATABASE}\nWith --checkpoints-out, the chains' checkpoints are copied from AUDIT_CHECKPOINT_DIR for\n\`phidesk audit verify --checkpoints DIR\`. Exit 2 also for an unknown tenant or an --out file that exists.`,
    examples: ['phidesk audit export --tenant acme-health --out acme.ndjson --checkpoints-out acme-checkpoints/'],
    load: async () => (await import('./audit.js')).auditExport,
  }),
  defineCommand({
    name: 'audit verify',
    summary: 'verify an audit export offline (no database, no configuration)',
    options: auditVerifyOptions,
    notes: 'Exit 0: every chain verified; 1: damage found (named, with the first bad seq); 2: usage or I/O problem.',
    examples: ['phidesk audit verify --file acme.ndjson --public-key audit-key.json --checkpoints acme-checkpoints/'],
    load: async () => (await import('./audit-verify.js')).auditVerify,
  }),
  defineCommand({
    name: 'audit public-key',
    summary: 'print the base64 public key that verifies audit checkpoints',
    options: auditPublicKeyOptions,
    notes: 'Reads AUDIT_SIGNING_KEY_FILE (default DATA_DIR/dev-audit-signing.key); never creates it.',
    examples: ['phidesk audit public-key --jwks > audit-key.json'],
    load: async () => (await import('./audit.js')).auditPublicKey,
  }),
];

export const groups: Readonly<Record<string, string>> = {
  tenants: 'Tenants and their first tenant-admin API key',
  keys: 'API keys, and the lifecycle of the keys that seal PHI',
  audit: 'Export and verify the tamper-evident audit trail',
  retention: 'Retention periods and legal holds: the purge',
};

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}
