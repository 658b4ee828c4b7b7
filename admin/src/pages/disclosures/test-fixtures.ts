import type { AdminDisclosureSummary, DisclosureCreateBody } from '@gongkai/shared';
import type { RealServer } from '../../../test/real-server';

/*
 * Arranging disclosures for page tests through the real API (the same calls the console makes).
 */

/** 泽雅镇 (瓯海区) and one of its villages; 景山街道 is a sibling township (out of 泽雅镇's scope). */
export const ZEYA = '330304108';
export const YUANKOU = '330304108200';
export const JINGSHAN = '330304001';

/** A household table of `n` rows with ID numbers and mobiles (valid-looking, generated). */
export function households(n: number) {
  const rows = Array.from({ length: n }, (_, i) => ({
    name: `张${'伟芳娜敏静丽强磊军洋'[i % 10]}${i % 3 ? '' : '明'}`,
    id: `3303041985${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}${String(100 + (i % 900)).padStart(3, '0')}X`,
    phone: `138${String(10000000 + i).padStart(8, '0')}`,
    amount: 50000 + i * 10,
  }));
  return {
    title: '源口村征地补偿费用分户明细',
    columns: [
      { key: 'name', label: '户主姓名' },
      { key: 'id', label: '身份证号' },
      { key: 'phone', label: '联系电话' },
      { key: 'amount', label: '补偿金额（元）' },
    ],
    rows,
  };
}

/** A draft of LA-08 (征地补偿费用支付和分配情况) for 源口村, created by `token`'s official. */
export async function draft(server: RealServer, token: string, patch: Partial<DisclosureCreateBody> = {}): Promise<AdminDisclosureSummary> {
  const res = await server.call<AdminDisclosureSummary>(token, 'POST', '/admin/disclosures', {
    catalogueItemId: 'LA-08',
    regionCode: YUANKOU,
    title: '源口村征地补偿费用支付情况公示',
    body: '<p>根据征地补偿安置方案，现将补偿费用支付情况公示如下。</p>',
    eventDate: '2026-11-02',
    ...patch,
  });
  if (res.status !== 201) throw new Error(`draft failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Runs one workflow step and fails loudly when the server refuses it. */
export async function step(server: RealServer, token: string, path: string, body: unknown = {}, method = 'POST'): Promise<AdminDisclosureSummary> {
  const res = await server.call<AdminDisclosureSummary>(token, method, path, body);
  if (res.status !== 200) throw new Error(`${method} ${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
