import { chinaTime } from '../../../../services/time';
import { Alert, Card, Checkbox, Descriptions, Progress, Space, Tag, Typography } from 'antd';
import { CATALOGUE_LEVEL_LABELS, DISCLOSURE_MODE_LABELS, type CatalogueItemView } from '@gongkai/shared';
import { TimeLimitView } from '../../../../components/catalogue/CatalogueItemDetails';
import { zh } from '../../../../locale/zh';

const t = zh.disclosures.editor;

/** Props of ItemPanel. */
export interface ItemPanelProps {
  item: CatalogueItemView;
  /** Content elements the editor has ticked. */
  checked: string[];
  onCheck: (elements: string[]) => void;
  /** The server's due date of the saved working copy (undefined before a save or without an event date). */
  dueAt?: string;
  saved: boolean;
  hasEventDate: boolean;
}

/**
 * The catalogue item beside the form: its required content elements as a checklist, its legal basis and
 * time limit (with the machine rule), and the due date the server computed for the saved draft.
 */
export function ItemPanel({ item, checked, onCheck, dueAt, saved, hasEventDate }: ItemPanelProps) {
  const done = item.contentElements.filter((e) => checked.includes(e)).length;
  const all = item.contentElements.length;
  return (
    <Card size="small" title={`${item.code} ${item.name}`} extra={<Tag>{zh.catalogue.version(item.version)}</Tag>}>
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <div>
          <Typography.Text strong>{t.checklist}</Typography.Text>
          <Progress percent={all ? Math.round((done / all) * 100) : 100} size="small" format={() => t.checklistHint(done, all)} />
          <Checkbox.Group value={checked} onChange={(v) => onCheck(v as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            {item.contentElements.map((e) => (
              <Checkbox key={e} value={e}>
                {e}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </div>
        <Descriptions size="small" column={1} bordered styles={{ label: { width: 88 } }}>
          <Descriptions.Item label={t.timeLimit}>
            <TimeLimitView timeLimit={item.timeLimit} />
          </Descriptions.Item>
          <Descriptions.Item label={t.basis}>
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {item.basis.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </Descriptions.Item>
          <Descriptions.Item label={zh.catalogue.f.publisher}>{item.publisher}</Descriptions.Item>
          <Descriptions.Item label={zh.catalogue.f.levels}>{item.levels.map((l) => CATALOGUE_LEVEL_LABELS[l]).join('、')}</Descriptions.Item>
          <Descriptions.Item label={zh.catalogue.f.mode}>{DISCLOSURE_MODE_LABELS[item.mode]}</Descriptions.Item>
        </Descriptions>
        {dueAt ? (
          <Alert type="warning" showIcon message={t.dueAt(chinaTime(dueAt, 'YYYY年M月D日 HH:mm'))} data-testid="due-at" />
        ) : (
          <Alert type="info" showIcon message={saved && !hasEventDate ? t.dueNone : t.dueAfterSave} />
        )}
      </Space>
    </Card>
  );
}
