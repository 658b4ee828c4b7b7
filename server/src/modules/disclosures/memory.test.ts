import { selfAndAncestors } from '@gongkai/shared';
import mongoose from '../../db/mongoose';
import { DisclosureIndex, entryOf, mergePage } from './memory';
import type { DisclosureRecord } from './model';

/** A random published or draft record among 3 villages, their township and their county. */
function record(i: number, rnd: () => number): DisclosureRecord {
  const regions = ['330304', '330304001', '330304001002', '330304001003', '330304002'];
  const regionCode = regions[Math.floor(rnd() * regions.length)];
  const published = rnd() < 0.8;
  const at = new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 300) * 86_400_000); // many equal times
  return {
    _id: new mongoose.Types.ObjectId(),
    regionCode,
    regionName: regionCode,
    level: regionCode.length === 6 ? 'county' : regionCode.length === 9 ? 'township' : 'village',
    scopeCodes: selfAndAncestors(regionCode),
    domain: rnd() < 0.5 ? 'affordable-housing' : 'poverty-relief',
    catalogueItemId: `item${i % 3}`,
    catalogueVersion: 1,
    stage: 'result',
    status: published ? 'published' : 'draft',
    createdBy: { id: 'u', username: 'u' },
    createdAt: at,
    updatedAt: at,
    pub: published ? { version: 1, title: `标题${i}`, stage: 'result', publishedAt: at, hash: 'h', relatedIds: [] } : undefined,
    late: false,
    linkedFrom: [],
  };
}

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('DisclosureIndex', () => {
  const rnd = rng(42);
  const records = Array.from({ length: 2_000 }, (_, i) => record(i, rnd));
  const naive = (codes: string[], keep: (r: DisclosureRecord) => boolean = () => true) =>
    records
      .filter((r) => r.status === 'published' && codes.includes(r.regionCode) && keep(r))
      .map(entryOf)
      .sort((a, b) => b.publishedAt - a.publishedAt || (a.id < b.id ? 1 : -1))
      .map((e) => e.id);

  it('pages a village’s merged list exactly like filtering and sorting everything', () => {
    const ix = DisclosureIndex.fromRecords(records);
    const codes = selfAndAncestors('330304001002');
    const expected = naive(codes);
    const got: string[] = [];
    for (let page = 1; ; page++) {
      const r = ix.published(codes, undefined, page, 37);
      expect(r.total).toBe(expected.length);
      if (!r.items.length) break;
      got.push(...r.items.map((e) => e.id));
    }
    expect(got).toEqual(expected);
    const filtered = ix.published(codes, (e) => e.domain === 'poverty-relief', 2, 10).items.map((e) => e.id);
    expect(filtered).toEqual(naive(codes, (r) => r.domain === 'poverty-relief').slice(10, 20));
  });

  it('keeps the arrays sorted through puts (publish, new version, withdraw)', () => {
    const ix = DisclosureIndex.fromRecords(records);
    const codes = selfAndAncestors('330304001003');
    for (let i = 0; i < 300; i++) {
      const r = records[Math.floor(rnd() * records.length)];
      const at = new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 400) * 86_400_000);
      const next: DisclosureRecord =
        rnd() < 0.2
          ? { ...r, status: 'withdrawn' }
          : { ...r, status: 'published', pub: { version: (r.pub?.version ?? 0) + 1, title: 't', stage: 'result', publishedAt: at, hash: 'h', relatedIds: [] } };
      records[records.indexOf(r)] = next;
      ix.put(next);
    }
    const all = ix.published(codes, undefined, 1, 10_000).items.map((e) => e.id);
    expect(all).toEqual(naive(codes));
    expect(ix.publishedCount).toBe(records.filter((r) => r.status === 'published').length);
  });

  it('merges sorted arrays with skip and take', () => {
    const e = (id: string, t: number) => ({ id, publishedAt: t }) as never;
    const lists = [[e('a', 9), e('b', 5), e('c', 1)], [e('d', 8), e('e', 2)], []];
    expect(mergePage(lists, 0, 10).map((x: { id: string }) => x.id)).toEqual(['a', 'd', 'b', 'e', 'c']);
    expect(mergePage(lists, 2, 2).map((x: { id: string }) => x.id)).toEqual(['b', 'e']);
  });
});
