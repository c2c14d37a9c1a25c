import { resolve } from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  CLAIMDESK_DATA_DIR: z.string().default('.claimdesk'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  CLAIMDESK_SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'CLAIMDESK_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  CLAIMDESK_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  CLAIMDESK_TRUST_PROXY: z.enum(['true', 'false']).optional(),
  CLAIMDESK_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  CLAIMDESK_DEMO: z.enum(['auto', 'off']).default('auto'),
});

export interface Config {
  readonly dataDir: string;
  readonly database: { readonly kind: 'pglite'; readonly dir: string } | { readonly kind: 'postgres'; readonly url: string };
  readonly http: { readonly port: number; readonly host: string; readonly secureCookies: boolean; readonly trustProxy: boolean };
  readonly secretKey: string | undefined;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  readonly demo: 'auto' | 'off';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The one place that reads the environment. Returns a frozen object; everything else takes it as an argument. */
export function loadConfig(env: Record<string, string | undefined>, cwd: string = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid environment variable ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  const dataDir = resolve(cwd, e.CLAIMDESK_DATA_DIR);
  const config: Config = {
    dataDir,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dir: resolve(dataDir, 'pgdata') },
    http: { port: e.PORT, host: e.HOST, secureCookies: e.CLAIMDESK_SECURE_COOKIES === 'true', trustProxy: e.CLAIMDESK_TRUST_PROXY === 'true' },
    secretKey: e.CLAIMDESK_SECRET_KEY,
    logLevel: e.CLAIMDESK_LOG_LEVEL,
    demo: e.CLAIMDESK_DEMO,
  };
  return Object.freeze(config);
}
