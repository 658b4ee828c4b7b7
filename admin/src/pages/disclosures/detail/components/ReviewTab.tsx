import { useState } from 'react';
import { Alert, App, Button, DatePicker, Divider, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import type { AdminDisclosureDetail } from '@gongkai/shared';
import dayjs, { type Dayjs } from 'dayjs';
import { zh } from '../../../../locale/zh';
import { useAccess } from '../../../../services/access';
import { useAuth } from '../../../../services/auth';
import { applyApiError } from '../../../../services/form-errors';
import { Nothing } from '../../components/ContentBlocks';
import { approveDisclosure, returnDisclosure } from '../../service';
import { DiffView } from './DiffView';

const t = zh.disclosures.review;

/** 审核 tab: the diff against the published version, then approve now / schedule, or return with a comment. */
export function ReviewTab({ d, onDone }: { d: AdminDisclosureDetail; onDone: () => void }) {
  const { message } = App.useApp();
  const access = useAccess();
  const { user } = useAuth();
  const [approveForm] = Form.useForm<{ when: 'now' | 'later'; publishAt?: Dayjs; comment?: string }>();
  const [returnForm] = Form.useForm<{ comment: string }>();
  const [returning, setReturning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const when = Form.useWatch('when', approveForm);
  const w = d.workingCopy;
  if (!w) return <Nothing text={t.notPending} />;
  const own = !!user && w.authors.some((a) => a.id === user.id);
  const reviewable = w.state === 'pending' && access.reviewDisclosures && !own;

  const approve = async () => {
    const v = await approveForm.validateFields().catch(() => undefined);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      const later = v.when === 'later' && v.publishAt;
      // The picked wall-clock time is China time, whatever the browser's zone (as every time the console shows).
      const publishAt = later ? `${v.publishAt!.format('YYYY-MM-DDTHH:mm')}:00+08:00` : undefined;
      await approveDisclosure(d.id, { ...(publishAt ? { publishAt } : {}), comment: v.comment?.trim() || undefined });
      message.success(later ? t.scheduled : t.approved);
      onDone();
    } catch (err) {
      setError(applyApiError(approveForm, err, { fields: ['publishAt', 'comment'] }));
    } finally {
      setBusy(false);
    }
  };
  const doReturn = async () => {
    const v = await returnForm.validateFields().catch(() => undefined);
    if (!v) return;
    try {
      await returnDisclosure(d.id, v.comment);
      message.success(t.returnedDone);
      setReturning(false);
      onDone();
    } catch (err) {
      const rest = applyApiError(returnForm, err, { fields: ['comment'] });
      if (rest) message.error(rest);
    }
  };

  return (
    <div>
      <Typography.Title level={5}>{t.diffTitle(d.published?.version ?? null, w.version)}</Typography.Title>
      <DiffView before={d.published} after={w} />
      <Divider />
      {w.state !== 'pending' ? <Alert type="info" showIcon message={t.notPending} /> : null}
      {w.state === 'pending' && !access.reviewDisclosures ? <Alert type="info" showIcon message={t.notReviewer} /> : null}
      {w.state === 'pending' && access.reviewDisclosures && own ? <Alert type="warning" showIcon message={t.ownWork} /> : null}
      {error ? <Alert type="error" showIcon message={error} style={{ margin: '12px 0' }} /> : null}
      {reviewable || (w.state === 'scheduled' && access.reviewDisclosures) ? (
        <Form form={approveForm} name="approve" layout="vertical" initialValues={{ when: 'now' }} style={{ maxWidth: 560, marginTop: 12 }}>
          {reviewable ? (
            <>
              <Form.Item name="when" label={t.approve}>
                <Radio.Group options={[{ value: 'now', label: t.approveNow }, { value: 'later', label: t.schedule }]} />
              </Form.Item>
              {when === 'later' ? (
                <Form.Item name="publishAt" label={t.publishAt} rules={[{ required: true, message: t.publishAtRequired }]}>
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(x) => x.isBefore(dayjs(), 'day')} />
                </Form.Item>
              ) : null}
              <Form.Item name="comment" label={t.comment}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          ) : null}
          <Space>
            {reviewable ? (
              <Button type="primary" loading={busy} onClick={approve}>
                {t.approve}
              </Button>
            ) : null}
            <Button danger onClick={() => setReturning(true)}>
              {t.return}
            </Button>
          </Space>
        </Form>
      ) : null}
      <Modal open={returning} title={t.return} okText={t.return} cancelText={zh.common.cancel} onOk={doReturn} onCancel={() => setReturning(false)} destroyOnHidden>
        <Form form={returnForm} name="return" layout="vertical" preserve={false}>
          <Form.Item name="comment" label={t.returnComment} rules={[{ required: true, whitespace: true, message: t.returnCommentRequired }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
