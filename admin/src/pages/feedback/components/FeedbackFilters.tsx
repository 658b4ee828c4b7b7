import { useEffect } from 'react';
import { Checkbox, Form, Input, Select } from 'antd';
import { FEEDBACK_STATUSES, FEEDBACK_STATUS_LABELS, FEEDBACK_TYPES, FEEDBACK_TYPE_LABELS } from '@gongkai/shared';
import { FilterActions } from '../../../components/FilterActions';
import { RegionPicker } from '../../../components/RegionPicker';
import { zh } from '../../../locale/zh';
import type { FeedbackQuery } from '../service';

const t = zh.feedback;
/** The filter part of an inbox query. */
export type FeedbackFilterValues = Omit<FeedbackQuery, 'page' | 'pageSize'>;

/** Inbox filters: state, type, overdue, region (within scope) and tracking number. */
export function FeedbackFilters({ value, onSearch }: { value: FeedbackFilterValues; onSearch: (v: FeedbackFilterValues) => void }) {
  const [form] = Form.useForm<FeedbackFilterValues>();
  useEffect(() => form.setFieldsValue({ ...value }), [form, value]);
  return (
    <Form
      form={form}
      layout="inline"
      style={{ rowGap: 12 }}
      onFinish={(v) => onSearch({ ...v, trackingNo: v.trackingNo?.trim().toUpperCase() || undefined, overdue: v.overdue || undefined })}
    >
      <Form.Item name="state" label={t.f.state}>
        <Select allowClear placeholder={t.stateAll} style={{ width: 120 }} options={FEEDBACK_STATUSES.map((s) => ({ value: s, label: FEEDBACK_STATUS_LABELS[s] }))} />
      </Form.Item>
      <Form.Item name="type" label={t.f.type}>
        <Select allowClear placeholder={t.typeAll} style={{ width: 130 }} options={FEEDBACK_TYPES.map((s) => ({ value: s, label: FEEDBACK_TYPE_LABELS[s] }))} />
      </Form.Item>
      <Form.Item name="region" label={t.f.region}>
        <RegionPicker allowClear placeholder={zh.disclosures.regionAll} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="trackingNo" label={t.f.trackingNo}>
        <Input allowClear style={{ width: 180 }} placeholder="ZX-20261129-0001" />
      </Form.Item>
      <Form.Item name="overdue" valuePropName="checked">
        <Checkbox>{t.onlyOverdue}</Checkbox>
      </Form.Item>
      <FilterActions form={form} onReset={() => onSearch({})} />
    </Form>
  );
}
