import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { createOfficial, loginAs } from '../../../../test/support/fixtures';
import { DEFAULT_CATALOGUE } from '../catalogue/data';
import { seedCatalogue } from '../catalogue/seed';
import { batchStats, events } from '../notices/model';
import { FollowModel } from '../subscriptions/model';
import { disclosureTestRegions } from '../disclosures/testing';
import { resetAssessmentMemory } from './store';
import { insertDisclosures, insertFeedback, insertResidents } from './testing';

/*
 * The metric definitions of docs/assessment.md on a dataset built by hand, 2025Q3 (07-01 … 09-30, China
 * time), in 景山街道 (330304001, 6 villages) of 瓯海区: every expected figure below is worked out in the
 * comments from the rows, not from the code.
 */

const C = '330304';
const T = '330304001';
const V1 = '330304001002';
const V2 = '330304001003';
const OUT_VILLAGE = '330881001001';
const A = '/api/v1/admin/assessment';

/** Proactive items per level, straight from the default catalogue. */
const perLevel = (level: 'county' | 'township' | 'village') =>
  DEFAULT_CATALOGUE.filter((e) => e.mode === 'proactive' && (e.levels as readonly string[]).includes(level)).length;

describe('assessment metrics on a constructed dataset (2025Q3)', () => {
  useTestDatabase();
  const { http } = testApp({ regions: disclosureTestRegions() });
  let auth: string;
  let d1: string;

  beforeAll(async () => {
    await seedCatalogue();
    const ids = await insertDisclosures([
      // V1: D1 on time, D2 two days late, D7 on time then withdrawn in August, D9 without a due date.
      { region: V1, item: 'AH-04', due: '2025-07-15', published: '2025-07-10T10:00:00+08:00' },
      { region: V1, item: 'PR-02', due: '2025-07-31', published: '2025-08-02T09:00:00+08:00' },
      { region: V1, item: 'PR-05', due: '2025-07-20', published: '2025-07-05T09:00:00+08:00', withdrawn: '2025-08-20T09:00:00+08:00' },
      { region: V1, item: 'PR-09', published: '2025-08-01T09:00:00+08:00' },
      // V2: D3 five days late; D5 a draft due 09-15 (overdue at the quarter's end); D8 due 09-20, published in Q4.
      { region: V2, item: 'AH-04', due: '2025-08-01', published: '2025-08-06T15:00:00+08:00' },
      { region: V2, item: 'PR-02', due: '2025-09-15' },
      { region: V2, item: 'PR-03', due: '2025-09-20', published: '2025-10-05T09:00:00+08:00' },
      // T: D4 nine days late; D6 published in Q2 (covers, not in Q3's timeliness).
      { region: T, item: 'PR-03', due: '2025-09-01', published: '2025-09-10T09:00:00+08:00' },
      { region: T, item: 'PR-05', due: '2025-06-25', published: '2025-06-20T09:00:00+08:00' },
      // C: D11 on time (county item).
      { region: C, item: 'AH-01', due: '2025-07-25', published: '2025-07-20T09:00:00+08:00' },
      // Another county: must not leak into 瓯海区.
      { region: OUT_VILLAGE, item: 'AH-04', due: '2025-07-01', published: '2025-07-30T09:00:00+08:00' },
    ]);
    d1 = ids[0];
    await insertFeedback([
      // F1 V1: Tue 07-01 → Thu 07-03 = 2 working days, on time; rated 满意 07-04; about D1 (affordable-housing).
      { assigned: V1, received: '2025-07-01T09:00:00+08:00', due: '2025-07-15', answered: '2025-07-03T16:00:00+08:00', rating: { score: 3, at: '2025-07-04T08:00:00+08:00' }, disclosureId: d1 },
      // F2 V1: Fri 09-26 → 10-10 across National Day: 09-28 (调休), 09-29, 09-30, 10-09, 10-10 = 5, on time.
      { assigned: V1, received: '2025-09-26T09:00:00+08:00', due: '2025-10-17', answered: '2025-10-10T10:00:00+08:00' },
      // F3 T: Fri 08-01 → Wed 08-20 = 13 working days, after the 08-15 deadline; rated 不满意.
      { assigned: T, received: '2025-08-01T09:00:00+08:00', due: '2025-08-15', answered: '2025-08-20T10:00:00+08:00', rating: { score: 1, at: '2025-08-21T08:00:00+08:00' } },
      // F4 T: open, due 09-15: overdue.
      { assigned: T, received: '2025-09-01T09:00:00+08:00', due: '2025-09-15' },
      // F5 V2: open, deadline far ahead: pending (not in the rate).
      { assigned: V2, received: '2025-09-20T09:00:00+08:00', due: '2099-12-31' },
      // F6 V2: Mon 07-07 rejected Mon 07-14 = 5 working days, on time.
      { assigned: V2, received: '2025-07-07T09:00:00+08:00', due: '2025-07-21', rejected: '2025-07-14T09:00:00+08:00' },
      // F7 V2: received in Q2 (not counted) but rated 基本满意 in Q3 (counted in satisfaction).
      { assigned: V2, received: '2025-05-06T09:00:00+08:00', due: '2025-05-20', answered: '2025-05-08T09:00:00+08:00', status: 'closed', rating: { score: 2, at: '2025-07-02T08:00:00+08:00' } },
    ]);
    await insertResidents([[V1], [V1, V2], [OUT_VILLAGE]]);
    // A follow of the township, and the notices of D1's publication: 2 in-app, WeChat 1 sent and 1 failed.
    await FollowModel.collection.insertOne({ _id: 'f1', residentId: 'rx', openid: 'ox', regionCode: T, createdAt: new Date() } as never);
    await events().insertOne({ _id: '000000000001', key: 'k1', kind: 'published', title: 't', page: 'p', disclosureId: d1, regionCode: V1, domain: 'affordable-housing', at: '2025-07-10T10:00:00.000+08:00', createdAt: new Date(), status: 'queued', recipients: 2, pushable: 2, batches: 1 });
    await batchStats().insertOne({ _id: '1:0', states: { rx: 'sent', ry: 'fr:busy' }, updatedAt: new Date() });
    const a = await createOfficial({ role: 'assessor', regionCode: C });
    auth = await loginAs(http, a.username);
    resetAssessmentMemory();
  });

  const get = async (query: string) => {
    const res = await http().get(`${A}?quarter=2025Q3&${query}`).set('Authorization', auth);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('computes timeliness: on time, late with the median days late, overdue, no deadline', async () => {
    const body = await get(`region=${T}`);
    // On time: D1, D7. Late: D2 (2 days), D3 (5), D4 (9) → median 5. Overdue: D5, D8. No deadline: D9.
    expect(body.timeliness).toEqual({ value: 0.2857, due: 7, onTime: 2, late: 3, overdue: 2, noDeadline: 1, medianDaysLate: 5 });
    const v1 = body.children.find((c: { region: { code: string } }) => c.region.code === V1);
    expect(v1.timeliness).toEqual({ value: 0.6667, due: 3, onTime: 2, late: 1, overdue: 0, noDeadline: 1, medianDaysLate: 2 });
  });

  it('computes coverage at the quarter end over every unit of the subtree', async () => {
    const body = await get(`region=${T}`);
    // Visible on 09-30: V1 AH-04, PR-02, PR-09 (PR-05 withdrawn); V2 AH-04; T PR-03, PR-05.
    const required = perLevel('township') + 6 * perLevel('village');
    expect(body.coverage).toMatchObject({ required, covered: 6, missing: required - 6, value: Math.round((6 / required) * 1e4) / 1e4 });
    expect(body.coverage.byLevel.township).toEqual({ units: 1, required: perLevel('township'), covered: 2, value: Math.round((2 / perLevel('township')) * 1e4) / 1e4 });
    expect(body.coverage.byLevel.village).toMatchObject({ units: 6, required: 6 * perLevel('village'), covered: 4 });
  });

  it('computes responsiveness with the median working days to answer (holidays and 调休 counted right)', async () => {
    const body = await get(`region=${T}`);
    // Received F1–F6; on time F1, F2, F6; late F3; overdue F4; pending F5. Days 2, 5, 13, 5 → median 5.
    expect(body.responsiveness).toEqual({ value: 0.6, received: 6, answered: 4, onTime: 3, late: 1, overdue: 1, pending: 1, medianWorkingDays: 5 });
    const v1 = body.children.find((c: { region: { code: string } }) => c.region.code === V1);
    expect(v1.responsiveness).toMatchObject({ received: 2, onTime: 2, value: 1, medianWorkingDays: 3.5 });
  });

  it('computes satisfaction as the mean score (满意 1, 基本满意 0.5, 不满意 0) and the satisfied rate', async () => {
    const body = await get(`region=${T}`);
    expect(body.satisfaction).toEqual({ value: 0.5, rated: 3, satisfied: 1, basicallySatisfied: 1, dissatisfied: 1, satisfiedRate: 0.6667 });
  });

  it('computes reach from saved villages, follows and delivered notices', async () => {
    const body = await get(`region=${T}`);
    expect(body.reach).toEqual({ value: 0.3333, villages: 6, villagesReached: 2, followers: 4, notices: { inApp: 2, wechat: 1, wechatFailed: 1 } });
  });

  it('filters by domain (feedback takes the domain of the disclosure it is about)', async () => {
    const body = await get(`region=${T}&domain=affordable-housing`);
    expect(body.domain).toBe('affordable-housing');
    // D1 on time, D3 five days late; F1 only; followers whatever the domain.
    expect(body.timeliness).toMatchObject({ onTime: 1, late: 1, overdue: 0, medianDaysLate: 5 });
    expect(body.responsiveness).toMatchObject({ received: 1, onTime: 1 });
    expect(body.satisfaction).toMatchObject({ rated: 1, satisfied: 1, value: 1 });
    expect(body.coverage.covered).toBe(2);
    expect(body.reach.followers).toBe(4);
    expect(body.reach.notices.inApp).toBe(2);
  });

  it('rolls up from villages to the township and the county, and ranks the children', async () => {
    const county = await get(`region=${C}`);
    // The county adds its own D11 (on time) to everything of 景山街道; 江山市 stays out.
    expect(county.timeliness).toMatchObject({ onTime: 3, late: 3, overdue: 2, medianDaysLate: 5 });
    expect(county.coverage.covered).toBe(7);
    expect(county.coverage.byLevel.county).toMatchObject({ units: 1, covered: 1 });
    expect(county.coverage.byLevel.township.units).toBe(13);
    expect(county.childLevel).toBe('township');
    expect(county.children).toHaveLength(13);
    const t = county.children.find((c: { region: { code: string } }) => c.region.code === T);
    const township = await get(`region=${T}`);
    const { rank: _rank, ...sameAsDirect } = t;
    const { period: _p, computedAt: _c, children: _k, childLevel: _l, ...direct } = township;
    expect(sameAsDirect).toEqual(direct);
    expect(t.rank).toBe(1);
    // The villages of the township sum up to the township minus its own rows (D4, D6, F3, F4).
    const v = township.children;
    const sum = (k: string, f: string) => v.reduce((n: number, c: Record<string, Record<string, number>>) => n + c[k][f], 0);
    expect(sum('timeliness', 'late')).toBe(township.timeliness.late - 1);
    expect(sum('responsiveness', 'received')).toBe(township.responsiveness.received - 2);
    expect(sum('coverage', 'covered')).toBe(township.coverage.covered - 2);
  });

  it('lists a deeper level on request (every village of the county)', async () => {
    const body = await get(`region=${C}&childLevel=village`);
    expect(body.childLevel).toBe('village');
    expect(body.children.length).toBeGreaterThan(100);
    expect(body.children.find((c: { region: { code: string } }) => c.region.code === V2).timeliness).toMatchObject({ late: 1, overdue: 2, value: 0 });
  });

  it('drills down to one village: missing, late and overdue items', async () => {
    const res = await http().get(`${A}/missing?region=${V2}&quarter=2025Q3`).set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body.coverage).toEqual({ required: perLevel('village'), covered: 1, value: Math.round((1 / perLevel('village')) * 1e4) / 1e4 });
    expect(res.body.missing).toHaveLength(perLevel('village') - 1);
    expect(res.body.missing.map((m: { code: string }) => m.code)).toContain('PR-02');
    expect(res.body.late).toEqual([expect.objectContaining({ itemName: expect.any(String), daysLate: 5, dueAt: '2025-08-01T23:59:59.999+08:00', title: `AH-04 ${V2}` })]);
    // Overdue days to the quarter's end: D5 due 09-15 → 15, D8 due 09-20 → 10.
    expect(res.body.overdue.map((o: { daysOverdue: number; status: string }) => [o.daysOverdue, o.status])).toEqual([
      [15, 'draft'],
      [10, 'published'],
    ]);
  });

  it('serves the trend quarter by quarter, oldest first', async () => {
    const res = await http().get(`${A}/trend?region=${T}&quarters=3&until=2025Q4`).set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { period: { key: string } }) => i.period.key)).toEqual(['2025Q2', '2025Q3', '2025Q4']);
    const [q2, q3, q4] = res.body.items;
    expect(q3.timeliness).toEqual((await get(`region=${T}`)).timeliness);
    // Q2: D6 on time; Q4: D8 published 15 days late.
    expect(q2.timeliness).toMatchObject({ onTime: 1, late: 0 });
    expect(q4.timeliness).toMatchObject({ onTime: 0, late: 1, medianDaysLate: 15 });
    // Coverage at each quarter's end: D6 only in Q2; in Q4 also D8 (V2 PR-03).
    expect(q2.coverage.covered).toBe(1);
    expect(q4.coverage.covered).toBe(7);
  });
});
