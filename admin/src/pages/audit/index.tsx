import { useState } from 'react';
import { Card, Descriptions, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ADMIN_ROLE_LABELS, type AdminRole } from '@gongkai/shared';
import dayjs from 'dayjs';
import { LoadError, PageContainer } from '../../components/PageContainer';
import { RegionName } from '../../components/RegionName';
import { useApi } from '../../hooks/useApi';
import { zh } from '../../locale/zh';
import { useAuth } from '../../services/auth';
import { AuditFilters } from './components/AuditFilters';
import { listAudit, type AuditEntry, type AuditQuery } from './service';
import { pagination } from '../../components/pagination';

const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;

/** The entry's details as indented JSON (what changed, the import counts…). */
function Details({ entry }: { entry: AuditEntry }) {
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={zh.audit.objectId}>{entry.objectId ?? '-'}</Descriptions.Item>
      <Descriptions.Item label={zh.audit.ip}>{entry.ip ?? '-'}</Descriptions.Item>
      <Descriptions.Item label={zh.audit.userAgent}>{entry.userAgent ?? '-'}</Descriptions.Item>
      <Descriptions.Item label={zh.audit.details}>
        {entry.details === undefined ? (
          zh.audit.noDetails
        ) : (
          <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid="audit-details">
            {JSON.stringify(entry.details, null, 2)}
          </pre>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** 审计日志 (admins): who did what to which object, when and from where, in the admin's scope. */
export default function AuditPage() {
  const { user } = useAuth();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 20 });
  const log = useApi((signal) => listAudit(query, signal), [query]);

  const columns: ColumnsType<AuditEntry> = [
    { title: zh.audit.at, dataIndex: 'at', width: 170, render: (t: string) => dayjs(t).format('YYYY-MM-DD HH:mm:ss') },
    {
      title: zh.audit.actor,
      dataIndex: 'actor',
      render: (a: AuditEntry['actor']) => (
        <span>
          {a.username}
          <Typography.Text type="secondary"> {ADMIN_ROLE_LABELS[a.role as AdminRole] ?? a.role}</Typography.Text>
        </span>
      ),
    },
    { title: zh.audit.action, dataIndex: 'action', render: (a: string) => label(zh.audit.actions, a) },
    { title: zh.audit.objectType, dataIndex: 'objectType', render: (t: string) => label(zh.audit.objectTypes, t) },
    { title: zh.audit.region, dataIndex: 'regionCode', render: (c?: string) => <RegionName code={c} from={user?.regionCode} /> },
    { title: zh.audit.ip, dataIndex: 'ip' },
  ];

  return (
    <PageContainer title={zh.audit.title}>
      <Card style={{ marginBottom: 16 }}>
        <AuditFilters onSearch={(f) => setQuery({ ...f, page: 1, pageSize: query.pageSize })} />
      </Card>
      {log.error ? <LoadError error={log.error} onRetry={log.reload} /> : null}
      <Table<AuditEntry>
        rowKey="id"
        columns={columns}
        dataSource={log.data?.items ?? []}
        loading={log.loading}
        expandable={{ expandedRowRender: (e) => <Details entry={e} /> }}
        pagination={pagination(query, log.data?.total, (page, pageSize) => setQuery({ ...query, page, pageSize }))}
      />
    </PageContainer>
  );
}
