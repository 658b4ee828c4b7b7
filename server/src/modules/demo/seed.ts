import crypto from 'crypto';
import {
  ApproveBodySchema,
  CreateUserBodySchema,
  DisclosureCreateBodySchema,
  DisclosureUpdateBodySchema,
  FeedbackAnswerBodySchema,
  FeedbackSubmitBodySchema,
} from '@gongkai/shared';
import type { Config } from '../../config';
import type { AdminCaller } from '../../http/auth';
import { JobQueue } from '../../jobs/queue';
import type { Logger } from '../../logger';
import type { Seed } from '../../seed';
import { shanghaiDate } from '../../workdays';
import { createUser } from '../accounts/service';
import { AdminUserModel } from '../accounts/user.model';
import { findRecord, type DisclosureDeps } from '../disclosures/access';
import { disclosures } from '../disclosures/model';
import { approveDisclosure, createDisclosure, submitDisclosure, updateDisclosure } from '../disclosures/workflow';
import type { FeedbackDeps } from '../feedback/routing';
import { submitFeedback } from '../feedback/submit';
import { acceptFeedback, answerFeedback } from '../feedback/workflow';
import { regionDirectory, type RegionDirectory } from '../regions/service';
import { signInResident } from '../residents/service';
import {
  DEMO_ANSWER,
  DEMO_OFFICIALS,
  DEMO_QUESTION,
  DEMO_QUESTION_ABOUT,
  DEMO_REGIONS,
  DEMO_RESIDENT_OPENID,
  demoDisclosures,
  type DemoDisclosure,
} from './content';
import { DEMO_META_ID, DemoMetaModel } from './model';

/*
 * Demo data (GONGKAI_DEMO_DATA, on by default in demo mode): so that a fresh `npm start` shows a village with
 * content. Everything goes through the real services — officials through createUser, disclosures through the
 * draft → submit → approve workflow (hashes, version chain, index, search, `disclosure.event` jobs), the
 * question through the resident sign-in and the feedback submission, accept and answer — never raw inserts.
 *
 * Runs only on a database without disclosures, once: the marker `demo_meta` (model.ts) makes a finished run a
 * single `_id` read, and lets an interrupted one resume (each created id is recorded as soon as it exists).
 */

const FORMAT = 'demo/1';
const QUESTION_KEY = 'gongkai-demo-question-1';

/** Who creates the demo officials in the audit log (no stored account). */
const SEED_CALLER: AdminCaller = {
  kind: 'admin',
  id: '000000000000000000000000',
  username: 'demo-seed',
  role: 'admin',
  regionCode: '33',
  displayName: '演示数据初始化',
};

/** What the demo seed needs; `regions` and `jobs` default to the shared directory and an unstarted queue. */
export interface DemoSeedContext {
  config: Readonly<Config>;
  logger: Logger;
  regions?: RegionDirectory;
  jobs?: JobQueue;
  now?: Date;
}

export type DemoSeedStatus = 'disabled' | 'done-before' | 'existing-content' | 'no-regions' | 'seeded';

/** What one run did (counts of what this run created). */
export interface DemoSeedResult {
  status: DemoSeedStatus;
  officials: number;
  disclosures: number;
  /** Versions published (a disclosure with a corrected second version counts twice). */
  versions: number;
  questions: number;
  ms: number;
}

type Tally = Omit<DemoSeedResult, 'status' | 'ms'>;

function callerOf(u: { id: string; username: string; role: AdminCaller['role']; regionCode: string; displayName: string }): AdminCaller {
  return { kind: 'admin', id: u.id, username: u.username, role: u.role, regionCode: u.regionCode, displayName: u.displayName };
}

/** A demo official, created with a random strong password (never shown: an admin can reset it). */
async function demoOfficial(which: keyof typeof DEMO_OFFICIALS, tally: Tally): Promise<AdminCaller> {
  const o = DEMO_OFFICIALS[which];
  const known = await AdminUserModel.findOne({ usernameKey: o.username.toLowerCase() }).lean();
  if (known) {
    if (known.role !== o.role || known.regionCode !== DEMO_REGIONS.county) throw new Error(`demo seed: user name ${o.username} is taken by another official`);
    return callerOf({ ...known, id: String(known._id), role: known.role as AdminCaller['role'] });
  }
  const password = `Demo-${crypto.randomBytes(18).toString('base64url')}-8k`;
  const body = CreateUserBodySchema.parse({ username: o.username, password, role: o.role, regionCode: DEMO_REGIONS.county, displayName: o.displayName });
  const created = await createUser(SEED_CALLER, body);
  tally.officials += 1;
  return callerOf(created);
}

/**
 * Takes one demo disclosure to its published version (2 when it has a revision) from wherever an earlier,
 * interrupted run left it. Returns its id.
 */
