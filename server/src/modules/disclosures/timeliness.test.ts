import { useTestDatabase } from '../../../../test/support/db';
import { testApp } from '../../../../test/support/app';
import { toShanghaiIso } from '../../workdays';
import { seedCatalogue } from '../catalogue/seed';
import { getCatalogueItem } from '../catalogue/service';
import { listDisclosureTimeliness } from './service';
import { disclosureTestRegions, draftBody, officials, R, type Officials } from './testing';
import { dueAtOf } from './timeliness';

const A = '/api/v1/admin/disclosures';
const due = async (code: string, eventDate?: string) => {
  const item = (await getCatalogueItem(code))!;
  const d = dueAtOf(item.timeLimit, eventDate);
  return d && toShanghaiIso(d);
};

describe('timeliness (real database, China working-day calendar)', () => {
  useTestDatabase();
  const { http } = testApp({ regions: disclosureTestRegions() });
  let o: Officials;

  beforeAll(async () => {
    await seedCatalogue();
    o = await officials(http);
  });

  describe('due dates from the catalogue time limits', () => {
    it('counts working days across National Day 2025 and its 调休 Sunday 09-28', async () => {
      // LA-03: 土地现状调查结束后5个工作日内 — 09-28 (调休), 09-29, 09-30, 10-09, 10-10.
      expect(await due('LA-03', '2025-09-26')).toBe('2025-10-10T23:59:59.999+08:00');
    });

    it('counts the 调休 Saturday 10-11 in the statutory 20 working days', async () => {
      // AH-04: 信息形成或者变更之日起20个工作日内 — from 09-30: 10-09, 10-10, 10-11 (Sat), … 11-04
      // (were 10-11 a day off, 11-05).
      expect(await due('AH-04', '2025-09-30')).toBe('2025-11-04T23:59:59.999+08:00');
      // From Friday 10-10 the Saturday 10-11 is the first working day: 20th is Thursday 11-06 (else 11-07).
      expect(await due('AH-04', '2025-10-10')).toBe('2025-11-06T23:59:59.999+08:00');
    });

    it('counts back for "before the event" limits and uses calendar days where the limit says 日', async () => {
      // LA-05: 组织听证7个工作日前 — hearing 10-15 → 09-29 (the holiday skipped, 10-11 counted).
      expect(await due('LA-05', '2025-10-15')).toBe('2025-09-29T23:59:59.999+08:00');
      // MS-04: 计划停水提前1日 → the day before, holiday or not.
      expect(await due('MS-04', '2025-10-02')).toBe('2025-10-01T23:59:59.999+08:00');
      // PR-08: realtime → the event day itself.
      expect(await due('PR-08', '2025-10-03')).toBe('2025-10-03T23:59:59.999+08:00');
    });

    it('has no due date without an event date or for posting-only limits', async () => {
      expect(await due('AH-04')).toBeUndefined();
      expect(await due('LA-02', '2025-10-09')).toBeUndefined();
    });
  });

  describe('late and overdue flags', () => {
    const create = (body: object) => http().post(A).set('Authorization', o.townEditor.auth).send(body);
    const step = (id: string, what: string, auth: string) => http().post(`${A}/${id}/${what}`).set('Authorization', auth).send({});
    const list = async (query: string) => (await http().get(`${A}?pageSize=100&${query}`).set('Authorization', o.countyAdmin.auth)).body.items.map((i: { id: string }) => i.id);
    let lateId: string;
    let timelyId: string;

    it('marks a draft past its due date overdue, and a fresh one not', async () => {
      const old = await create(draftBody({ catalogueItemId: 'LA-03', eventDate: '2025-09-26', title: '现状调查结果' }));
      expect(old.status).toBe(201);
      expect(old.body).toMatchObject({ dueAt: '2025-10-10T23:59:59.999+08:00', overdue: true, late: false });
      lateId = old.body.id;
      const today = toShanghaiIso(new Date()).slice(0, 10);
      const fresh = await create(draftBody({ eventDate: today, title: '今日形成的信息' }));
      expect(fresh.body).toMatchObject({ overdue: false, late: false });
      expect(Date.parse(fresh.body.dueAt)).toBeGreaterThan(Date.now());
      timelyId = fresh.body.id;
      expect(await list('overdue=true')).toEqual([lateId]);
      expect(await list('overdue=false')).toContain(timelyId);
    });

    it('marks a publication after the due date late, and an on-time one not', async () => {
      for (const id of [lateId, timelyId]) {
        await step(id, 'submit', o.townEditor.auth).expect(200);
        await step(id, 'approve', o.townReviewer.auth).expect(200);
      }
      expect(await list('late=true')).toEqual([lateId]);
      expect(await list('late=false&status=published')).toEqual([timelyId]);
      expect(await list('overdue=true')).toEqual([]);
      const rows = await listDisclosureTimeliness({ within: R.township });
      expect(rows.find((r) => r.id === lateId)).toMatchObject({ late: true, overdue: false, status: 'published', dueAt: new Date('2025-10-10T15:59:59.999Z') });
      expect(rows.find((r) => r.id === timelyId)).toMatchObject({ late: false, overdue: false });
    });

    it('gives a next version a due date only when its event date changes', async () => {
      const fix = await http().patch(`${A}/${timelyId}`).set('Authorization', o.townEditor.auth).send({ title: '更正错别字' });
      expect(fix.body.overdue).toBe(false);
      expect(fix.body.working.dueAt).toBeUndefined();
      const change = await http().patch(`${A}/${timelyId}`).set('Authorization', o.townEditor.auth).send({ eventDate: '2025-09-30' });
      expect(change.body).toMatchObject({ overdue: true, late: false, working: { dueAt: '2025-11-04T23:59:59.999+08:00' } });
      expect(await list('overdue=true')).toEqual([timelyId]);
    });
  });
});
