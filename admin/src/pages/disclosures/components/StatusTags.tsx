import { Space, Tag } from 'antd';
import { DISCLOSURE_STATUS_LABELS, type AdminDisclosureSummary, type DisclosureStatus } from '@gongkai/shared';
import { zh } from '../../../locale/zh';

const COLORS: Record<DisclosureStatus, string> = {
  draft: 'default',
  pending: 'gold',
  scheduled: 'cyan',
  published: 'green',
  withdrawn: 'red',
};

/** One status as a coloured tag (草稿 / 待审核 / 待定时发布 / 已发布 / 已撤回). */
export function StatusTag({ status }: { status: DisclosureStatus }) {
  return <Tag color={COLORS[status]}>{DISCLOSURE_STATUS_LABELS[status]}</Tag>;
}

/**
 * The badges of a disclosure in lists and headers: its status, the next version's state when a published
 * one is being revised, and 逾期 (unpublished past its due date) / 超时发布 (first published late).
 */
export function StatusTags({ d }: { d: Pick<AdminDisclosureSummary, 'status' | 'working' | 'late' | 'overdue'> }) {
  const next = d.status === 'published' && d.working ? d.working : undefined;
  return (
    <Space size={4} wrap>
      <StatusTag status={d.status} />
      {next ? <Tag color={COLORS[next.state]}>{zh.disclosures.badges.nextVersion(next.version, DISCLOSURE_STATUS_LABELS[next.state])}</Tag> : null}
      {d.overdue ? <Tag color="red">{zh.disclosures.badges.overdue}</Tag> : null}
      {d.late ? <Tag color="orange">{zh.disclosures.badges.late}</Tag> : null}
    </Space>
  );
}

/** Calendar days from now until an ISO time (negative: past), counted on China dates. */
export function daysUntil(iso: string, now: Date = new Date()): number {
  const day = (d: Date) => Math.floor((d.getTime() + 8 * 3600_000) / 86_400_000);
  return day(new Date(iso)) - day(now);
}
