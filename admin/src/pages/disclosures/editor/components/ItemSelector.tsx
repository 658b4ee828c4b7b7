import { useMemo } from 'react';
import { Form, Select } from 'antd';
import { DOMAINS, regionLevel, type CatalogueItemView, type CatalogueLevel, type DomainKey } from '@gongkai/shared';
import { RegionPicker } from '../../../../components/RegionPicker';
import { useApi } from '../../../../hooks/useApi';
import { zh } from '../../../../locale/zh';
import { catalogueFor } from '../../service';

const t = zh.disclosures.editor;
const UNIT_LEVELS = ['county', 'township', 'village'] as const;

/** The catalogue level of a region code, when it is one that publishes (county, township, village). */
export function unitLevel(code?: string): CatalogueLevel | undefined {
  const l = code ? regionLevel(code) : undefined;
  return (UNIT_LEVELS as readonly string[]).includes(l ?? '') ? (l as CatalogueLevel) : undefined;
}

/** Props of ItemSelector. */
export interface ItemSelectorProps {
  regionCode?: string;
  domain?: DomainKey;
  onItemPicked: (item: CatalogueItemView | undefined) => void;
}

/**
 * Step 1 of a new disclosure: the region (county, township or village in scope), the domain, then a catalogue
 * item that applies to that region and lists its level among its 公开层级.
 */
export function ItemSelector({ regionCode, domain, onItemPicked }: ItemSelectorProps) {
  const level = unitLevel(regionCode);
  const items = useApi((signal) => (regionCode && level ? catalogueFor({ region: regionCode, level }, signal) : Promise.resolve([])), [regionCode, level]);
  const options = useMemo(
    () => (items.data ?? []).filter((i) => i.domain === domain).map((i) => ({ value: i.id, label: `${i.code} ${i.category} · ${i.name}` })),
    [items.data, domain],
  );
  const form = Form.useFormInstance();

  return (
    <>
      <Form.Item name="regionCode" label={t.region} rules={[{ required: true, message: t.regionRequired }]} extra={t.fixedAfterCreate}>
        <RegionPicker
          selectableLevels={UNIT_LEVELS}
          onChange={() => {
            form.setFieldValue('catalogueItemId', undefined);
            onItemPicked(undefined);
          }}
        />
      </Form.Item>
      <Form.Item name="domain" label={t.domain} rules={[{ required: true, message: t.domainRequired }]}>
        <Select
          options={DOMAINS.map((d) => ({ value: d.key, label: d.name }))}
          onChange={() => {
            form.setFieldValue('catalogueItemId', undefined);
            onItemPicked(undefined);
          }}
        />
      </Form.Item>
      <Form.Item name="catalogueItemId" label={t.item} rules={[{ required: true, message: t.itemRequired }]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={items.loading && !!regionCode}
          options={options}
          notFoundContent={regionCode && domain && !items.loading ? t.itemNone : undefined}
          onChange={(id: string) => {
            const item = items.data?.find((i) => i.id === id);
            if (item) form.setFieldValue('stage', item.stages[0]);
            onItemPicked(item);
          }}
        />
      </Form.Item>
    </>
  );
}
