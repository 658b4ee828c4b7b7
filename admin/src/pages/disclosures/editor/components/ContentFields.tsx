import { DatePicker, Form, Input, Select } from 'antd';
import { DISCLOSURE_LIMITS, DISCLOSURE_STAGE_LABELS, type CatalogueItemView } from '@gongkai/shared';
import { zh } from '../../../../locale/zh';
import { BodyField } from './BodyField';
import { RelatedPicker } from './RelatedPicker';
import { TableEditor } from './TableEditor';

const f = zh.disclosures.f;
/** True when an HTML body has visible text (the editor's empty document is `<p></p>`). */
const hasText = (html?: string) => !!html && html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim() !== '';
const t = zh.disclosures.editor;

/** Props of ContentFields. */
export interface ContentFieldsProps {
  item?: CatalogueItemView;
  disclosureId?: string;
  disabled?: boolean;
}

/** The content part of the editor form: title, 五公开 stage, dates, body, tables, related 解读 and publisher. */
export function ContentFields({ item, disclosureId, disabled }: ContentFieldsProps) {
  return (
    <>
      <Form.Item name="title" label={f.title} rules={[{ required: true, whitespace: true, message: t.titleRequired }, { max: DISCLOSURE_LIMITS.title }]}>
        <Input maxLength={DISCLOSURE_LIMITS.title} showCount disabled={disabled} />
      </Form.Item>
      <Form.Item name="stage" label={f.stage}>
        <Select disabled={disabled} options={(item?.stages ?? []).map((s) => ({ value: s, label: DISCLOSURE_STAGE_LABELS[s] }))} />
      </Form.Item>
      <Form.Item name="eventDate" label={f.eventDate}>
        <DatePicker disabled={disabled} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="validity" label={f.validity}>
        <DatePicker.RangePicker disabled={disabled} allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item name="body" label={f.body} rules={[{ validator: (_, v?: string) => (hasText(v) ? Promise.resolve() : Promise.reject(new Error(t.bodyRequired))) }]}>
        <BodyField placeholder={t.bodyPlaceholder} />
      </Form.Item>
      <Form.Item name="tables" label={zh.disclosures.table.tables}>
        <TableEditor disclosureId={disclosureId} />
      </Form.Item>
      <Form.Item name="relatedIds" label={f.related}>
        <RelatedPicker selfId={disclosureId} />
      </Form.Item>
      <Form.Item name="publisher" label={f.publisher}>
        <Input disabled={disabled} placeholder={item?.publisher} maxLength={DISCLOSURE_LIMITS.publisher} />
      </Form.Item>
      <Form.Item name="contact" label={f.contact}>
        <Input disabled={disabled} maxLength={DISCLOSURE_LIMITS.contact} />
      </Form.Item>
    </>
  );
}
