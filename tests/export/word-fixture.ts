// Word files written by hand, as Word itself writes tracked changes and comments: w:ins / w:del
// runs (w:delText), comment ranges and references, comments.xml with w14:paraId, and
// commentsExtended.xml with replies (w15:paraIdParent) and done threads. For the import tests.
import { strToU8, zipSync } from "fflate";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS = `xmlns:w="${W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"`;

export const esc = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const run = (text: string, props = "") =>
  `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
export const ins = (id: number, author: string, text: string, props = "") =>
  `<w:ins w:id="${id}" w:author="${esc(author)}" w:date="2026-11-02T09:30:00Z">${run(text, props)}</w:ins>`;
export const del = (id: number, author: string, text: string) =>
  `<w:del w:id="${id}" w:author="${esc(author)}" w:date="2026-11-02T09:31:00Z"><w:r><w:delText xml:space="preserve">${esc(text)}</w:delText></w:r></w:del>`;
export const rangeStart = (id: number) => `<w:commentRangeStart w:id="${id}"/>`;
export const rangeEnd = (id: number) =>
  `<w:commentRangeEnd w:id="${id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>`;
export const reference = (id: number) => `<w:r><w:commentReference w:id="${id}"/></w:r>`;
export const paragraph = (inner: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}${inner}</w:p>`;

export type WordComment = {
  id: number;
  author: string;
  text: string;
  date?: string;
  /** Reply to the comment with this id (commentsExtended.xml). */
  parent?: number;
  done?: boolean;
};

const paraId = (id: number) => (0x10000000 + id).toString(16).toUpperCase();

/** A DOCX package: the body's XML, and its comments (with replies and done flags) if any. */
export function wordFile(
  body: string,
  comments: WordComment[] = [],
  extraParts: Record<string, string> = {},
): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/_rels/document.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${
        comments.length
          ? `<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rId6" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/>`
          : ""
      }</Relationships>`,
    ),
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ),
  };
  if (comments.length) {
    files["word/comments.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${NS}>${comments
        .map(
          (c) =>
            `<w:comment w:id="${c.id}" w:author="${esc(c.author)}" w:date="${c.date ?? "2026-11-03T10:00:00Z"}" w:initials="X">${c.text
              .split("\n")
              .map(
                (line, i, all) =>
                  `<w:p${i === all.length - 1 ? ` w14:paraId="${paraId(c.id)}"` : ""}><w:r><w:annotationRef/></w:r>${run(line)}</w:p>`,
              )
              .join("")}</w:comment>`,
        )
        .join("")}</w:comments>`,
    );
    files["word/commentsExtended.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx ${NS}>${comments
        .map(
          (c) =>
            `<w15:commentEx w15:paraId="${paraId(c.id)}"${c.parent !== undefined ? ` w15:paraIdParent="${paraId(c.parent)}"` : ""} w15:done="${c.done ? 1 : 0}"/>`,
        )
        .join("")}</w15:commentsEx>`,
    );
  }
  for (const [name, xml] of Object.entries(extraParts)) files[name] = strToU8(xml);
  return zipSync(files);
}
