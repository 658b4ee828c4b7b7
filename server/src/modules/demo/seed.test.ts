import { useTestDatabase } from '../../../../test/support/db';
import { testApp, testConfig } from '../../../../test/support/app';
import { ConfigError, loadConfig } from '../../config';
import { DISCLOSURE_EVENT_QUEUE } from '../../events';
import { JobModel } from '../../jobs/model';
import { createLogger } from '../../logger';
import { AdminUserModel } from '../accounts/user.model';
import { AuditEntryModel } from '../audit/model';
import { seedCatalogue } from '../catalogue/seed';
import { disclosureTestRegions } from '../disclosures/testing';
import { disclosures, versions } from '../disclosures/model';
import { feedback } from '../feedback/model';
import { DEMO_ANSWER, DEMO_OFFICIALS, DEMO_QUESTION, DEMO_REGIONS } from './content';
import { DEMO_META_ID, DemoMetaModel } from './model';
import { seedDemoData } from './seed';

const P = '/api/v1/disclosures';

describe('demo data seed (real database)', () => {
  useTestDatabase();
  const regions = disclosureTestRegions();
  const logger = createLogger('silent', false);
  const { http } = testApp({ regions });
  const on = testConfig({ GONGKAI_DEMO_DATA: '1' });
  const run = (config = on) => seedDemoData({ config, logger, regions });
  const counts = async () => ({
    disclosures: await disclosures().countDocuments({}),
    versions: await versions().countDocuments({}),
    officials: await AdminUserModel.countDocuments({}),
    feedback: await feedback().countDocuments({}),
    audit: await AuditEntryModel.countDocuments({}),
    jobs: await JobModel.countDocuments({}),
  });
  let landId = '';

  beforeAll(async () => {
    await seedCatalogue();
  });

  it('GONGKAI_DEMO_DATA: on by default without WECHAT_APPID, off with one or in production; a bad value names it', () => {
    expect(loadConfig({}).demoData).toBe(true);
    expect(loadConfig({ WECHAT_APPID: 'wx123' }).demoData).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).demoData).toBe(false);
    expect(loadConfig({ WECHAT_APPID: 'wx123', GONGKAI_DEMO_DATA: '1' }).demoData).toBe(true);
    expect(loadConfig({ GONGKAI_DEMO_DATA: '0' }).demoData).toBe(false);
    expect(() => loadConfig({ GONGKAI_DEMO_DATA: 'yes' })).toThrow(ConfigError);
    expect(() => loadConfig({ GONGKAI_DEMO_DATA: 'yes' })).toThrow(/GONGKAI_DEMO_DATA/);
  });

  it('creates nothing when GONGKAI_DEMO_DATA is off', async () => {
    const r = await run(testConfig({ GONGKAI_DEMO_DATA: '0' }));
    expect(r).toMatchObject({ status: 'disabled', officials: 0, disclosures: 0, versions: 0, questions: 0 });
    expect(await counts()).toMatchObject({ disclosures: 0, officials: 0, feedback: 0 });
    expect(await DemoMetaModel.countDocuments({})).toBe(0);
  });

  it('publishes 12 disclosures through the workflow: editor drafts and submits, reviewer approves', async () => {
    const r = await run();
    expect(r).toMatchObject({ status: 'seeded', officials: 2, disclosures: 12, versions: 13, questions: 1 });
    const stored = await disclosures().find({}).toArray();
    expect(stored).toHaveLength(12);
    const editor = await AdminUserModel.findOne({ username: DEMO_OFFICIALS.editor.username }).lean();
    const reviewer = await AdminUserModel.findOne({ username: DEMO_OFFICIALS.reviewer.username }).lean();
    expect(editor).toMatchObject({ role: 'editor', regionCode: DEMO_REGIONS.county });
    expect(reviewer).toMatchObject({ role: 'reviewer', regionCode: DEMO_REGIONS.county });
    for (const d of stored) {
      expect(d).toMatchObject({ status: 'published', late: false, createdBy: { username: editor!.username } });
      expect(d.working).toBeUndefined();
    }
    const published = await AuditEntryModel.find({ action: 'disclosure.publish' }).lean();
    expect(published).toHaveLength(13);
    expect(new Set(published.map((a) => a.actor?.username))).toEqual(new Set([reviewer!.username]));
    // The notices module's events were queued like any publication (13: 12 first versions + 1 update).
    expect(await JobModel.countDocuments({ queue: DISCLOSURE_EVENT_QUEUE })).toBe(13);
    landId = ((await DemoMetaModel.findById(DEMO_META_ID).lean())?.ids as Record<string, string>)['land-compensation'];
    expect(landId).toMatch(/^[0-9a-f]{24}$/);
  });

  it('lists village, township and county disclosures for the village, across at least 6 domains', async () => {
    const res = await http().get(`${P}?region=${DEMO_REGIONS.village}&pageSize=50`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(12);
    const items = res.body.items as Array<{ level: string; domain: string; regionCode: string }>;
    expect(new Set(items.map((i) => i.level))).toEqual(new Set(['village', 'township', 'county']));
    expect(new Set(items.map((i) => i.regionCode))).toEqual(new Set(Object.values(DEMO_REGIONS)));
    expect(new Set(items.map((i) => i.domain)).size).toBeGreaterThanOrEqual(6);
    // A neighbouring village of the same township sees the township's and county's, not the village's.
    const neighbour = await http().get(`${P}?region=330304005207&pageSize=50`);
    expect(neighbour.body.items.every((i: { level: string }) => i.level !== 'village')).toBe(true);
  });

  it('masks the compensation table’s ID, phone and name columns; two versions; the chain verifies', async () => {
    const res = await http().get(`${P}/${landId}`);
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    const table = res.body.tables[0];
    expect(table).toMatchObject({ title: '分户补偿明细', personal: true });
    for (const row of table.rows) {
      expect(row.idNo).toMatch(/^330304\*{8}\d{3}[\dX]$/);
      expect(row.phone).toMatch(/^138\*{4}\d{4}$/);
      expect(row.name).toMatch(/^.\*+$/);
    }
    expect(table.rows[2]).toMatchObject({ area: 1.85 });
    expect(res.text).not.toMatch(/33030419\d{9}[\dX]/);
    expect(res.text).not.toMatch(/1380000\d{4}/);
    const verify = await http().get(`${P}/${landId}/verify`);
    expect(verify.body).toMatchObject({ valid: true, withdrawn: false, problems: [] });
    expect(verify.body.chain).toHaveLength(2);
    expect(verify.body.chain[1].prevHash).toBe(verify.body.chain[0].hash);
    expect(verify.body.chain[1].hash).toBe(res.body.hash);
  });

  it('shows the resident’s question and the editor’s answer publicly under the disclosure', async () => {
    const res = await http().get(`/api/v1/feedback/public?disclosureId=${landId}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({ type: 'question', disclosureId: landId, content: DEMO_QUESTION, answer: { text: DEMO_ANSWER } });
    const village = await http().get(`/api/v1/feedback/public?region=${DEMO_REGIONS.village}`);
    expect(village.body.total).toBe(1);
  });

  it('a second run creates nothing', async () => {
    const before = await counts();
    const r = await run();
    expect(r).toMatchObject({ status: 'done-before', officials: 0, disclosures: 0, versions: 0, questions: 0 });
    expect(await counts()).toEqual(before);
  });

  it('never adds demo content to a database that already has disclosures', async () => {
    await DemoMetaModel.deleteOne({ _id: DEMO_META_ID }); // as if the disclosures were officials' own
    const before = await counts();
    expect(await run()).toMatchObject({ status: 'existing-content', disclosures: 0 });
    expect(await counts()).toEqual(before);
  });
});
