// Cleaning of pasted HTML before the schema parses it. The schema already drops what it does not
// know; this removes what Word adds that would otherwise come through as text or formatting
// (list bullets typed as text, conditional comments, Office namespaces, mso-* styles).

const WORD_MARKERS = /urn:schemas-microsoft-com:office|class="?Mso|mso-[a-z-]+\s*:/i;

export function isWordHtml(html: string): boolean {
  return WORD_MARKERS.test(html);
}

export function cleanPastedHtml(html: string): string {
  if (!isWordHtml(html)) return html;
  return (
    html
      // Conditional comments and ordinary comments (Word hides list markers and VML in them).
      .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "")
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<(style|xml|script|meta|link|title)\b[\s\S]*?(<\/\1>|\/?>)/gi, "")
      // Word's own list numbers, written as text inside spans marked mso-list:Ignore.
      .replace(/<span\b[^>]*mso-list:\s*Ignore[^>]*>[\s\S]*?<\/span>(\s*<\/span>)?/gi, "")
      // Office-namespaced elements (<o:p>, <w:…>, <v:…>): keep their text, drop the tags.
      .replace(/<\/?[a-z]+:[a-z]+\b[^>]*>/gi, "")
      // Word's styling lives in class and style attributes; its formatting uses <b>, <i>, <u>.
      .replace(/\s(class|style|lang)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, "")
  );
}
