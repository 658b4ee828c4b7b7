import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import type { DisclosureDetail } from '@gongkai/shared';
import { zh } from '../../../../locale/zh';
import { api } from '../../../../services/request';
import { listDisclosures } from '../../service';

/** Props of RelatedPicker (an antd Form.Item control: ids of published disclosures). */
export interface RelatedPickerProps {
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** This disclosure (never offered as related to itself). */
  selfId?: string;
  id?: string;
}

/**
 * 关联解读: picks published disclosures (policy ↔ interpretation) by title. The server links them both ways
 * on publication and accepts published ones only.
 */
export function RelatedPicker({ value = [], onChange, selfId, id }: RelatedPickerProps) {
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // Titles of ids chosen before (from the public detail: related items may be published anywhere).
  useEffect(() => {
    const missing = value.filter((v) => !labels[v]);
    if (!missing.length) return;
    Promise.all(missing.map((v) => api.get<DisclosureDetail>(`/disclosures/${v}`, undefined, { auth: false }).then((d) => [v, d.title] as const, () => [v, v] as const))).then((pairs) =>
      setLabels((l) => ({ ...l, ...Object.fromEntries(pairs) })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value.join(',')]);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setLoading(true);
      listDisclosures({ status: 'published', q: q.trim() || undefined, page: 1, pageSize: 20 })
        .then((r) => {
          const opts = r.items.filter((d) => d.id !== selfId).map((d) => ({ value: d.id, label: `${d.title}（${d.regionName}）` }));
          setOptions(opts);
          setLabels((l) => ({ ...l, ...Object.fromEntries(opts.map((o) => [o.value, o.label])) }));
        }, () => setOptions([]))
        .finally(() => setLoading(false));
    }, 250);
  };

  const shown = [...value.filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: labels[v] ?? v })), ...options];
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch
      filterOption={false}
      value={value}
      onChange={(ids) => onChange?.(ids)}
      onSearch={search}
      onFocus={() => options.length === 0 && search('')}
      options={shown}
      notFoundContent={loading ? <Spin size="small" /> : zh.common.empty}
      placeholder={zh.disclosures.editor.relatedPlaceholder}
    />
  );
}
