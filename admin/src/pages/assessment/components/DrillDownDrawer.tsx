import { chinaTime } from '../../../services/time';
import { Drawer, Empty, List, Skeleton, Table, Typography } from 'antd';
import type { AssessmentMissing, DomainKey } from '@gongkai/shared';
import { Link } from 'react-router-dom';
import { LoadError } from '../../../components/PageContainer';
import { useApi } from '../../../hooks/useApi';
import { zh } from '../../../locale/zh';
import { getMissing } from '../service';

const t = zh.assessment;
type Late = AssessmentMissing['late'][number];
type Overdue = AssessmentMissing['overdue'][number];

/** Props of DrillDownDrawer. */
export interface DrillDownProps {
  unit?: { code: string; name: string };
  quarter: string;
  domain?: DomainKey;
  onClose: () => void;
}

/** One unit's gaps in the quarter: items never disclosed, disclosed late, and overdue (each disclosure a link). */
export function DrillDownDrawer({ unit, quarter, domain, onClose }: DrillDownProps) {
  const data = useApi((signal) => (unit ? getMissing({ region: unit.code, quarter, domain }, signal) : Promise.resolve(undefined)), [unit?.code, quarter, domain]);
  const m = data.data;
  return (
    <Drawer open={!!unit} width={720} title={unit ? t.drillTitle(unit.name) : ''} onClose={onClose} destroyOnHidden>
      {data.error ? <LoadError error={data.error} onRetry={data.reload} /> : null}
      {!m ? (
        <Skeleton active />
      ) : (
        <div data-testid="drill-down">
          <Typography.Paragraph>
            {zh.assessment.coverageOf(m.coverage.covered, m.coverage.required)}
          </Typography.Paragraph>
          <Typography.Title level={5}>{t.missing}（{m.missing.length}）</Typography.Title>
          {m.missing.length ? (
            <List size="small" bordered dataSource={m.missing} renderItem={(i) => <List.Item>{i.code} {i.category} · {i.name}<Typography.Text type="secondary"> — {i.timeLimit}</Typography.Text></List.Item>} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.none} />
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t.late}（{m.late.length}）</Typography.Title>
          <Table<Late>
            size="small"
            rowKey="disclosureId"
            pagination={false}
            dataSource={m.late}
            columns={[
              { title: zh.disclosures.f.title, key: 'title', render: (_, l) => <Link to={`/disclosures/${l.disclosureId}`}>{l.title ?? l.itemName}</Link> },
              { title: zh.disclosures.f.dueAt, dataIndex: 'dueAt', render: (v: string) => chinaTime(v, 'YYYY-MM-DD') },
              { title: zh.disclosures.f.publishedAt, dataIndex: 'publishedAt', render: (v: string) => chinaTime(v, 'YYYY-MM-DD') },
              { title: '', dataIndex: 'daysLate', render: (n: number) => <Typography.Text type="warning">{t.daysLate(n)}</Typography.Text> },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t.overdue}（{m.overdue.length}）</Typography.Title>
          <Table<Overdue>
            size="small"
            rowKey="disclosureId"
            pagination={false}
            dataSource={m.overdue}
            columns={[
              { title: zh.disclosures.f.title, key: 'title', render: (_, l) => <Link to={`/disclosures/${l.disclosureId}`}>{l.title ?? l.itemName}</Link> },
              { title: zh.disclosures.f.dueAt, dataIndex: 'dueAt', render: (v: string) => chinaTime(v, 'YYYY-MM-DD') },
              { title: '', dataIndex: 'daysOverdue', render: (n: number) => <Typography.Text type="danger">{t.daysOverdue(n)}</Typography.Text> },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
