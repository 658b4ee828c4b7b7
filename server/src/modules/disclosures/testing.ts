import type { AdminRole, DisclosureCreateBody } from '@gongkai/shared';
import type request from 'supertest';
import { createOfficial, loginAs } from '../../../../test/support/fixtures';
import { loadRegionRows } from '../regions/data';
import { RegionDirectory, type RegionRecord } from '../regions/directory';

/*
 * Test helpers of the disclosures module (used by its *.test.ts files only): the real region rows of two
 * counties (瓯海区 and, out of everyone's scope, 江山市) without seeding 27k regions, officials at every level,
 * and a valid draft body.
 */

/** Real regions: 瓯海区 330304 and 江山市 330881 with all their townships and villages, plus ancestors. */
export function disclosureTestRegions(): RegionDirectory {
  const counties = ['330304', '330881'];
  const rows = loadRegionRows().filter((r) => counties.some((c) => r.code.startsWith(c) || c.startsWith(r.code)));
  const kids = new Map<string, number>();
  for (const r of rows) if (r.parentCode) kids.set(r.parentCode, (kids.get(r.parentCode) ?? 0) + 1);
  const records: RegionRecord[] = rows.map((r) => ({ ...r, childCount: kids.get(r.code) ?? 0 }));
  return RegionDirectory.fromRecords(records);
}

/** Codes used across the tests. */
export const R = {
  county: '330304', // 瓯海区
  township: '330304001', // 景山街道
  village: '330304001002', // 繁荣社区
  neighbour: '330304001003', // 景山社区 (same township)
  otherTownship: '330304002', // 梧田街道
  otherCounty: '330881', // 江山市
  otherVillage: '330881001001',
} as const;

type Http = () => ReturnType<typeof request>;

/** Officials by key; each has a bearer `auth` header value and an `id`. */
export type Officials = Record<string, { auth: string; id: string; username: string }>;

const ROSTER: Array<[string, AdminRole, string]> = [
  ['countyAdmin', 'admin', R.county],
  ['countyEditor', 'editor', R.county],
  ['countyReviewer', 'reviewer', R.county],
  ['assessor', 'assessor', R.county],
  ['townEditor', 'editor', R.township],
  ['townReviewer', 'reviewer', R.township],
  ['townReviewer2', 'reviewer', R.township],
  ['villageEditor', 'editor', R.village],
  ['villageReviewer', 'reviewer', R.village],
  ['outAdmin', 'admin', R.otherCounty],
  ['outEditor', 'editor', R.otherCounty],
  ['outReviewer', 'reviewer', R.otherCounty],
];

/** Creates and signs in the roster of officials. */
export async function officials(http: Http): Promise<Officials> {
  const out: Officials = {};
  for (const [key, role, regionCode] of ROSTER) {
    const { username, user } = await createOfficial({ role, regionCode, username: `${key}${Math.random().toString(36).slice(2, 6)}` });
    out[key] = { auth: await loginAs(http, username), id: String(user._id), username };
  }
  return out;
}

/** A valid draft: 公共租赁住房承租资格审核结果公示 (AH-04, county/township/village, 20 working days). */
export function draftBody(overrides: Partial<DisclosureCreateBody> = {}): DisclosureCreateBody {
  return {
    catalogueItemId: 'AH-04',
    regionCode: R.township,
    title: '2025年第三批公共租赁住房承租资格审核结果公示',
    body: '经审核，以下申请家庭符合公共租赁住房承租资格，现予公示。如有异议，请于公示期内向街道反映。',
    ...overrides,
  };
}

/** Creates a draft as `editor`, submits it, and approves it as `reviewer`; returns the id. */
export async function publishVia(http: Http, editor: string, reviewer: string, body: DisclosureCreateBody): Promise<string> {
  const created = await http().post('/api/v1/admin/disclosures').set('Authorization', editor).send(body);
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  const submitted = await http().post(`/api/v1/admin/disclosures/${id}/submit`).set('Authorization', editor);
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const approved = await http().post(`/api/v1/admin/disclosures/${id}/approve`).set('Authorization', reviewer).send({});
  if (approved.status !== 200) throw new Error(`approve failed: ${approved.status} ${JSON.stringify(approved.body)}`);
  return id;
}
