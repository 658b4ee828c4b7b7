import { useState } from 'react';
import { App, Button, List, Popconfirm, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { AttachmentRef } from '@gongkai/shared';
import { zh } from '../../../../locale/zh';
import { requestFile, saveFile } from '../../../../services/request';
import { showApiError } from '../../../../services/show-error';
import { deleteAttachment, uploadAttachment } from '../../service';

const t = zh.disclosures.attachments;

/** A file size for people (KB / MB). */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Downloads an attachment with the official's token (drafts and past versions are not public). */
export async function downloadAttachment(disclosureId: string, a: AttachmentRef): Promise<void> {
  saveFile(await requestFile(`/admin/disclosures/${disclosureId}/attachments/${a.id}`, { query: { download: 1 }, fallbackName: a.name }));
}

/** Props of AttachmentsField. */
export interface AttachmentsFieldProps {
  /** The saved draft (uploads go straight into its working copy). */
  disclosureId?: string;
  initial: AttachmentRef[];
  disabled?: boolean;
}

/** 附件: upload (PDF or images, checked by content on the server), download and delete on the draft. */
export function AttachmentsField({ disclosureId, initial, disabled }: AttachmentsFieldProps) {
  const { message } = App.useApp();
  const [items, setItems] = useState<AttachmentRef[]>(initial);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    if (!disclosureId) return;
    setBusy(true);
    try {
      const ref = await uploadAttachment(disclosureId, file);
      setItems((xs) => [...xs, ref]);
      message.success(t.uploaded(ref.name));
    } catch (err) {
      showApiError(message, err);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (a: AttachmentRef) => {
    try {
      await deleteAttachment(disclosureId!, a.id);
      setItems((xs) => xs.filter((x) => x.id !== a.id));
      message.success(t.removed);
    } catch (err) {
      showApiError(message, err);
    }
  };

  return (
    <div>
      <Upload
        accept=".pdf,.jpg,.jpeg,.png,.webp"
        showUploadList={false}
        disabled={!disclosureId || disabled || busy}
        beforeUpload={(f) => {
          void upload(f);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} disabled={!disclosureId || disabled}>
          {t.upload}
        </Button>
      </Upload>
      {!disclosureId ? <Typography.Text type="secondary"> {t.needSave}</Typography.Text> : null}
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t.none }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Popconfirm key="rm" title={`${t.remove}“${a.name}”？`} onConfirm={() => remove(a)} disabled={disabled}>
                <Button size="small" type="link" danger disabled={disabled}>
                  {t.remove}
                </Button>
              </Popconfirm>,
            ]}
          >
            <Button type="link" icon={<PaperClipOutlined />} onClick={() => downloadAttachment(disclosureId!, a).catch((e) => showApiError(message, e))}>
              {a.name}
            </Button>
            <Typography.Text type="secondary">{sizeText(a.size)}</Typography.Text>
          </List.Item>
        )}
      />
    </div>
  );
}
