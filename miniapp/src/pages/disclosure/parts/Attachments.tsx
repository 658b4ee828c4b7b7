import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AttachmentRef } from '@gongkai/shared';
import { isWeapp } from '../../../config';
import { attachmentUrl } from '../../../services/disclosures';
import { messageFor, zh } from '../../../i18n/zh';
import { FOCUSABLE } from '../../../components/a11y';

/**
 * Opens an attachment in the mini-program: images in the image viewer, documents (PDF, Word, Excel) through
 * `downloadFile` + `openDocument`. Rejects with a Chinese message when it cannot.
 */
async function openInWeapp(url: string, a: AttachmentRef): Promise<void> {
  if (a.mime.startsWith('image/')) {
    await Taro.previewImage({ urls: [url], current: url });
    return;
  }
  const res = await Taro.downloadFile({ url });
  if (res.statusCode !== 200) throw new Error(messageFor(res.statusCode === 404 ? 'NOT_FOUND' : 'NETWORK'));
  await Taro.openDocument({ filePath: res.tempFilePath, showMenu: true });
}

/**
 * The attachments of the version shown, with name and size. In the mini-program a tap opens them in
 * WeChat's viewers; on H5 each is a plain link the browser opens (PDF viewer, image).
 */
export default function Attachments({ disclosureId, items }: { disclosureId: string; items: readonly AttachmentRef[] }) {
  const [error, setError] = useState<string | null>(null);
  if (items.length === 0) return null;
  return (
    <View className='attachments'>
      <Text className='gk-heading'>{zh.detail.attachmentsHeading}</Text>
      {items.map((a) => {
        const url = attachmentUrl(disclosureId, a.id);
        const label = (
          <>
            <Text className='attachment__kind'>{zh.detail.fileKind(a.mime)}</Text>
            <Text className='attachment__name'>{a.name}</Text>
            <Text className='attachment__size'>{zh.size(a.size)}</Text>
          </>
        );
        return process.env.TARO_ENV === 'h5' ? (
          <a key={a.id} className='attachment' href={url} target='_blank' rel='noopener noreferrer' data-id={a.id}>
            {label}
          </a>
        ) : (
          <View
            key={a.id}
            className='attachment'
            role='link' {...FOCUSABLE}
            data-id={a.id}
            onClick={() => {
              setError(null);
              if (isWeapp()) openInWeapp(url, a).catch((e: unknown) => setError(e instanceof Error && e.message ? e.message : messageFor('NETWORK')));
            }}
          >
            {label}
          </View>
        );
      })}
      {error && (
        <View className='gk-error' role='alert'>
          {error}
        </View>
      )}
    </View>
  );
}
