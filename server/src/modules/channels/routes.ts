import Router from '@koa/router';
import type { Context } from 'koa';
import { DisclosureIdParamsSchema, FeedParamsSchema, FeedQuerySchema, type DomainKey } from '@gongkai/shared';
import type { ResolvedDeps } from '../../app';
import { notFound } from '../../http/errors';
import { doc } from '../../http/openapi';
import { rateLimit } from '../../http/rate-limit';
import { input, validate } from '../../http/validate';
import { onPublicChange } from '../disclosures/service';
import { regionDirectory } from '../regions/service';
import { atomFeed, feedEntries, jsonFeed } from './feeds';
import { resolveCjkFont } from './font';
import { renderNotice } from './notice';
import { disclosureLinks, publicBase } from './qr';
import { getPublishedDisclosure } from '../disclosures/service';

const byId = { params: DisclosureIdParamsSchema };
const feedReq = { params: FeedParamsSchema, query: FeedQuerySchema };

/** A small time-bounded cache (generated PDFs and feeds); cleared whenever public content changes here. */
class TtlCache<T> {
  private readonly map = new Map<string, { at: number; value: T }>();
  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
  ) {}
  get(k: string): T | undefined {
    const hit = this.map.get(k);
    return hit && Date.now() - hit.at < this.ttlMs ? hit.value : undefined;
  }
  set(k: string, value: T): void {
    this.map.delete(k);
    this.map.set(k, { at: Date.now(), value });
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
  clear(): void {
    this.map.clear();
  }
}

const pdfs = new TtlCache<Buffer>(10 * 60_000, 100);
const feeds = new TtlCache<string>(60_000, 500);
onPublicChange(() => {
  pdfs.clear();
  feeds.clear();
});

const byIp = (name: string, limit: number) => rateLimit({ name, limit, windowMs: 60_000, key: (ctx: Context) => ctx.ip });

/**
 * Channels of a published disclosure beyond the mini-program: the printable bulletin-board notice with its
 * QR code, and Atom / JSON feeds per region (public, no login). Every channel renders the public detail, so
 * each shows the same version with the same hash.
 */
export function channelRoutes(deps: ResolvedDeps): Router {
  const router = new Router({ prefix: '/api/v1' });
  const font = resolveCjkFont();
  if (font.problem) deps.logger.warn(`PDF channels unavailable until a CJK font is installed: ${font.problem}`);
  // The request's own origin (Koa 3's `ctx.origin` is the Origin header, absent on most requests).
  const base = (ctx: Context) => publicBase(deps.config, `${ctx.protocol}://${ctx.host}`);
  const regions = async () => deps.regions ?? (await regionDirectory());

  router.get(
    '/disclosures/:id/notice.pdf',
    doc({
      summary: '公示栏打印版（A4 PDF，含二维码与版本哈希）',
      description: '与小程序、网页显示同一版本（脱敏内容，公示期结束后含个人信息的表格不再显示）。二维码内容为网页地址，另见响应头 X-QR-Payload。',
      tags: ['channels'],
      produces: 'application/pdf',
    }),
    byIp('notice-pdf', 60),
    validate(byId),
    async (ctx) => {
      const { id } = input(ctx, byId).params;
      const detail = await getPublishedDisclosure(id);
      if (!detail) throw notFound('公开信息不存在或已撤回');
      const links = disclosureLinks(base(ctx), id);
      const hidden = detail.tables.map((t) => ('hidden' in t ? 1 : 0)).join('');
      const key = `${id}|${detail.version}|${detail.hash}|${hidden}|${links.h5}`;
      let pdf = pdfs.get(key);
      if (!pdf) pdfs.set(key, (pdf = await renderNotice(detail, links)));
      ctx.set('Content-Type', 'application/pdf');
      ctx.set('Content-Disposition', `inline; filename="notice-${id}-v${detail.version}.pdf"; filename*=UTF-8''${encodeURIComponent(`${detail.title}.pdf`)}`);
      ctx.set('X-QR-Payload', links.h5);
      ctx.set('X-Disclosure-Version', String(detail.version));
      ctx.set('X-Disclosure-Hash', detail.hash);
      ctx.set('Cache-Control', 'public, max-age=60');
      ctx.body = pdf;
    },
  );

  const feed = (format: 'atom' | 'json') => async (ctx: Context) => {
    const { params, query } = input(ctx, feedReq);
    const region = (await regions()).get(params.regionCode);
    if (!region) throw notFound(`行政区划不存在：${params.regionCode}`);
    const b = base(ctx);
    const self = `${b}/api/v1/feeds/${region.code}.${format}${query.domain ? `?domain=${query.domain}` : ''}`;
    const key = `${format}|${self}|${query.limit}`;
    let body = feeds.get(key);
    if (!body) {
      const entries = await feedEntries({ regions: deps.regions }, region.code, query.domain as DomainKey | undefined, query.limit, b);
      const meta = { regionCode: region.code, regionPath: region.path.map((p) => p.name).join(''), domain: query.domain, base: b, self };
      body = format === 'atom' ? atomFeed(meta, entries) : JSON.stringify(jsonFeed(meta, entries));
      feeds.set(key, body);
    }
    ctx.set('Content-Type', format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/feed+json; charset=utf-8');
    ctx.set('Cache-Control', 'public, max-age=60');
    ctx.body = body;
  };

  router.get(
    '/feeds/:regionCode.atom',
    doc({ summary: '地区政务公开 Atom 订阅源（含上级地区发布的信息）', description: 'domain 可选；limit 默认50，最多100。', tags: ['channels'], produces: 'application/atom+xml' }),
    byIp('feeds', 120),
    validate(feedReq),
    feed('atom'),
  );
  router.get(
    '/feeds/:regionCode.json',
    doc({ summary: '地区政务公开 JSON 开放数据（JSON Feed 1.1，含版本哈希与脱敏表格）', tags: ['channels'], produces: 'application/feed+json' }),
    byIp('feeds', 120),
    validate(feedReq),
    feed('json'),
  );
  return router;
}
