import { Extension, Node, type Extensions } from '@tiptap/core';
import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import Image from '@tiptap/extension-image';
import Italic from '@tiptap/extension-italic';
import Link from '@tiptap/extension-link';
import { BulletList, ListItem } from '@tiptap/extension-list';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { Placeholder, UndoRedo } from '@tiptap/extensions';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { isAllowedLinkHref } from '@charla/protocol';

/** A `{{variable}}` template in the text, as the playbook's renderer fills it in. */
const TEMPLATE = /\{\{\s*[\w.]+\s*\}\}/g;

/**
 * `{{variable}}` templates drawn as chips. A decoration only: the text stays plain text, which is
 * what the rich-text AST holds and the server fills in.
 */
const TemplateChips = Extension.create({
  name: 'templateChips',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('templateChips'),
        props: {
          decorations(state) {
            const chips: Decoration[] = [];
            state.doc.descendants((node, pos) => {
              if (!node.isText || !node.text) return;
              for (const match of node.text.matchAll(TEMPLATE)) {
                const from = pos + (match.index ?? 0);
                chips.push(Decoration.inline(from, from + match[0].length, { class: 'rte-var' }));
              }
            });
            return DecorationSet.create(state.doc, chips);
          },
        },
      }),
    ];
  },
});

/**
 * A line break inside a paragraph or list item (Shift+Enter, a pasted `<br>`): the AST holds it as
 * "\n" in the text (editor-doc.ts), which every client shows as a line break.
 */
const HardBreak = Node.create({
  name: 'hardBreak',
  inline: true,
  group: 'inline',
  selectable: false,
  parseHTML: () => [{ tag: 'br' }],
  renderHTML: () => ['br'],
  renderText: () => '\n',
  addKeyboardShortcuts() {
    return {
      'Shift-Enter': () =>
        this.editor.commands.command(({ tr, dispatch }) => {
          if (dispatch) tr.replaceSelectionWith(this.type.create()).scrollIntoView();
          return true;
        }),
    };
  },
});

/**
 * Exactly R7's set — paragraphs, flat bullet lists, images; bold, italic, links — so nothing
 * else can be typed or pasted (pasted HTML keeps only these), and line breaks within them.
 * Ctrl+B and Ctrl+I come with their marks, Shift+Enter breaks the line, Ctrl+Z / Ctrl+Shift+Z
 * with the history, Ctrl+K asks for a link through `onLinkShortcut`.
 */
export function richTextExtensions(options: {
  placeholder: string;
  onLinkShortcut: () => void;
  /** `{{variable}}` chips: playbook texts have them; a chat message is sent as written. */
  templates?: boolean;
}): Extensions {
  return [
    Document,
    Paragraph,
    Text,
    HardBreak,
    Bold,
    Italic,
    Link.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      protocols: ['mailto'],
      isAllowedUri: (url) => isAllowedLinkHref(url),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
    }),
    BulletList,
    // R7's lists are flat: an item holds one paragraph, never a list (Tab leaves the editor).
    ListItem.extend({ content: 'paragraph' }),
    Image.configure({ inline: false, allowBase64: false }),
    UndoRedo,
    Placeholder.configure({ placeholder: options.placeholder }),
    Extension.create({
      name: 'linkShortcut',
      addKeyboardShortcuts: () => ({
        'Mod-k': () => {
          options.onLinkShortcut();
          return true;
        },
      }),
    }),
    ...(options.templates === false ? [] : [TemplateChips]),
  ];
}
