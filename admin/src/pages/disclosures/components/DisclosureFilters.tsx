import { useEffect, useMemo } from 'react';
import { Checkbox, Form, Input, Select } from 'antd';
import { DISCLOSURE_STATUSES, DISCLOSURE_STATUS_LABELS, DOMAINS, type CatalogueItemView, type DomainKey } from '@gongkai/shared';
import { FilterActions } from '../../../components/FilterActions';
import { RegionPicker } from '../../../components/RegionPicker';
import { zh } from '../../../locale/zh';
import type { DisclosureQuery } from '../service';

const t = zh.disclosures;

/** The filter part of a list query (everything but paging). */
export type DisclosureFilterValues = Omit<DisclosureQuery, 'page' | 'pageSize'>;

/** Props of DisclosureFilters. */
export interface DisclosureFiltersProps {
  value: DisclosureFilterValues;
  /** Catalogue items in scope (for the 目录事项 filter). */
  items: CatalogueItemView[];
  onSearch: (v: DisclosureFilterValues) => void;
}

/** Filters of the disclosures list: status, domain, item, region (within scope), late/overdue and a title search. */
export function DisclosureFilters({ value, items, onSearch }: DisclosureFiltersProps) {
  const [form] = Form.useForm<DisclosureFilterValues>();
  const domain = Form.useWatch('domain', form) as DomainKey | undefined;
  useEffect(() => form.setFieldsValue({ ...value }), [form, value]);
  const itemOptions = useMemo(
    () => items.filter((i) => !domain || i.domain === domain).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` })),
    [items, domain],
  );
  const clean = (v: DisclosureFilterValues): DisclosureFilterValues => ({
    ...v,
    q: v.q?.trim() || undefined,
    late: v.late || undefined,
    overdue: v.overdue || undefined,
  });

  return (
    <Form form={form} layout="inline" onFinish={(v) => onSearch(clean(v))} style={{ rowGap: 12 }}>
      <Form.Item name="status" label={t.f.status}>
        <Select allowClear placeholder={t.statusAll} style={{ width: 130 }} options={DISCLOSURE_STATUSES.map((s) => ({ value: s, label: DISCLOSURE_STATUS_LABELS[s] }))} />
      </Form.Item>
      <Form.Item name="domain" label={t.f.domain}>
        <Select allowClear placeholder={t.domainAll} style={{ width: 140 }} options={DOMAINS.map((d) => ({ value: d.key, label: d.name }))} onChange={() => form.setFieldValue('item', undefined)} />
      </Form.Item>
      <Form.Item name="item" label={t.f.item}>
        <Select allowClear showSearch optionFilterProp="label" placeholder={t.itemAll} style={{ width: 240 }} options={itemOptions} />
      </Form.Item>
      <Form.Item name="region" label={t.f.region}>
        <RegionPicker allowClear placeholder={t.regionAll} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="q" label={t.f.q}>
        <Input allowClear style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="overdue" valuePropName="checked">
        <Checkbox>{t.onlyOverdue}</Checkbox>
      </Form.Item>
      <Form.Item name="late" valuePropName="checked">
        <Checkbox>{t.onlyLate}</Checkbox>
      </Form.Item>
      <FilterActions form={form} onReset={() => onSearch({})} />
    </Form>
  );
}
