import { Button, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  AUDIENCE_LABELS,
  AUDIENCES,
  CATALOGUE_LEVEL_LABELS,
  CATALOGUE_LEVELS,
  CHANNEL_LABELS,
  CHANNELS,
  CatalogueItemFieldsSchema as S,
  DISCLOSURE_MODE_LABELS,
  DISCLOSURE_MODES,
  DISCLOSURE_STAGE_LABELS,
  DISCLOSURE_STAGES,
  DOMAINS,
  TIME_LIMIT_RULE_KIND_LABELS,
  TIME_LIMIT_RULE_KINDS,
  type RegionLevel,
} from '@gongkai/shared';
import type { ReactNode } from 'react';
import { RegionPicker } from '../../../components/RegionPicker';
import { zh } from '../../../locale/zh';
import { zodRule } from '../../../services/form-rules';
import type { ItemFormValues } from './item-form-values';

const f = zh.catalogue.f;
const opts = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));
const POSTING_KINDS = ['min-posting-days', 'min-posting-working-days'];

/** Props of CatalogueItemForm. */
export interface CatalogueItemFormProps {
  form: FormInstance<ItemFormValues>;
  initialValues: ItemFormValues;
  /** Editing an existing item: domain, code and owner are fixed. */
  editing: boolean;
  /** For a new item: the owner region picker's root and the levels it may pick; none = owner fixed. */
  owner?: { within: string; levels: readonly RegionLevel[] };
}

/** A list of text rows (公开内容要素, 公开依据): one input per entry, add and remove. */
function TextList({ name, label, addText, max }: { name: 'contentElements' | 'basis'; label: string; addText: string; max: number }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Form.Item label={label} required>
          {fields.map((field, i) => (
            <div key={field.key} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
              <Form.Item name={field.name} style={{ flex: 1, marginBottom: 0 }}>
                <Input aria-label={`${label}${i + 1}`} maxLength={200} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} aria-label={zh.common.remove} onClick={() => remove(field.name)} disabled={fields.length <= 1} />
            </div>
          ))}
          {fields.length < max ? (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
              {addText}
            </Button>
          ) : null}
        </Form.Item>
      )}
    </Form.List>
  );
}

/** Shows `children` only when `when(values)` holds (fields that depend on another field's value). */
function When({ when, children }: { when: (v: ItemFormValues) => boolean; children: ReactNode }) {
  return (
    <Form.Item noStyle shouldUpdate>
      {({ getFieldsValue }) => (when(getFieldsValue(true) as ItemFormValues) ? children : null)}
    </Form.Item>
  );
}

/**
 * The fields of a catalogue item, named like the shared CatalogueItemInputSchema so that its issues (checked
 * on submit, with the server's Chinese messages) land on the right field; simple fields also check as you type.
 */
export function CatalogueItemForm({ form, initialValues, editing, owner }: CatalogueItemFormProps) {
  return (
    <Form<ItemFormValues> form={form} name="catalogue-item" layout="vertical" initialValues={initialValues}>
      <Row gutter={16}>
        {owner ? (
          <Col xs={24} md={12}>
            <Form.Item label={zh.catalogue.owner} name="regionCode" rules={[{ required: true, message: zh.users.regionRequired }]}>
              <RegionPicker within={owner.within} maxLevel="township" selectableLevels={owner.levels} />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={12}>
          <Form.Item label={f.domain} name="domain" rules={[{ required: true }]}>
            <Select disabled={editing} options={DOMAINS.map((d) => ({ value: d.key, label: d.name }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={f.code} name="code">
            <Input disabled={editing} placeholder={zh.catalogue.f.codePlaceholder} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={f.category} name="category" required rules={[zodRule(S.shape.category)]}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={f.name} name="name" required rules={[zodRule(S.shape.name)]}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
      </Row>
      <TextList name="contentElements" label={f.contentElements} addText={zh.catalogue.addElement} max={40} />
      <TextList name="basis" label={f.basis} addText={zh.catalogue.addBasis} max={20} />
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item label={f.timeLimitText} name={['timeLimit', 'text']} required>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label={f.workingDays} name={['timeLimit', 'workingDays']}>
            <InputNumber min={1} max={366} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item label={f.rule} name={['timeLimit', 'rule', 'kind']}>
            <Select allowClear placeholder={zh.catalogue.noRule} options={opts(TIME_LIMIT_RULE_KINDS, TIME_LIMIT_RULE_KIND_LABELS)} />
          </Form.Item>
        </Col>
        <When when={(v) => !!v.timeLimit?.rule?.kind && v.timeLimit.rule.kind !== 'realtime'}>
          <Col xs={12} md={4}>
            <Form.Item label={f.ruleDays} name={['timeLimit', 'rule', 'days']}>
              <InputNumber min={1} max={366} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </When>
        <When when={(v) => !!v.timeLimit?.rule?.kind && !POSTING_KINDS.includes(v.timeLimit.rule.kind)}>
          <Col xs={24} md={6}>
            <Form.Item label={f.ruleEvent} name={['timeLimit', 'rule', 'event']}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
        </When>
        <When when={(v) => !POSTING_KINDS.includes(v.timeLimit?.rule?.kind ?? '')}>
          <Col xs={12} md={4}>
            <Form.Item label={f.minPostingDays} name={['timeLimit', 'minPostingDays']}>
              <InputNumber min={1} max={366} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </When>
      </Row>
      <Form.Item label={f.publisher} name="publisher" required rules={[zodRule(S.shape.publisher)]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={f.channels} name="channels" required>
        <Checkbox.Group options={opts(CHANNELS, CHANNEL_LABELS)} />
      </Form.Item>
      <When when={(v) => !!v.channels?.includes('other')}>
        <Form.Item label={f.otherChannel} name="otherChannel" required>
          <Input maxLength={100} />
        </Form.Item>
      </When>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={f.audience} name="audience" required>
            <Radio.Group options={opts(AUDIENCES, AUDIENCE_LABELS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={f.mode} name="mode" required>
            <Radio.Group options={opts(DISCLOSURE_MODES, DISCLOSURE_MODE_LABELS)} />
          </Form.Item>
        </Col>
      </Row>
      <When when={(v) => v.audience === 'specific'}>
        <Form.Item label={f.audienceNote} name="audienceNote" required>
          <Input maxLength={60} />
        </Form.Item>
      </When>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item label={f.levels} name="levels" required>
            <Checkbox.Group options={opts(CATALOGUE_LEVELS, CATALOGUE_LEVEL_LABELS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item label={f.stages} name="stages" required>
            <Checkbox.Group options={opts(DISCLOSURE_STAGES, DISCLOSURE_STAGE_LABELS)} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
