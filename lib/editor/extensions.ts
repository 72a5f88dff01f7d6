// The document schema of a paper, shared by the browser editor and the server (conversion of
// stored JSON to Yjs, snapshots, exports). Collaboration and UI-only extensions are added on top
// in the browser; anything that changes the schema belongs here. Nothing here may need a DOM.
import { type AnyExtension, Extension, mergeAttributes, Node } from "@tiptap/core";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { isAgreementPartners, isAgreementStatus, isAgreementUntil } from "../document";
import { PARAGRAPH_ID, paragraphIdBlockTypes } from "../paragraph-ids";
import { annotationExtensions } from "./annotations";

/** Only these link targets are ever stored or rendered. */
export const allowedLinkProtocols = ["http", "https", "mailto"] as const;

export function isAllowedHref(href: string): boolean {
  try {
    const url = new URL(href);
    return (allowedLinkProtocols as readonly string[]).includes(url.protocol.replace(/:$/, ""));
  } catch {
    return false;
  }
}

/** Longest footnote text accepted; a note is a sentence or two, not a second document. */
export const FOOTNOTE_MAX_LENGTH = 2000;

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    agreement: {
      /**
       * Sets the negotiation status of the selected paragraphs and headings (null: pending), with
       * the delegations concerned and the ad referendum date; both are cleared when not given.
       */
      setAgreement: (
        value: "agreed" | "bracketed" | "adRef" | null,
        details?: { partners?: string[]; until?: string | null },
      ) => ReturnType;
    };
    footnote: {
      /** Inserts a footnote with this text at the selection. */
      insertFootnote: (content: string) => ReturnType;
      /** Changes the text of the selected footnote. */
      updateFootnote: (content: string) => ReturnType;
    };
  }
}

/**
 * A footnote: an inline atom holding its own plain text. Views number the notes in document
 * order (CSS counter in the editor, an explicit count in DocumentView and exports), so moving
 * text renumbers them without touching the stored notes.
 */
export const Footnote = Node.create({
  name: "footnote",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      content: {
        default: "",
        parseHTML: (element) => (element.getAttribute("data-footnote") ?? "").slice(0, FOOTNOTE_MAX_LENGTH),
        renderHTML: (attributes) => ({ "data-footnote": String(attributes.content ?? "") }),
      },
    };
  },

  parseHTML() {
    return [{ tag: "sup[data-footnote]" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    // The number itself is generated content; the title lets pointer users read the note in place.
    return ["sup", mergeAttributes({ class: "footnote-ref", title: String(node.attrs.content ?? "") }, HTMLAttributes)];
  },

  renderText({ node }) {
    return ` [${String(node.attrs.content ?? "")}]`;
  },

  addCommands() {
    return {
      insertFootnote:
        (content) =>
        ({ commands }) => {
          const text = content.trim().slice(0, FOOTNOTE_MAX_LENGTH);
          if (!text) return false;
          return commands.insertContent({ type: this.name, attrs: { content: text } });
        },
      updateFootnote:
        (content) =>
        ({ commands }) => {
          const text = content.trim().slice(0, FOOTNOTE_MAX_LENGTH);
          if (!text) return false;
          return commands.updateAttributes(this.name, { content: text });
        },
    };
  },
});

/** Block types that can carry a negotiation mark. */
export const agreementBlockTypes = ["paragraph", "heading"] as const;

/**
 * Paragraph-level negotiation status: agreed, [bracketed] (not agreed) and "ad ref" (agreed
 * pending confirmation by capitals), stored as the `agreement` attribute of the block (null:
 * pending), with `agreementPartners` (delegations holding the brackets / to confirm) and
 * `agreementUntil` (the ad referendum date). Only `paper.markAgreement` changes them (write guard).
 */
export const Agreement = Extension.create({
  name: "agreement",
  addGlobalAttributes() {
    return [
      {
        types: [...agreementBlockTypes],
        attributes: {
          agreement: {
            default: null,
            parseHTML: (element) => {
              const value = element.getAttribute("data-agreement");
              return isAgreementStatus(value) ? value : null;
            },
            renderHTML: (attributes) =>
              attributes.agreement ? { "data-agreement": String(attributes.agreement) } : {},
          },
          agreementPartners: {
            default: null,
            parseHTML: (element) => {
              const value = element.getAttribute("data-agreement-partners")?.split(" ") ?? null;
              return isAgreementPartners(value) && value.length > 0 ? value : null;
            },
            renderHTML: (attributes) =>
              isAgreementPartners(attributes.agreementPartners) && attributes.agreementPartners.length > 0
                ? { "data-agreement-partners": attributes.agreementPartners.join(" ") }
                : {},
          },
          agreementUntil: {
            default: null,
            parseHTML: (element) => {
              const value = element.getAttribute("data-agreement-until");
              return isAgreementUntil(value) ? value : null;
            },
            renderHTML: (attributes) =>
              isAgreementUntil(attributes.agreementUntil) ? { "data-agreement-until": attributes.agreementUntil } : {},
          },
        },
      },
    ];
  },
  addCommands() {
    return {
      setAgreement:
        (value, details) =>
        ({ commands }) => {
          const attributes = {
            agreement: value,
            agreementPartners: value && details?.partners?.length ? details.partners : null,
            agreementUntil: value === "adRef" ? (details?.until ?? null) : null,
          };
          const results = agreementBlockTypes.map((type) => commands.updateAttributes(type, attributes));
          return results.some(Boolean);
        },
    };
  },
});

/**
 * Stable paragraph identity (lib/paragraph-ids.ts): the `pid` attribute of paragraphs and
 * headings. Not written to or read from HTML, so copying a paragraph never copies its id, and not
 * kept on the new half when a block is split (the editor's ParagraphIds plugin gives it a fresh
 * one). The write guard checks its shape.
 */
export const ParagraphIdentity = Extension.create({
  name: "paragraphIdentity",
  addGlobalAttributes() {
    return [
      {
        types: [...paragraphIdBlockTypes],
        attributes: {
          [PARAGRAPH_ID]: {
            default: null,
            keepOnSplit: false,
            parseHTML: () => null,
            renderHTML: () => ({}),
          },
        },
      },
    ];
  },
});

export function documentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Yjs carries history per user; ProseMirror's own would undo others' edits.
      undoRedo: false,
      heading: { levels: [2, 3, 4] },
      link: {
        openOnClick: false,
        autolink: true,
        protocols: [...allowedLinkProtocols],
        defaultProtocol: "https",
        isAllowedUri: (url) => isAllowedHref(url),
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    Footnote,
    Agreement,
    ParagraphIdentity,
    // Comment anchors and suggestions, inline and block (lib/editor/annotations.ts).
    ...annotationExtensions,
  ];
}
