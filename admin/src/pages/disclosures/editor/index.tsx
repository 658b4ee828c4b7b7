import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Row, Skeleton, Space } from 'antd';
import type { AdminDisclosureDetail, CatalogueItemView, DomainKey } from '@gongkai/shared';
import { useNavigate, useParams } from 'react-router-dom';
import { LoadError, PageContainer } from '../../../components/PageContainer';
import { RegionName } from '../../../components/RegionName';
import { useApi } from '../../../hooks/useApi';
import { zh } from '../../../locale/zh';
import { useAuth } from '../../../services/auth';
import { applyApiError } from '../../../services/form-errors';
import { StatusTags } from '../components/StatusTags';
import { catalogueItem, createDisclosure, getDisclosure, submitDisclosure, updateDisclosure } from '../service';
import { saveChecklist, useChecklist } from './checklist';
import { AttachmentsField } from './components/AttachmentsField';
import { ContentFields } from './components/ContentFields';
import { ItemPanel } from './components/ItemPanel';
import { ItemSelector, unitLevel } from './components/ItemSelector';
import { FORM_FIELDS, createBodyOf, editableContent, formValuesOf, updateBodyOf, type DisclosureFormValues } from './form-values';

const t = zh.disclosures.editor;

/** A working copy may be edited unless it waits for its publication time or the disclosure was withdrawn. */
const editable = (d?: AdminDisclosureDetail) => !d || (d.status !== 'withdrawn' && d.workingCopy?.state !== 'scheduled');

/**
 * The disclosure editor (`/disclosures/new`, `/disclosures/:id/edit`): driven by the catalogue item (its
 * checklist, basis, time limit and the server's due date), saving drafts, and submitting for review.
 */
export default function DisclosureEditorPage() {
  const { id } = useParams();
  const detail = useApi((signal) => (id ? getDisclosure(id, signal) : Promise.resolve(undefined)), [id]);
  if (id && detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  if (id && !detail.data) return <Skeleton active />;
  return <EditorForm key={id ?? 'new'} detail={detail.data} />;
}

function EditorForm({ detail }: { detail?: AdminDisclosureDetail }) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { user } = useAuth();
  const [form] = Form.useForm<DisclosureFormValues>();
  const id = detail?.id;
  const [item, setItem] = useState<CatalogueItemView>();
  const [checked, setChecked] = useChecklist(id);
  const [dueAt, setDueAt] = useState(detail?.workingCopy?.dueAt ?? (detail?.firstPublishedAt ? undefined : detail?.dueAt));
  const [busy, setBusy] = useState<'save' | 'submit'>();
  const [error, setError] = useState<string | null>(null);
  const regionCode = Form.useWatch('regionCode', form);
  const domain = Form.useWatch('domain', form) as DomainKey | undefined;
  const eventDate = Form.useWatch('eventDate', form);
  const canEdit = editable(detail);

  // A stored disclosure: the exact catalogue version it was made under.
  const stored = useApi((signal) => (detail ? catalogueItem(detail.catalogueItemId, detail.catalogueVersion, signal) : Promise.resolve(undefined)), [detail?.id]);
  useEffect(() => {
    if (stored.data) setItem(stored.data);
  }, [stored.data]);

  const initial: Partial<DisclosureFormValues> = detail
    ? formValuesOf(detail)
    : { regionCode: unitLevel(user?.regionCode) ? user?.regionCode : undefined, title: '', body: '', tables: [], relatedIds: [] };

  /** Saves (creates or patches) and returns the id; shows problems next to their fields. */
  const save = async (): Promise<string | undefined> => {
    setError(null);
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return undefined;
    const values = { ...form.getFieldsValue(true), ...v } as DisclosureFormValues;
    try {
      if (!id) {
        const created = await createDisclosure(createBodyOf(values));
        saveChecklist(created.id, checked);
        return created.id;
      }
      const s = await updateDisclosure(id, updateBodyOf(values));
      setDueAt(s.working?.dueAt);
      return id;
    } catch (err) {
      setError(applyApiError(form, err, { fields: FORM_FIELDS, byCode: { FORBIDDEN: ['regionCode'] } }));
      return undefined;
    }
  };

  const onSave = async () => {
    setBusy('save');
    const saved = await save();
    setBusy(undefined);
    if (!saved) return;
    message.success(t.saved);
    if (!id) navigate(`/disclosures/${saved}/edit`, { replace: true });
  };

  const doSubmit = async () => {
    setBusy('submit');
    const saved = await save();
    if (saved) {
      try {
        await submitDisclosure(saved);
        message.success(t.submitted);
        navigate(`/disclosures/${saved}`);
      } catch (err) {
        setError(applyApiError(form, err, { fields: FORM_FIELDS }));
      }
    }
    setBusy(undefined);
  };
  const onSubmit = () => {
    const missing = item ? item.contentElements.filter((e) => !checked.includes(e)).length : 0;
    if (missing) modal.confirm({ title: t.checklistMissing(missing), okText: t.submit, cancelText: zh.common.cancel, onOk: doSubmit });
    else void doSubmit();
  };

  const content = detail ? editableContent(detail) : undefined;
  return (
    <PageContainer
      title={detail ? t.editTitle : t.newTitle}
      description={detail ? <Space>{detail.title}<StatusTags d={detail} /><RegionName code={detail.regionCode} /></Space> : undefined}
      extra={
        <>
          {id ? <Button onClick={() => navigate(`/disclosures/${id}?tab=preview`)}>{t.preview}</Button> : null}
          <Button onClick={onSave} loading={busy === 'save'} disabled={!canEdit || !!busy}>
            {t.save}
          </Button>
          <Button type="primary" onClick={onSubmit} loading={busy === 'submit'} disabled={!canEdit || !!busy}>
            {t.submit}
          </Button>
        </>
      }
    >
      {!canEdit ? <Alert type="warning" showIcon message={t.notEditable} style={{ marginBottom: 16 }} /> : null}
      {detail?.workingCopy?.returned ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t.returned(detail.workingCopy.returned.by.username, detail.workingCopy.returned.comment)} />
      ) : null}
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Form form={form} layout="vertical" initialValues={initial} disabled={!canEdit} onValuesChange={() => setError(null)}>
            <Card size="small" style={{ marginBottom: 16 }} title={t.step1}>
              {detail ? (
                <Space direction="vertical">
                  <RegionName code={detail.regionCode} />
                  <span>{item ? `${item.code} ${item.category} · ${item.name}` : detail.catalogueItemId}</span>
                </Space>
              ) : (
                <ItemSelector regionCode={regionCode} domain={domain} onItemPicked={setItem} />
              )}
            </Card>
            <ContentFields item={item} disclosureId={id} disabled={!canEdit} />
            <Form.Item label={zh.disclosures.attachments.title}>
              <AttachmentsField disclosureId={id} initial={content?.attachments ?? []} disabled={!canEdit} />
            </Form.Item>
          </Form>
        </Col>
        <Col xs={24} xl={8}>
          <div style={{ position: 'sticky', top: 16 }}>
            {item ? <ItemPanel item={item} checked={checked} onCheck={setChecked} dueAt={dueAt} saved={!!id} hasEventDate={!!eventDate} /> : null}
          </div>
        </Col>
      </Row>
    </PageContainer>
  );
}
