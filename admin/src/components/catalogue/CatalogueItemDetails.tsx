import { Descriptions, Space, Tag, Typography } from 'antd';
import {
  AUDIENCE_LABELS,
  CATALOGUE_LEVEL_LABELS,
  CHANNEL_LABELS,
  DISCLOSURE_MODE_LABELS,
  DISCLOSURE_STAGE_LABELS,
  findDomain,
  type CatalogueItemView,
} from '@gongkai/shared';
import { zh } from '../../locale/zh';
import { RegionName } from '../RegionName';
import { describeTimeLimitRule } from './time-limit';

const f = zh.catalogue.f;

/** 省级 / 本地 and 已停用 badges of an item. */
export function CatalogueBadges({ item }: { item: Pick<CatalogueItemView, 'local' | 'active'> }) {
  return (
    <Space size={4}>
      {item.local ? <Tag color="purple">{zh.catalogue.local}</Tag> : <Tag color="blue">{zh.catalogue.province}</Tag>}
      {item.active ? null : <Tag>{zh.catalogue.inactive}</Tag>}
    </Space>
  );
}

/** 公开时限: the officials' text and, below it, the rule the system computes due dates with. */
export function TimeLimitView({ timeLimit }: { timeLimit: CatalogueItemView['timeLimit'] }) {
  const rules = describeTimeLimitRule(timeLimit);
  return (
    <div>
      <div>{timeLimit.text}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {zh.catalogue.machineRule}：{rules.length ? rules.join(zh.catalogue.rule.separator) : zh.catalogue.noMachineRule}
      </Typography.Text>
    </div>
  );
}

/**
 * Every element of a catalogue item (the ten columns of the standard catalogue plus code, version and
 * owner). Reusable wherever an item is shown: the catalogue page, the disclosure editor's item panel.
 */
export function CatalogueItemDetails({ item, column = 2 }: { item: CatalogueItemView; column?: number }) {
  return (
    <Descriptions bordered size="small" column={column} styles={{ label: { width: 120 } }}>
      <Descriptions.Item label={f.code}>
        <Space size={4} wrap>
          <span>{item.code}</span>
          <Tag>{zh.catalogue.version(item.version)}</Tag>
          <CatalogueBadges item={item} />
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={f.domain}>{findDomain(item.domain)?.name ?? item.domain}</Descriptions.Item>
      <Descriptions.Item label={f.category}>{item.category}</Descriptions.Item>
      <Descriptions.Item label={f.name}>{item.name}</Descriptions.Item>
      <Descriptions.Item label={f.contentElements} span={column}>
        <Space size={[4, 4]} wrap>
          {item.contentElements.map((e) => (
            <Tag key={e} color="geekblue">{e}</Tag>
          ))}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={f.basis} span={column}>
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {item.basis.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ol>
      </Descriptions.Item>
      <Descriptions.Item label={f.timeLimit} span={column}>
        <TimeLimitView timeLimit={item.timeLimit} />
      </Descriptions.Item>
      <Descriptions.Item label={f.publisher}>{item.publisher}</Descriptions.Item>
      <Descriptions.Item label={f.channels}>
        <Space size={[4, 4]} wrap>
          {item.channels.map((c) => (
            <Tag key={c}>{c === 'other' && item.otherChannel ? `${CHANNEL_LABELS[c]}：${item.otherChannel}` : CHANNEL_LABELS[c]}</Tag>
          ))}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={f.audience}>
        {AUDIENCE_LABELS[item.audience]}
        {item.audienceNote ? `（${item.audienceNote}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={f.mode}>{DISCLOSURE_MODE_LABELS[item.mode]}</Descriptions.Item>
      <Descriptions.Item label={f.levels}>{item.levels.map((l) => CATALOGUE_LEVEL_LABELS[l]).join('、')}</Descriptions.Item>
      <Descriptions.Item label={f.stages}>{item.stages.map((s) => DISCLOSURE_STAGE_LABELS[s]).join('、')}</Descriptions.Item>
      <Descriptions.Item label={zh.catalogue.owner} span={column}>
        {item.local ? <RegionName code={item.regionCode} /> : zh.catalogue.ownerProvince}
      </Descriptions.Item>
    </Descriptions>
  );
}
