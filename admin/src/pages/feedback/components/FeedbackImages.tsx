import { useEffect, useState } from 'react';
import { Image, Space, Spin } from 'antd';
import type { AdminFeedbackDetail } from '@gongkai/shared';
import { imageUrl } from '../service';

/** The resident's images, fetched with the official's token (the admin image endpoint) and shown as thumbnails. */
export function FeedbackImages({ item }: { item: Pick<AdminFeedbackDetail, 'id' | 'images'> }) {
  const [urls, setUrls] = useState<string[]>();
  useEffect(() => {
    let live = true;
    const made: string[] = [];
    Promise.all(item.images.map((img) => imageUrl(item.id, img.id).then((u) => (made.push(u), u)).catch(() => ''))).then((xs) => live && setUrls(xs.filter(Boolean)));
    return () => {
      live = false;
      made.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [item.id, item.images]);
  if (!item.images.length) return <span>-</span>;
  if (!urls) return <Spin size="small" />;
  return (
    <Image.PreviewGroup>
      <Space wrap>
        {urls.map((u, i) => (
          <Image key={u} src={u} width={96} height={96} style={{ objectFit: 'cover' }} alt={`图片${i + 1}`} />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
