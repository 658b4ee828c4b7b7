import { chinaTime } from '../../../../services/time';
import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Row, Skeleton, Statistic, Table, Tag } from 'antd';
import type { DisclosureNoticeStats } from '@gongkai/shared';
import { LoadError } from '../../../../components/PageContainer';
import { useApi } from '../../../../hooks/useApi';
import { zh } from '../../../../locale/zh';
import { useAccess } from '../../../../services/access';
import { showApiError } from '../../../../services/show-error';
import { Nothing } from '../../components/ContentBlocks';
import { noticeStats, resendNotices } from '../../service';

const t = zh.disclosures.notices;
type Counts = DisclosureNoticeStats['wechat'];
type Event = DisclosureNoticeStats['events'][number];

const reason = (r: string) => t.reasons[r] ?? r;

/** WeChat delivery counts of a disclosure or one event. */
function WechatCounts({ c }: { c: Counts }) {
  const keys = ['planned', 'sent', 'digested', 'unconfirmed', 'skipped', 'pending', 'failed', 'retryable'] as const;
  return (
    <Descriptions size="small" column={{ xs: 2, md: 4 }} bordered>
      {keys.map((k) => (
        <Descriptions.Item key={k} label={t[k]}>
          <span data-testid={`wechat-${k}`}>{c[k]}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/**
 * 通知送达 tab: how many followers got the in-app notice and the WeChat message, failures by reason, per
 * event (published / updated / withdrawn), and a resend of the failures worth retrying (reviewers, admins).
 */
export function NoticesTab({ id }: { id: string }) {
  const { message } = App.useApp();
  const access = useAccess();
  const stats = useApi((signal) => noticeStats(id, signal), [id]);
  const [busy, setBusy] = useState(false);
  if (stats.error) return <LoadError error={stats.error} onRetry={stats.reload} />;
  if (!stats.data) return <Skeleton active />;
  const s = stats.data;
  if (!s.events.length) return <Nothing text={t.none} />;

  const resend = async () => {
    setBusy(true);
    try {
      const r = await resendNotices(id);
      message.success(r.requeued ? t.resent(r.requeued) : t.nothingToResend);
      stats.reload();
    } catch (err) {
      showApiError(message, err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={t.inApp} value={s.inApp} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={`${t.wechat} · ${t.sent}`} value={s.wechat.sent + s.wechat.digested} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={`${t.wechat} · ${t.failed}`} value={s.wechat.failed} valueStyle={s.wechat.failed ? { color: '#cf1322' } : undefined} /></Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small"><Statistic title={`${t.wechat} · ${t.pending}`} value={s.wechat.pending} /></Card>
        </Col>
      </Row>
      <Card size="small" title={t.wechat} style={{ marginBottom: 16 }} extra={access.reviewDisclosures ? <Button onClick={resend} loading={busy} disabled={!s.wechat.retryable}>{t.resend}</Button> : null}>
        <WechatCounts c={s.wechat} />
        {Object.keys(s.wechat.failedByReason).length ? (
          <div style={{ marginTop: 12 }}>
            {t.byReason}：
            {Object.entries(s.wechat.failedByReason).map(([r, n]) => (
              <Tag key={r} color="red">{reason(r)} {n}</Tag>
            ))}
          </div>
        ) : null}
      </Card>
      <Table<Event>
        size="small"
        rowKey={(e) => `${e.kind}-${e.version}-${e.at}`}
        pagination={false}
        dataSource={s.events}
        columns={[
          { title: t.event, dataIndex: 'kind', render: (k: string, e) => `${t.kinds[k] ?? k}（第${e.version}版）` },
          { title: zh.disclosures.f.publishedAt, dataIndex: 'at', render: (v: string) => chinaTime(v, 'YYYY-MM-DD HH:mm') },
          { title: t.inApp, dataIndex: 'inApp' },
          { title: t.sent, key: 'sent', render: (_, e) => e.wechat.sent + e.wechat.digested },
          { title: t.failed, key: 'failed', render: (_, e) => (e.wechat.failed ? <Tag color="red">{e.wechat.failed}</Tag> : 0) },
          { title: t.byReason, key: 'reasons', render: (_, e) => Object.entries(e.wechat.failedByReason).map(([r, n]) => `${reason(r)} ${n}`).join('，') || '-' },
        ]}
      />
    </div>
  );
}
