import type { ResolvedDeps } from '../../app';
import type { Config } from '../../config';
import type { JobQueue } from '../../jobs/queue';
import type { Logger } from '../../logger';
import { wechatClientOf } from '../../wechat';
import type { WechatClient } from '../../wechat/client';
import type { RegionDirectory } from '../regions/directory';
import { regionDirectory } from '../regions/service';
import { NoticeEventLog } from './event-log';
import { FollowerIndex } from './follower-index';
import { loadNoticeSettings, type NoticeSettings } from './settings';

/** What `AppDeps.notices` may provide (tests, the worker script, benchmarks). */
export interface NoticeOptions {
  /** The WeChat client (default: built from config.wechat; none without an appid). */
  wechat?: WechatClient;
  settings?: Partial<NoticeSettings>;
}

/** Template ids from config: which template each notice uses and which are long-term. */
export interface NoticeTemplates {
  disclosure?: string;
  answer?: string;
  longTerm: ReadonlySet<string>;
}

/**
 * Smooth rate limit (one slot every 1/rate s, no bursts): `take()` resolves when this caller may send.
 * Per process: N worker processes send N × rate (see docs/notices.md).
 */
export class RateLimiter {
  private next = 0;
  constructor(private readonly perSecond: number) {}
  async take(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.perSecond;
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  }
}

/** At most `n` holders at once (process-wide): bounds the WeChat sends in flight. */
export class Semaphore {
  private free: number;
  private readonly waiting: Array<() => void> = [];
  constructor(n: number) {
    this.free = n;
  }
  async use<T>(fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((r) => this.waiting.push(r));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}

/** Everything the notices, subscriptions and residents modules share inside one app. */
export interface NoticeRuntime {
  config: Readonly<Config>;
  logger: Logger;
  jobs: JobQueue;
  settings: NoticeSettings;
  wechat?: WechatClient;
  templates: NoticeTemplates;
  limiter: RateLimiter;
  /**
   * Sends in flight in this process (GONGKAI_PUSH_CONCURRENCY), held from recording an attempt to recording
   * WeChat's answer: a crash leaves at most this many messages in doubt.
   */
  sendSlots: Semaphore;
  regions(): Promise<RegionDirectory>;
  /** The notice event log in memory (loaded on first use, then tailed). */
  events(): Promise<NoticeEventLog>;
  /** The follower index (built on first use, then tailed). */
  followers(): Promise<FollowerIndex>;
}

const runtimes = new WeakMap<object, NoticeRuntime>();

/** The runtime of an app (one per job queue), created on first use. */
export function noticeRuntime(deps: ResolvedDeps): NoticeRuntime {
  const key = deps.jobs;
  const known = runtimes.get(key);
  if (known) return known;
  const settings = { ...loadNoticeSettings(), ...deps.notices?.settings };
  const w = deps.config.wechat;
  let events: Promise<NoticeEventLog> | undefined;
  let followers: Promise<FollowerIndex> | undefined;
  const once = <T>(make: () => Promise<T>, set: (p: Promise<T> | undefined) => void): Promise<T> => {
    const p = make();
    set(p);
    p.catch(() => set(undefined)); // a failed load is retried by the next caller
    return p;
  };
  const rt: NoticeRuntime = {
    config: deps.config,
    logger: deps.logger,
    jobs: deps.jobs,
    settings,
    wechat: deps.notices?.wechat ?? wechatClientOf(deps.config, { timeoutMs: settings.timeoutMs }),
    templates: { disclosure: w.templateDisclosure, answer: w.templateAnswer, longTerm: new Set(w.longTermTemplates) },
    limiter: new RateLimiter(settings.ratePerSecond),
    sendSlots: new Semaphore(settings.concurrency),
    regions: () => (deps.regions ? Promise.resolve(deps.regions) : regionDirectory()),
    events: () => events ?? once(async () => NoticeEventLog.load(), (p) => (events = p)),
    followers: () => followers ?? once(async () => FollowerIndex.build(deps.logger), (p) => (followers = p)),
  };
  runtimes.set(key, rt);
  return rt;
}
