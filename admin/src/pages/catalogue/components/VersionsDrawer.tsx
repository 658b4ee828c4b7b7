import { Collapse, Drawer, Empty, Space, Spin, Tag, Typography } from 'antd';
import type { CatalogueItemView } from '@gongkai/shared';
import dayjs from 'dayjs';
import { CatalogueItemDetails } from '../../../components/catalogue/CatalogueItemDetails';
import { LoadError } from '../../../components/PageContainer';
import { useApi } from '../../../hooks/useApi';
import { zh } from '../../../locale/zh';
import { listVersions } from '../service';

/** 版本记录: every version of an item, newest first (disclosures keep the version they were made under). */
export function VersionsDrawer({ item, onClose }: { item: CatalogueItemView | null; onClose: () => void }) {
  const versions = useApi((signal) => (item ? listVersions(item.id, signal) : Promise.resolve([])), [item?.id]);
  return (
    <Drawer open={!!item} width={760} title={item ? `${zh.catalogue.versions} · ${item.code} ${item.name}` : ''} onClose={onClose}>
      {versions.error ? <LoadError error={versions.error} onRetry={versions.reload} /> : null}
      {versions.loading ? (
        <Spin />
      ) : versions.data?.length ? (
        <Collapse
          defaultActiveKey={[String(versions.data[0].version)]}
          items={versions.data.map((v) => ({
            key: String(v.version),
            label: (
              <Space wrap>
                <Tag color={v.version === item?.version ? 'blue' : undefined}>{zh.catalogue.version(v.version)}</Tag>
                <span>{zh.catalogue.versionSource[v.source] ?? v.source}</span>
                <Typography.Text type="secondary">{dayjs(v.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                {v.author ? <Typography.Text type="secondary">{zh.catalogue.versionBy(v.author.username)}</Typography.Text> : null}
              </Space>
            ),
            children: <CatalogueItemDetails item={v.item} />,
          }))}
        />
      ) : (
        <Empty />
      )}
    </Drawer>
  );
}
