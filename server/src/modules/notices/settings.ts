import { z } from 'zod';
import { ConfigError } from '../../config';

/*
 * Tuning of notice delivery, from the environment (checked at start-up by main.ts, like config.ts; these
 * variables are the notices module's own). Tests and the worker script override fields through
 * `AppDeps.notices.settings`.
 */

const EnvSchema = z.object({
  /** WeChat subscribe messages sent per second by this process (token bucket). */
  GONGKAI_PUSH_RATE: z.coerce.number().positive().max(10_000).default(20),
  /** Sends in flight at once in this process. */
  GONGKAI_PUSH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Digest window: a resident's notices inside one window go as one message (0 = every notice alone). */
  GONGKAI_NOTICE_DIGEST_SECONDS: z.coerce.number().min(0).max(3600).default(120),
  /** Recipients per delivery job. */
  GONGKAI_NOTICE_BATCH: z.coerce.number().int().min(1).max(5000).default(500),
  /** Attempts of one message before it is marked failed (retryable failures only). */
  GONGKAI_PUSH_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** Timeout of one WeChat request. */
  WECHAT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
});

/** How notices are delivered. */
export interface NoticeSettings {
  ratePerSecond: number;
  concurrency: number;
  /** Digest window in ms (0: no digests). */
  digestMs: number;
  batchSize: number;
  maxAttempts: number;
  timeoutMs: number;
  /**
   * An attempt recorded this long ago without an outcome belongs to a worker that died or hung between
   * recording it and recording WeChat's answer: it is then settled as `unconfirmed` (never re-sent).
   * Must exceed `timeoutMs`, so a live request is never judged.
   */
  inDoubtAfterMs: number;
  /** A delivery job stops taking new recipients after this long and hands the rest to a follow-up job (keeps it inside its lease). */
  jobBudgetMs: number;
  /** Sending of a digest window starts this long after the window closed (late fan-outs of that window land first). */
  graceMs: number;
  /** Backoff before retry n of a message (1-based). */
  retryBackoffMs: (attempt: number) => number;
  /** How long a delivery job waits before looking again at a window whose fan-out is unfinished. */
  recheckMs: number;
}

/** Parses the notices module's environment variables. @throws ConfigError naming each bad variable. */
export function loadNoticeSettings(env: NodeJS.ProcessEnv = process.env): NoticeSettings {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    ratePerSecond: e.GONGKAI_PUSH_RATE,
    concurrency: e.GONGKAI_PUSH_CONCURRENCY,
    digestMs: e.GONGKAI_NOTICE_DIGEST_SECONDS * 1000,
    batchSize: e.GONGKAI_NOTICE_BATCH,
    maxAttempts: e.GONGKAI_PUSH_MAX_ATTEMPTS,
    timeoutMs: e.WECHAT_TIMEOUT_MS,
    inDoubtAfterMs: e.WECHAT_TIMEOUT_MS * 2 + 5_000,
    jobBudgetMs: 30_000,
    graceMs: 5_000,
    retryBackoffMs: (n) => Math.min(10 * 60_000, 2_000 * 3 ** (n - 1)),
    recheckMs: 2_000,
  };
}
