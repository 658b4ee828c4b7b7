import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { RichTextEditorProps } from './RichTextEditor';

// tiptap/ProseMirror is the largest part of the editor page: its own chunk, fetched when the form opens.
const RichTextEditor = lazy(() => import('./RichTextEditor'));

/** The rich-text body control, lazily loaded (a Form.Item control: value/onChange HTML). */
export function BodyField(props: RichTextEditorProps) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 5 }} />}>
      <RichTextEditor {...props} />
    </Suspense>
  );
}
