import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FilterActions } from '../../../components/FilterActions';
import { RegionPicker } from '../../../components/RegionPicker';
import { zh } from '../../../locale/zh';
import type { AuditQuery } from '../service';

/** The filter values as the form holds them. */
export interface AuditFilterValues {
  actor?: string;
  action?: string;
  objectType?: string;
  region?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Filter form values as query fields: whole days from 00:00 of the first to the end of the last. */
export function toQuery(v: AuditFilterValues): Omit<AuditQuery, 'page' | 'pageSize'> {
  const [from, to] = v.range ?? [];
  return {
    actor: v.actor?.trim() || undefined,
    action: v.action || undefined,
    objectType: v.objectType || undefined,
    region: v.region || undefined,
    from: from ? from.startOf('day').format() : undefined,
    to: to ? to.endOf('day').format() : undefined,
  };
}

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The audit log's filters: actor, action, object type, region (within scope) and a date range. */
export function AuditFilters({ onSearch }: { onSearch: (q: Omit<AuditQuery, 'page' | 'pageSize'>) => void }) {
  const [form] = Form.useForm<AuditFilterValues>();
  return (
    <Form<AuditFilterValues> form={form} name="audit-filters" layout="inline" onFinish={(v) => onSearch(toQuery(v))} style={{ rowGap: 12 }}>
      <Form.Item name="actor" label={zh.audit.actor}>
        <Input allowClear placeholder={zh.audit.actorPlaceholder} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="action" label={zh.audit.action}>
        <Select allowClear showSearch optionFilterProp="label" style={{ width: 160 }} placeholder={zh.common.all} options={options(zh.audit.actions)} />
      </Form.Item>
      <Form.Item name="objectType" label={zh.audit.objectType}>
        <Select allowClear style={{ width: 120 }} placeholder={zh.common.all} options={options(zh.audit.objectTypes)} />
      </Form.Item>
      <Form.Item name="region" label={zh.audit.region}>
        <RegionPicker style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="range" label={zh.audit.dateRange}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <FilterActions form={form} onReset={() => onSearch({})} />
    </Form>
  );
}
