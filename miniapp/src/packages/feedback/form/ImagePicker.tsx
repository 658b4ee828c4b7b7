import { useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { FEEDBACK_IMAGE_TYPES, FEEDBACK_LIMITS } from '@gongkai/shared';
import { isWeapp } from '../../../config';
import { uploadImage, type PickedImage } from '../../../services/feedback';
import { toApiError } from '../../../services/request';
import { zh } from '../../../i18n/zh';
import { BUTTON } from '../../../components/a11y';

/** An uploaded image of the form. */
export interface FormImage {
  id: string;
  preview: string;
}

/** Picks images: WeChat's picker on weapp; a file input on H5 (created on the tap, never in the page). */
function pick(max: number): Promise<PickedImage[]> {
  if (isWeapp()) {
    return Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] }).then(
      (r) => r.tempFilePaths.map((path) => ({ preview: path, path })),
      () => [],
    );
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = FEEDBACK_IMAGE_TYPES.join(',');
    input.multiple = max > 1;
    input.style.display = 'none';
    input.onchange = () => {
      const files = Array.from(input.files ?? []).slice(0, max);
      input.remove();
      resolve(files.map((file) => ({ preview: URL.createObjectURL(file), file })));
    };
    document.body.appendChild(input);
    input.click();
  });
}

/**
 * Up to 3 images: previews with 删除, and 添加图片 while there is room. Each picked image is uploaded at once
 * (`POST /api/v1/feedback/images`); the form submits only their ids. Upload problems show in words.
 */
export default function ImagePicker({ images, onChange }: { images: readonly FormImage[]; onChange: (next: FormImage[]) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const room = FEEDBACK_LIMITS.images - images.length;

  const add = async () => {
    setError(null);
    const picked = await pick(room);
    if (picked.length === 0) return;
    setBusy(true);
    let next = [...images];
    try {
      for (const p of picked) {
        const up = await uploadImage(p);
        next = [...next, { id: up.id, preview: p.preview }];
        onChange(next);
      }
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='image-picker' data-testid='images'>
      <Text className='form-label'>{zh.form.imagesLabel(images.length, FEEDBACK_LIMITS.images)}</Text>
      <View className='image-picker__list'>
        {images.map((img, i) => (
          <View key={img.id} className='image-picker__item' data-id={img.id}>
            <Image className='image-picker__img' src={img.preview} mode='aspectFill' ariaLabel={zh.form.imageAlt(i + 1)} />
            <Button {...BUTTON} className='gk-button image-picker__remove' onClick={() => onChange(images.filter((x) => x.id !== img.id))}>
              {zh.form.removeImage}
            </Button>
          </View>
        ))}
      </View>
      {room > 0 && (
        <Button {...BUTTON} className='gk-button image-picker__add' aria-disabled={busy ? 'true' : undefined} onClick={() => (busy ? undefined : void add())}>
          {busy ? zh.form.uploading : `+ ${zh.form.addImage}`}
        </Button>
      )}
      {error && (
        <View className='gk-error' role='alert'>
          {error}
        </View>
      )}
    </View>
  );
}
