import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('expected loadConfig to fail');
}

describe('config', () => {
  it('applies defaults and is frozen', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.host).toBe('127.0.0.1');
    expect(c.env).toBe('development');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.usesDevMasterKey).toBe(true);
    expect(c.masterKeyFile.endsWith('.phidesk/dev-master.key')).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.rateLimit)).toBe(true);
    expect(() => {
      (c as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MIGRATE_ON_START: 'yes' }, 'MIGRATE_ON_START'],
    [{ BODY_LIMIT_BYTES: '10' }, 'BODY_LIMIT_BYTES'],
    [{ CORS_ORIGINS: 'not an origin' }, 'CORS_ORIGINS'],
    [{ TRUST_PROXY: 'my proxy!' }, 'TRUST_PROXY'],
    [{ TLS_CERT_FILE: '/tmp/cert.pem' }, 'TLS_KEY_FILE'],
  ])('rejects %o naming %s', (env, variable) => {
    const e = configError(env);
    expect(e.variable).toBe(variable);
    expect(e.message).toContain(variable);
  });

  it('refuses the development master key in production', () => {
    const e = configError({ NODE_ENV: 'production', TRUST_PROXY: 'true' });
    expect(e.variable).toBe('MASTER_KEY_FILE');
  });

  it('refuses plain HTTP in production without TLS or a trusted proxy', () => {
    const e = configError({ NODE_ENV: 'production', MASTER_KEY_FILE: '/etc/phidesk/master.key' });
    expect(e.variable).toBe('TLS_CERT_FILE');
    expect(e.message).toMatch(/TRUST_PROXY/);
  });

  it('accepts production behind a TLS-terminating proxy with a real key', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      MASTER_KEY_FILE: '/etc/phidesk/master.key',
      AUDIT_SIGNING_KEY_FILE: '/etc/phidesk/audit-signing.key',
      TRUST_PROXY: '10.0.0.0/8,127.0.0.1',
    });
    expect(c.isProduction).toBe(true);
    expect(c.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(c.usesDevMasterKey).toBe(false);
  });

  it('refuses a missing audit signing key in production', () => {
    const e = configError({ NODE_ENV: 'production', MASTER_KEY_FILE: '/etc/phidesk/master.key', TRUST_PROXY: 'true' });
    expect(e.variable).toBe('AUDIT_SIGNING_KEY_FILE');
  });

  it('keeps audit events at least 6 years and defaults the audit settings', () => {
    expect(configError({ AUDIT_RETENTION_YEARS: '5' }).variable).toBe('AUDIT_RETENTION_YEARS');
    expect(configError({ AUDIT_PREVIOUS_PUBLIC_KEYS: 'not-a-key' }).variable).toBe('AUDIT_PREVIOUS_PUBLIC_KEYS');
    const c = loadConfig({ DATA_DIR: '/tmp/phidesk-config-test' });
    expect(c.audit).toMatchObject({
      retentionYears: 6,
      usesDevSigningKey: true,
      signingKeyFile: '/tmp/phidesk-config-test/dev-audit-signing.key',
      checkpointDir: '/tmp/phidesk-config-test/audit-checkpoints',
      checkpointIntervalSeconds: 60,
      previousPublicKeys: [],
    });
    expect(loadConfig({ AUDIT_RETENTION_YEARS: '10' }).audit.retentionYears).toBe(10);
  });

  it('reads the sealing key settings: previous master keys and the key cache age', () => {
    const c = loadConfig({ MASTER_KEY_PREVIOUS_FILES: '/keys/old-1.key, /keys/old-2.key', KEY_CACHE_SECONDS: '60' });
    expect(c.previousMasterKeyFiles).toEqual(['/keys/old-1.key', '/keys/old-2.key']);
    expect(c.keyCacheSeconds).toBe(60);
    expect(loadConfig({}).previousMasterKeyFiles).toEqual([]);
    expect(loadConfig({}).keyCacheSeconds).toBe(300);
    expect(configError({ KEY_CACHE_SECONDS: '0' }).variable).toBe('KEY_CACHE_SECONDS');
  });

  it('parses lists and numbers', () => {
    const c = loadConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:3000', PORT: '0', RATE_LIMIT_MAX: '5' });
    expect(c.corsOrigins).toEqual(['https://a.example', 'http://localhost:3000']);
    expect(c.port).toBe(0);
    expect(c.rateLimit.max).toBe(5);
  });
});
