import { Form, Input, InputNumber, Modal, Switch } from 'antd';
import { FEEDBACK_LIMITS, FEEDBACK_MAX_EXTENSION_WORKING_DAYS, type AdminFeedbackDetail } from '@gongkai/shared';
import { RegionPicker } from '../../../components/RegionPicker';
import { zh } from '../../../locale/zh';
import { applyApiError } from '../../../services/form-errors';
import { feedbackActions } from '../service';

const t = zh.feedback;

/** The workflow steps an official takes from the detail page. */
export type FeedbackAction = 'accept' | 'reassign' | 'extend' | 'answer' | 'reject' | 'close';

interface Values {
  note?: string;
  regionCode?: string;
  workingDays?: number;
  reason?: string;
  text?: string;
  public?: boolean;
}

/** Props of ActionModal. */
export interface ActionModalProps {
  action?: FeedbackAction;
  item: AdminFeedbackDetail;
  onClose: () => void;
  onDone: (updated: AdminFeedbackDetail, action: FeedbackAction) => void;
  /** Errors that fit no field (shown by the page). */
  onError: (message: string) => void;
}

const required = { required: true, whitespace: true, message: t.required };

/** One dialog for every step: the fields its API takes (note; region; days + reason; answer + public; reason). */
export function ActionModal({ action, item, onClose, onDone, onError }: ActionModalProps) {
  const [form] = Form.useForm<Values>();
  const run = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !action) return;
    try {
      const id = item.id;
      const note = v.note?.trim() || undefined;
      const updated =
        action === 'accept' ? await feedbackActions.accept(id, note)
        : action === 'close' ? await feedbackActions.close(id, note)
        : action === 'reassign' ? await feedbackActions.reassign(id, v.regionCode!, note)
        : action === 'extend' ? await feedbackActions.extend(id, v.workingDays!, v.reason!.trim())
        : action === 'answer' ? await feedbackActions.answer(id, v.text!.trim(), item.public ? v.public : false)
        : await feedbackActions.reject(id, v.reason!.trim());
      onDone(updated, action);
    } catch (err) {
      const rest = applyApiError(form, err, { fields: ['note', 'regionCode', 'workingDays', 'reason', 'text', 'public'] });
      if (rest) onError(rest);
    }
  };

  return (
    <Modal open={!!action} title={action ? t.actions[action] : ''} okText={action ? t.actions[action] : ''} cancelText={zh.common.cancel} onOk={run} onCancel={onClose} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ public: item.public, workingDays: FEEDBACK_MAX_EXTENSION_WORKING_DAYS }}>
        {action === 'reassign' ? (
          <Form.Item name="regionCode" label={t.reassignTo} rules={[{ required: true, message: t.reassignRequired }]}>
            <RegionPicker />
          </Form.Item>
        ) : null}
        {action === 'extend' ? (
          <>
            <Form.Item name="workingDays" label={t.extendDays} rules={[{ required: true, message: t.required }]}>
              <InputNumber min={1} max={FEEDBACK_MAX_EXTENSION_WORKING_DAYS} precision={0} />
            </Form.Item>
            <Form.Item name="reason" label={t.extendReason} rules={[required]}>
              <Input.TextArea rows={3} maxLength={FEEDBACK_LIMITS.reason} showCount />
            </Form.Item>
          </>
        ) : null}
        {action === 'answer' ? (
          <>
            <Form.Item name="text" label={t.answerText} rules={[required]}>
              <Input.TextArea rows={6} maxLength={FEEDBACK_LIMITS.answer} showCount />
            </Form.Item>
            <Form.Item name="public" label={t.answerPublic} valuePropName="checked" extra={item.public ? undefined : t.answerPublicOff}>
              <Switch disabled={!item.public} />
            </Form.Item>
          </>
        ) : null}
        {action === 'reject' ? (
          <Form.Item name="reason" label={t.rejectReason} rules={[required]}>
            <Input.TextArea rows={3} maxLength={FEEDBACK_LIMITS.reason} showCount />
          </Form.Item>
        ) : null}
        {action === 'accept' || action === 'close' || action === 'reassign' ? (
          <Form.Item name="note" label={t.note}>
            <Input.TextArea rows={2} maxLength={FEEDBACK_LIMITS.note} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
