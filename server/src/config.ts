import path from 'path';
import { z } from 'zod';
import { findRepoRoot } from './paths';

/** Env values that mean "on". */
const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  MONGODB_URI: optionalString.refine((v) => v === undefined || /^mongodb(\+srv)?:\/\//.test(v), {
    message: 'must start with mongodb:// or mongodb+srv://',
  }),
  GONGKAI_DATA_DIR: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Public base URL of this deployment, used in QR codes, feeds and links (no trailing slash). */
  GONGKAI_PUBLIC_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s]+[^/]$/.test(v), {
    message: 'must be an http(s) URL without a trailing slash',
  }),
  /** Extra origins allowed by CORS (comma-separated); same-origin always works. */
  GONGKAI_CORS_ORIGINS: optionalString,
  GONGKAI_ADMIN_PASSWORD: optionalString,
  GONGKAI_DEV_LOGIN: flag,
  GONGKAI_TOKEN_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(8),
  GONGKAI_RESIDENT_TOKEN_TTL_DAYS: z.coerce.number().positive().max(365).default(30),
  GONGKAI_BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/i, 'like 1mb or 512kb').default('1mb'),
  GONGKAI_UPLOAD_LIMIT_MB: z.coerce.number().positive().max(100).default(10),
  GONGKAI_JOBS: z.enum(['on', 'off']).default('on'),
  /** Demo content for one village (server/src/modules/demo); unset or empty: see `demoData` below. */
  GONGKAI_DEMO_DATA: z
    .enum(['0', '1', 'true', 'false', ''], { error: 'must be 1 or 0' })
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v === '1' || v === 'true')),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  WECHAT_APPID: optionalString,
  WECHAT_SECRET: optionalString,
  WECHAT_TEMPLATE_DISCLOSURE: optionalString,
  WECHAT_TEMPLATE_ANSWER: optionalString,
  WECHAT_TEMPLATES_LONG_TERM: optionalString,
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  production: boolean;
  port: number;
  host: string;
  mongodbUri?: string;
  repoRoot: string;
  dataDir: string;
  logLevel: Env['LOG_LEVEL'];
  publicUrl?: string;
  corsOrigins: string[];
  adminPassword?: string;
  devLogin: boolean;
  tokenTtlMs: number;
  residentTokenTtlMs: number;
  bodyLimit: string;
  uploadLimitBytes: number;
  jobs: boolean;
  /** Seed demo officials, disclosures and a Q&A on an empty database (GONGKAI_DEMO_DATA). */
  demoData: boolean;
  wechat: {
    apiBase: string;
    appid?: string;
    secret?: string;
    templateDisclosure?: string;
    templateAnswer?: string;
    longTermTemplates: string[];
    miniprogramState: Env['WECHAT_MINIPROGRAM_STATE'];
  };
}

/** Raised for a bad environment; the message names every bad variable. */
export class ConfigError extends Error {}

/**
 * Parses the environment into a frozen, typed config.
 * @throws ConfigError naming each invalid variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const repoRoot = findRepoRoot();
  const list = (v?: string) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
  const config: Config = {
    env: e.NODE_ENV,
    production: e.NODE_ENV === 'production',
    port: e.PORT,
    host: e.HOST,
    mongodbUri: e.MONGODB_URI,
    repoRoot,
    dataDir: path.resolve(repoRoot, e.GONGKAI_DATA_DIR ?? '.data'),
    logLevel: e.LOG_LEVEL,
    publicUrl: e.GONGKAI_PUBLIC_URL,
    corsOrigins: list(e.GONGKAI_CORS_ORIGINS),
    adminPassword: e.GONGKAI_ADMIN_PASSWORD,
    // Never in production, whatever the setting (contract: POST /auth/dev).
    devLogin: e.GONGKAI_DEV_LOGIN && e.NODE_ENV !== 'production',
    tokenTtlMs: e.GONGKAI_TOKEN_TTL_HOURS * 3600_000,
    residentTokenTtlMs: e.GONGKAI_RESIDENT_TOKEN_TTL_DAYS * 86400_000,
    bodyLimit: e.GONGKAI_BODY_LIMIT,
    uploadLimitBytes: e.GONGKAI_UPLOAD_LIMIT_MB * 1024 * 1024,
    jobs: e.GONGKAI_JOBS === 'on',
    // Default: on in demo mode (no WECHAT_APPID), never by default in production.
    demoData: e.GONGKAI_DEMO_DATA ?? (!e.WECHAT_APPID && e.NODE_ENV !== 'production'),
    wechat: {
      apiBase: e.WECHAT_API_BASE.replace(/\/$/, ''),
      appid: e.WECHAT_APPID,
      secret: e.WECHAT_SECRET,
      templateDisclosure: e.WECHAT_TEMPLATE_DISCLOSURE,
      templateAnswer: e.WECHAT_TEMPLATE_ANSWER,
      longTermTemplates: list(e.WECHAT_TEMPLATES_LONG_TERM),
      miniprogramState: e.WECHAT_MINIPROGRAM_STATE,
    },
  };
  return Object.freeze(config);
}
