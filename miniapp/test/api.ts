import type { DisclosureCreateBody } from '@gongkai/shared';

/**
 * Seeding through the real APIs from a jsdom test file that runs the real server (environment.js): officials
 * publish disclosures and answer questions exactly as the admin console does.
 */

/** The real server of this test file (throws when the docblock option is missing). */
export function real(): NonNullable<typeof __REAL_SERVER__> {
  if (!globalThis.__REAL_SERVER__) throw new Error('real server not started (docblock option missing?)');
  return globalThis.__REAL_SERVER__;
}

/** The seeded officials' bearer headers (needs `"officials": true`). */
export function officials(): NonNullable<NonNullable<typeof __REAL_SERVER__>['officials']> {
  const o = real().officials;
  if (!o) throw new Error('officials not seeded (add "officials": true to the docblock)');
  return o;
}

/** Calls the real API with a bearer header; throws with the body on an unexpected status. */
export async function call<T = Record<string, unknown>>(method: string, path: string, auth: string | null, body?: unknown, expect = [200, 201, 204]): Promise<T> {
  const res = await fetch(`${real().url}${path}`, {
    method,
    headers: { ...(auth ? { Authorization: auth } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!expect.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** Creates, submits and approves a disclosure (editor writes, reviewer publishes); returns its id. */
export async function publish(body: DisclosureCreateBody, editor: string, reviewer: string): Promise<string> {
  const { id } = await call<{ id: string }>('POST', '/api/v1/admin/disclosures', editor, body);
  await call('POST', `/api/v1/admin/disclosures/${id}/submit`, editor);
  await call('POST', `/api/v1/admin/disclosures/${id}/approve`, reviewer, {});
  return id;
}

/** 古岸头村 and its township and county (瓯海区, 娄桥街道), as the regions API describes them. */
export const GU_AN_TOU = {
  code: '330304005202',
  name: '古岸头村委会',
  displayName: '古岸头村',
  path: [
    { code: '33', name: '浙江省', displayName: '浙江省', level: 'province' as const },
    { code: '3303', name: '温州市', displayName: '温州市', level: 'city' as const },
    { code: '330304', name: '瓯海区', displayName: '瓯海区', level: 'county' as const },
    { code: '330304005', name: '娄桥街道', displayName: '娄桥街道', level: 'township' as const },
    { code: '330304005202', name: '古岸头村委会', displayName: '古岸头村', level: 'village' as const },
  ],
};

/**
 * A 公租房 qualification list for 娄桥街道 (AH-04) with ID-number and phone columns and a posting period
 * around now, unless overridden.
 */
export function housingList(overrides: Partial<DisclosureCreateBody> = {}): DisclosureCreateBody {
  const day = 24 * 3600_000;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return {
    catalogueItemId: 'AH-04',
    regionCode: '330304005',
    title: '娄桥街道2026年第三批公共租赁住房承租资格审核结果公示',
    body: '经审核，以下申请家庭符合公共租赁住房承租资格，现予公示。如有异议，请于公示期内向街道反映。',
    validFrom: iso(Date.now() - 2 * day),
    validTo: iso(Date.now() + 8 * day),
    tables: [
      {
        title: '审核通过家庭名单',
        columns: [
          { key: 'name', label: '申请人', pii: 'name' },
          { key: 'id', label: '身份证号', pii: 'id-number' },
          { key: 'phone', label: '联系电话', pii: 'phone' },
          { key: 'size', label: '家庭人口' },
        ],
        rows: [
          { name: '张三丰', id: '330304199001011234', phone: '13812345678', size: 3 },
          { name: '李四', id: '33030419850202432X', phone: '13987654321', size: 2 },
        ],
      },
    ],
    ...overrides,
  };
}

/** An official accepts a resident's item and answers it (the two steps the admin console takes). */
export async function acceptAndAnswer(feedbackId: string, official: string, text: string): Promise<void> {
  await call('POST', `/api/v1/admin/feedback/${feedbackId}/accept`, official, {});
  await call('POST', `/api/v1/admin/feedback/${feedbackId}/answer`, official, { text });
}
