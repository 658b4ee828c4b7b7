import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Space } from 'antd';
import { ZHEJIANG_CODE, regionLevel, type CatalogueItemView, type DomainKey, type RegionLevel } from '@gongkai/shared';
import { zh } from '../../../locale/zh';
import { useAuth } from '../../../services/auth';
import { applyApiError, applyZodIssues } from '../../../services/form-errors';
import { createCatalogueItem, updateCatalogueItem } from '../service';
import { CatalogueItemForm } from './CatalogueItemForm';
import { fromItem, newItemValues, parseItem, updateBody, type ItemFormValues } from './item-form-values';

/** What the drawer edits: a new item of a domain, or an existing item. */
export type ItemTarget = { mode: 'create'; domain: DomainKey } | { mode: 'edit'; item: CatalogueItemView };

/** Props of CatalogueItemDrawer. */
export interface CatalogueItemDrawerProps {
  target: ItemTarget | null;
  onClose: () => void;
  onSaved: (item: CatalogueItemView) => void;
}

const FIELDS = ['regionCode', 'domain', 'code', 'category', 'name', 'contentElements', 'basis', 'timeLimit', 'publisher', 'channels', 'otherChannel', 'audience', 'audienceNote', 'mode', 'levels', 'stages'];

/**
 * Who owns a new item: a county or township official's own region (fixed); above that, a county or township
 * picked in scope (a province official may also pick the province itself for a province item).
 */
export function ownerChoice(regionCode: string): { fixed: string } | { within: string; levels: RegionLevel[] } {
  const level = regionLevel(regionCode);
  if (level === 'county' || level === 'township') return { fixed: regionCode };
  return { within: regionCode, levels: regionCode === ZHEJIANG_CODE ? ['province', 'county', 'township'] : ['county', 'township'] };
}

/**
 * Adds a local catalogue item or edits one (a new version). The whole item is checked with the shared
 * CatalogueItemInputSchema before sending; its issues, and the server's, are shown on their fields.
 */
export function CatalogueItemDrawer({ target, onClose, onSaved }: CatalogueItemDrawerProps) {
  const { user } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const owner = ownerChoice(user?.regionCode ?? ZHEJIANG_CODE);
  const initial = !target
    ? undefined
    : target.mode === 'edit'
      ? fromItem(target.item)
      : newItemValues(target.domain, 'fixed' in owner ? owner.fixed : undefined);

  useEffect(() => {
    setError(null);
    if (initial) {
      form.resetFields();
      form.setFieldsValue(initial);
    }
    // A new target (not a new render) starts the form over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  const save = async () => {
    if (!target) return;
    setError(null);
    const values = form.getFieldsValue(true) as ItemFormValues;
    try {
      await form.validateFields();
    } catch {
      // Field rules report as you type; the schema below reports everything at once.
    }
    const parsed = parseItem(values);
    if (!parsed.success) {
      const rest = applyZodIssues(form, parsed.error.issues);
      if (rest.length) setError(rest.join(zh.request.fieldSeparator));
      return;
    }
    if (target.mode === 'create' && !values.regionCode) {
      form.setFields([{ name: 'regionCode', errors: [zh.users.regionRequired] }]);
      return;
    }
    setSaving(true);
    try {
      if (target.mode === 'create') {
        const item = await createCatalogueItem({ ...parsed.data, regionCode: values.regionCode! });
        void message.success(zh.catalogue.created(item.code));
        onSaved(item);
      } else {
        const item = await updateCatalogueItem(target.item.id, updateBody(parsed.data));
        void message.success(item.version === target.item.version ? zh.catalogue.unchanged : zh.catalogue.updated(item.version));
        onSaved(item);
      }
    } catch (err) {
      setError(applyApiError(form, err, { fields: FIELDS, byCode: { CONFLICT: ['code'] } }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={!!target}
      width={760}
      title={target?.mode === 'edit' ? zh.catalogue.editTitle(target.item.code) : zh.catalogue.createTitle}
      onClose={onClose}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{zh.common.cancel}</Button>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {zh.common.save}
          </Button>
        </Space>
      }
    >
      {error ? <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <CatalogueItemForm
        form={form}
        initialValues={initial ?? newItemValues('land-acquisition')}
        editing={target?.mode === 'edit'}
        owner={target?.mode === 'create' && 'within' in owner ? owner : undefined}
      />
    </Drawer>
  );
}
