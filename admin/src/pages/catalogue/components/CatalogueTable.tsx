import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CATALOGUE_LEVEL_LABELS, type CatalogueItemView } from '@gongkai/shared';
import { CatalogueBadges, CatalogueItemDetails } from '../../../components/catalogue/CatalogueItemDetails';
import { zh } from '../../../locale/zh';

const f = zh.catalogue.f;

/** Props of CatalogueTable. */
export interface CatalogueTableProps {
  items: CatalogueItemView[];
  loading: boolean;
  /** True when the signed-in official may change this item (shows 编辑 / 停用). */
  canEdit: (item: CatalogueItemView) => boolean;
  onEdit: (item: CatalogueItemView) => void;
  onVersions: (item: CatalogueItemView) => void;
  onSetActive: (item: CatalogueItemView, active: boolean) => void;
}

/** One domain's items: the key columns in the row (五公开, 公开方式 and the rest in the details), every element when the row is opened. */
export function CatalogueTable({ items, loading, canEdit, onEdit, onVersions, onSetActive }: CatalogueTableProps) {
  const columns: ColumnsType<CatalogueItemView> = [
    { title: f.code, dataIndex: 'code', width: 110 },
    { title: f.category, dataIndex: 'category', width: 130 },
    { title: f.name, dataIndex: 'name' },
    { title: f.levels, dataIndex: 'levels', width: 130, render: (ls: CatalogueItemView['levels']) => ls.map((l) => <Tag key={l}>{CATALOGUE_LEVEL_LABELS[l]}</Tag>) },
    { title: f.timeLimit, dataIndex: ['timeLimit', 'text'], ellipsis: true, width: 200 },
    {
      title: f.version,
      key: 'version',
      width: 150,
      render: (_: unknown, item) => (
        <span>
          {zh.catalogue.version(item.version)} <CatalogueBadges item={item} />
        </span>
      ),
    },
    {
      title: zh.common.actions,
      key: 'actions',
      width: 170,
      render: (_: unknown, item) => (
        // Buttons must not open or close the row.
        <Space size={0} onClick={(e) => e.stopPropagation()}>
          <Button type="link" size="small" onClick={() => onVersions(item)}>
            {zh.catalogue.versions}
          </Button>
          {canEdit(item) ? (
            <>
              <Button type="link" size="small" onClick={() => onEdit(item)}>
                {zh.common.edit}
              </Button>
              {item.active ? (
                <Popconfirm title={zh.catalogue.deactivateConfirm} onConfirm={() => onSetActive(item, false)}>
                  <Button type="link" size="small" danger>
                    {zh.catalogue.deactivate}
                  </Button>
                </Popconfirm>
              ) : (
                <Button type="link" size="small" onClick={() => onSetActive(item, true)}>
                  {zh.catalogue.activate}
                </Button>
              )}
            </>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Table<CatalogueItemView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 1080 }}
      expandable={{ expandedRowRender: (item) => <CatalogueItemDetails item={item} />, expandRowByClick: true }}
    />
  );
}
