import { Button, Space, Table } from 'antd';
import type { Assessment, AssessmentNode } from '@gongkai/shared';
import { zh } from '../../../locale/zh';
import { METRICS, Rate, metricLabel } from './metrics';

const t = zh.assessment;

/** Props of RankingTable. */
export interface RankingTableProps {
  data: Assessment;
  onDrill: (n: AssessmentNode) => void;
  onOpen: (n: AssessmentNode) => void;
}

/** Best rank first; units without a score (no rank) last, in region order. */
export function byRank(a: AssessmentNode, b: AssessmentNode): number {
  return (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER);
}

/** The children of a region ranked by composite score (best first), every metric with its counts on hover. */
export function RankingTable({ data, onDrill, onOpen }: RankingTableProps) {
  return (
    <Table<AssessmentNode>
      size="small"
      rowKey={(n) => n.region.code}
      dataSource={[...data.children].sort(byRank)}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t.rank, dataIndex: 'rank', width: 60, render: (r?: number | null) => r ?? '—' },
        { title: t.unit, key: 'unit', render: (_, n) => n.region.name },
        ...METRICS.map((k) => ({ title: metricLabel(k), key: k, render: (_: unknown, n: AssessmentNode) => <Rate m={n} k={k} /> })),
        {
          title: zh.common.actions,
          key: 'ops',
          render: (_, n) => (
            <Space size={0}>
              {['county', 'township', 'village'].includes(n.region.level) ? (
                <Button type="link" size="small" onClick={() => onDrill(n)}>
                  {t.drill}
                </Button>
              ) : null}
              {n.region.level !== 'village' ? (
                <Button type="link" size="small" onClick={() => onOpen(n)}>
                  {t.openChildren}
                </Button>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
