import { MINIPROGRAM_PAGES, findDomain } from '@gongkai/shared';
import { disclosureNoticeData, type TemplateData } from '../../wechat/format';
import type { NoticeEvent } from './event-log';
import type { NoticeTemplates } from './runtime';

/** Title prefix of a notice by kind (the title is cut to WeChat's 20 characters after it). */
const PREFIX: Record<string, string> = { published: '', updated: '[更新]', withdrawn: '[撤回]' };

/** The in-app and WeChat title of a disclosure notice. */
export function noticeTitle(e: Pick<NoticeEvent, 'kind' | 'title'>): string {
  return `${PREFIX[e.kind] ?? ''}${e.title}`;
}

/** A WeChat message to build: template, page and data. */
export interface MessageSpec {
  templateId: string;
  page: string;
  data: TemplateData;
}

/**
 * The one message a resident gets for the notices of one digest window (`items`, oldest first, all theirs):
 * one notice → that notice (its page); several → a digest ("3条新通知：<first title>") opening the inbox.
 * Undefined when no template is configured for it.
 */
export function messageFor(items: NoticeEvent[], t: NoticeTemplates): MessageSpec | undefined {
  const lead = items[0];
  if (lead.push) return { templateId: lead.push.templateId, page: lead.page, data: lead.push.data };
  if (!t.disclosure) return undefined;
  if (items.length === 1) {
    return {
      templateId: t.disclosure,
      page: lead.page,
      data: disclosureNoticeData({ title: noticeTitle(lead), regionName: lead.regionName ?? '', at: lead.at, domainName: findDomain(lead.domain ?? '')?.name ?? '政务公开' }),
    };
  }
  const domains = new Set(items.map((i) => i.domain));
  const regions = new Set(items.map((i) => i.regionName));
  const latest = items.reduce((a, b) => (new Date(b.at).getTime() > new Date(a.at).getTime() ? b : a));
  return {
    templateId: t.disclosure,
    page: MINIPROGRAM_PAGES.notices,
    data: disclosureNoticeData({
      title: `${items.length}条新通知：${lead.title}`,
      regionName: regions.size === 1 ? (lead.regionName ?? '') : `${lead.regionName ?? ''}等${regions.size}地`,
      at: latest.at,
      domainName: domains.size === 1 ? (findDomain(lead.domain ?? '')?.name ?? '政务公开') : '多个领域',
    }),
  };
}
