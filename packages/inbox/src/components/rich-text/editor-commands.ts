import type { Editor } from '@tiptap/core';
import type { ActiveFormats } from './rich-text-editing';

// What the playbook card editor and the inbox composer do the same way with their editor.

/** The formats of the selection, for the toolbar's pressed buttons. */
export function activeFormats(editor: Editor | null): ActiveFormats {
  return {
    bold: editor?.isActive('bold') ?? false,
    italic: editor?.isActive('italic') ?? false,
    link: editor?.isActive('link') ?? false,
    list: editor?.isActive('bulletList') ?? false,
    image: false,
  };
}

/** A link on the selection, or, with nothing selected, the address itself as a link. */
export function insertLink(editor: Editor, url: string): void {
  const { empty } = editor.state.selection;
  if (empty)
    editor
      .chain()
      .focus()
      .insertContent({ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] })
      .run();
  else editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
}

/** Bold, italic or the list on the selection; a link's button on a link removes it (else: ask). */
export function toggleFormat(editor: Editor, command: 'bold' | 'italic' | 'list' | 'link'): 'ask' | null {
  if (command === 'bold') editor.chain().focus().toggleBold().run();
  else if (command === 'italic') editor.chain().focus().toggleItalic().run();
  else if (command === 'list') editor.chain().focus().toggleBulletList().run();
  else if (editor.isActive('link')) editor.chain().focus().extendMarkRange('link').unsetLink().run();
  else return 'ask';
  return null;
}
