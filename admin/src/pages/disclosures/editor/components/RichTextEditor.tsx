import { useEffect } from 'react';
import { Button, Space, Tooltip } from 'antd';
import {
  BoldOutlined,
  FontSizeOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  RedoOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { zh } from '../../../../locale/zh';
import './rich-text.css';

const t = zh.disclosures.rte;

/** Props of the rich-text body editor (an antd Form.Item control). */
export interface RichTextEditorProps {
  value?: string;
  onChange?: (html: string) => void;
  placeholder?: string;
  id?: string;
}

/**
 * The body editor: tiptap's starter kit limited to what the server's sanitizer keeps (paragraphs, h2–h4,
 * bold/italic/underline/strike, lists, quotes, rules and http(s) links; no code blocks or images). The HTML is
 * sanitized again by the server on save. Loaded lazily (BodyField), so only the editor page pays for it.
 */
export default function RichTextEditor({ value, onChange, placeholder, id }: RichTextEditorProps) {
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        link: { openOnClick: false, protocols: ['http', 'https', 'mailto', 'tel'], defaultProtocol: 'https' },
      }),
    ],
    content: value ?? '',
    editorProps: { attributes: { class: 'gk-rte', 'aria-label': placeholder ?? '', ...(id ? { id } : {}), role: 'textbox', 'aria-multiline': 'true' } },
    onUpdate: ({ editor: e }) => onChange?.(e.getHTML()),
  });

  // A new value from outside (the form loaded a stored disclosure) replaces the document.
  useEffect(() => {
    // useEditor may hand out an instance it has since destroyed (re-created on mount): never touch that one.
    if (!editor || editor.isDestroyed || value === undefined) return;
    if (value !== editor.getHTML()) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      underline: e?.isActive('underline') ?? false,
      h2: e?.isActive('heading', { level: 2 }) ?? false,
      bullet: e?.isActive('bulletList') ?? false,
      ordered: e?.isActive('orderedList') ?? false,
      link: e?.isActive('link') ?? false,
    }),
  });

  const chain = () => editor!.chain().focus();
  const live = !!editor && !editor.isDestroyed;
  const tool = (title: string, icon: React.ReactNode, active: boolean | undefined, run: () => void) => (
    <Tooltip title={title} key={title}>
      <Button size="small" type={active ? 'primary' : 'text'} icon={icon} aria-label={title} aria-pressed={!!active} onClick={run} disabled={!live} />
    </Tooltip>
  );
  const link = () => {
    const prev = editor?.getAttributes('link').href as string | undefined;
    const href = window.prompt(t.linkPrompt, prev ?? 'https://');
    if (href === null) return;
    if (!href || href === 'https://') chain().extendMarkRange('link').unsetLink().run();
    else chain().extendMarkRange('link').setLink({ href }).run();
  };

  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 6 }}>
      <Space size={2} wrap style={{ padding: 4, borderBottom: '1px solid #f0f0f0', width: '100%' }}>
        {tool(t.bold, <BoldOutlined />, state?.bold, () => chain().toggleBold().run())}
        {tool(t.italic, <ItalicOutlined />, state?.italic, () => chain().toggleItalic().run())}
        {tool(t.underline, <UnderlineOutlined />, state?.underline, () => chain().toggleUnderline().run())}
        {tool(t.h2, <FontSizeOutlined />, state?.h2, () => chain().toggleHeading({ level: 2 }).run())}
        {tool(t.bullet, <UnorderedListOutlined />, state?.bullet, () => chain().toggleBulletList().run())}
        {tool(t.ordered, <OrderedListOutlined />, state?.ordered, () => chain().toggleOrderedList().run())}
        {tool(t.link, <LinkOutlined />, state?.link, link)}
        {tool(t.undo, <UndoOutlined />, false, () => chain().undo().run())}
        {tool(t.redo, <RedoOutlined />, false, () => chain().redo().run())}
      </Space>
      <EditorContent editor={editor} style={{ minHeight: 200, padding: '4px 11px' }} />
    </div>
  );
}
