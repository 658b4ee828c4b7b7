import { chinaTime } from '../../../../services/time';
import { Alert, Table, Tag, Typography } from 'antd';
import type { AdminDisclosureDetail } from '@gongkai/shared';
import { useApi } from '../../../../hooks/useApi';
import { zh } from '../../../../locale/zh';
import { Nothing } from '../../components/ContentBlocks';
import { verifyDisclosure } from '../../service';

const t = zh.disclosures.versions;
type Version = AdminDisclosureDetail['versions'][number];
const short = (h: string) => <Typography.Text code copyable={{ text: h }} title={h}>{`${h.slice(0, 12)}…`}</Typography.Text>;

/** The public chain check as a badge: 版本链完整, or what failed. */
export function VerifyBadge({ id }: { id: string }) {
  const v = useApi((signal) => verifyDisclosure(id, signal), [id]);
  if (v.loading && !v.data) return <Tag>{t.verifying}</Tag>;
  if (v.error || !v.data) return <Tag color="default">{t.verify}：-</Tag>;
  return v.data.valid ? (
    <Tag color="green" data-testid="verify-status">{t.valid}</Tag>
  ) : (
    <Tag color="red" data-testid="verify-status" title={v.data.problems.join('；')}>{t.invalid}</Tag>
  );
}

/** 版本记录: every published version with its hash, the previous hash and who approved it, plus the chain check. */
export function VersionsTab({ d }: { d: AdminDisclosureDetail }) {
  if (!d.versions.length) return <Nothing text={t.unpublished} />;
  return (
    <div>
      <div style={{ marginBottom: 12 }}>
        {t.verify}：<VerifyBadge id={d.id} />
      </div>
      {d.withdrawal ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={zh.disclosures.detail.withdrawal(d.withdrawal.by.username, chinaTime(d.withdrawal.at, 'YYYY-MM-DD HH:mm'), d.withdrawal.reason)} /> : null}
      <Table<Version>
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={[...d.versions].sort((a, b) => b.version - a.version)}
        columns={[
          { title: t.version, dataIndex: 'version', width: 70, render: (v: number, r) => <span>{v}{r.late ? <Tag color="orange" style={{ marginLeft: 4 }}>{t.late}</Tag> : null}</span> },
          { title: zh.disclosures.f.title, dataIndex: 'title' },
          { title: t.publishedAt, dataIndex: 'publishedAt', width: 150, render: (v: string) => chinaTime(v, 'YYYY-MM-DD HH:mm') },
          { title: t.approvedBy, dataIndex: 'approvedBy', width: 120, render: (a: Version['approvedBy']) => a.username },
          { title: t.authors, dataIndex: 'authors', width: 140, render: (a: Version['authors']) => a.map((x) => x.username).join('、') },
          { title: t.hash, dataIndex: 'hash', render: short },
          { title: t.prevHash, dataIndex: 'prevHash', render: short },
        ]}
      />
    </div>
  );
}