async function publishDemo(deps: DisclosureDeps, editor: AdminCaller, reviewer: AdminCaller, spec: DemoDisclosure, knownId: string | undefined, tally: Tally): Promise<string> {
  let rec = knownId ? await findRecord(knownId) : undefined;
  if (!rec) {
    rec = await createDisclosure(deps, editor, DisclosureCreateBodySchema.parse({ ...spec.body, regionCode: DEMO_REGIONS[spec.level] }));
    tally.disclosures += 1;
    await DemoMetaModel.updateOne({ _id: DEMO_META_ID }, { $set: { [`ids.${spec.key}`]: String(rec._id) } });
  }
  const id = String(rec._id);
  const target = spec.revision ? 2 : 1;
  for (let step = 0; step < 6; step += 1) {
    const state = rec.working?.state;
    if (state === 'draft') {
      rec = await submitDisclosure(editor, id);
    } else if (state === 'pending') {
      const comment = rec.pub ? '同意更正后发布' : '同意发布';
      rec = await approveDisclosure(deps, reviewer, id, ApproveBodySchema.parse({ comment }));
      tally.versions += 1;
    } else if (!state && rec.status === 'published' && (rec.pub?.version ?? 0) < target && spec.revision) {
      rec = await updateDisclosure(deps, editor, id, DisclosureUpdateBodySchema.parse(spec.revision));
    } else {
      break;
    }
  }
  return id;
}

/** The resident's public question about a demo disclosure, accepted and answered publicly by the editor. */
async function answeredQuestion(deps: FeedbackDeps, editor: AdminCaller, disclosureId: string, tally: Tally): Promise<string> {
  const { resident } = await signInResident({ openid: DEMO_RESIDENT_OPENID }, deps.config.residentTokenTtlMs);
  const body = FeedbackSubmitBodySchema.parse({ type: 'question', regionCode: DEMO_REGIONS.village, disclosureId, content: DEMO_QUESTION, public: true });
  const { created, item } = await submitFeedback(deps, { id: resident.id }, body, { idempotencyKey: QUESTION_KEY });
  if (created) tally.questions += 1;
  let status = item.status;
  if (status === 'received') status = (await acceptFeedback(deps, editor, item.id)).status;
  if (status === 'accepted') await answerFeedback(deps, editor, item.id, FeedbackAnswerBodySchema.parse({ text: DEMO_ANSWER, public: true }));
  return item.id;
}

/**
 * Seeds the demo content when `config.demoData` is on, the database has no disclosures (or an earlier demo run
 * was interrupted) and the demo regions exist. Idempotent: a finished run is remembered in `demo_meta`.
 */
export async function seedDemoData(ctx: DemoSeedContext): Promise<DemoSeedResult> {
  const started = Date.now();
  const tally: Tally = { officials: 0, disclosures: 0, versions: 0, questions: 0 };
  const result = (status: DemoSeedStatus): DemoSeedResult => ({ status, ...tally, ms: Date.now() - started });
  if (!ctx.config.demoData) return result('disabled');
  const meta = await DemoMetaModel.findById(DEMO_META_ID).lean();
  if (meta?.state === 'done') return result('done-before');
  // Officials' own content wins: never mix demo content into a database in use (one `findOne`, no scan).
  if (!meta && (await disclosures().findOne({}, { projection: { _id: 1 } }))) return result('existing-content');
  const regions = ctx.regions ?? (await regionDirectory());
  if (!Object.values(DEMO_REGIONS).every((code) => regions.has(code))) return result('no-regions');

  const now = ctx.now ?? new Date();
  if (!meta) await DemoMetaModel.create({ _id: DEMO_META_ID, state: 'running', format: FORMAT, startedAt: now, ids: {} });
  const jobs = ctx.jobs ?? new JobQueue(ctx.logger); // not started: jobs are stored and run by the server's queue
  const editor = await demoOfficial('editor', tally);
  const reviewer = await demoOfficial('reviewer', tally);
  const ids: Record<string, string> = { ...((meta?.ids as Record<string, string> | undefined) ?? {}) };
  for (const spec of demoDisclosures(shanghaiDate(now))) {
    ids[spec.key] = await publishDemo({ jobs, regions }, editor, reviewer, spec, ids[spec.key], tally);
  }
  const feedbackId = await answeredQuestion({ config: ctx.config, logger: ctx.logger, jobs, regions }, editor, ids[DEMO_QUESTION_ABOUT], tally);
  await DemoMetaModel.updateOne({ _id: DEMO_META_ID }, { $set: { state: 'done', doneAt: new Date(), feedbackId } });
  return result('seeded');
}

/** The place the demo content is about, as residents say it: 温州市瓯海区娄桥街道古岸头村. */
async function demoPlace(): Promise<string> {
  const r = (await regionDirectory()).get(DEMO_REGIONS.village);
  return r ? r.path.slice(1).map((p) => p.displayName).join('') : DEMO_REGIONS.village;
}

/** Start-up seed, last: demo officials, disclosures and a Q&A for one village (GONGKAI_DEMO_DATA). */
export const demoSeed: Seed = {
  name: 'demo',
  async run({ config, logger }) {
    try {
      const r = await seedDemoData({ config, logger });
      if (r.status === 'seeded') {
        const usernames = Object.values(DEMO_OFFICIALS).map((o) => o.username);
        logger.info({ ...r, place: await demoPlace(), regionCode: DEMO_REGIONS.village, usernames }, 'demo data seeded');
      } else if (r.status === 'existing-content') {
        logger.info('demo data not added: the database already has disclosures');
      } else if (r.status === 'no-regions') {
        logger.warn({ regions: DEMO_REGIONS }, 'demo data not added: its regions are missing');
      }
    } catch (err) {
      // Demo content is never worth a failed start: the marker stays `running` and the next start resumes.
      logger.error({ err }, 'demo data seed failed; it resumes at the next start');
    }
  },
};
