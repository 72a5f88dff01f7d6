// A comment's text as written: plain text, where http(s) links become links and @mentions of
// members are emphasised. Built from React text nodes only, so whatever the body contains
// (markup, scripts) is shown as text, never interpreted.
import type { ReactNode } from "react";

const LINK = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/giu;

function withMentions(text: string, names: readonly string[], key: string): ReactNode[] {
  if (names.length === 0 || !text.includes("@")) return [text];
  const sorted = [...names].sort((a, b) => b.length - a.length);
  const out: ReactNode[] = [];
  let rest = text;
  let i = 0;
  while (rest.length > 0) {
    const at = rest.indexOf("@");
    if (at < 0) break;
    const after = rest.slice(at + 1).toLowerCase();
    const name = sorted.find((n) => after.startsWith(n.toLowerCase()));
    if (!name) {
      out.push(rest.slice(0, at + 1));
      rest = rest.slice(at + 1);
      continue;
    }
    if (at > 0) out.push(rest.slice(0, at));
    out.push(
      <strong key={`${key}-m${i++}`} className="mention">
        @{rest.slice(at + 1, at + 1 + name.length)}
      </strong>,
    );
    rest = rest.slice(at + 1 + name.length);
  }
  if (rest) out.push(rest);
  return out;
}

export function CommentBody({ body, memberNames }: { body: string; memberNames: readonly string[] }) {
  const parts: ReactNode[] = [];
  let last = 0;
  let i = 0;
  for (const match of body.matchAll(LINK)) {
    const start = match.index ?? 0;
    if (start > last) parts.push(...withMentions(body.slice(last, start), memberNames, `t${i}`));
    parts.push(
      <a key={`l${i}`} href={match[0]} rel="noopener noreferrer nofollow" target="_blank" className="underline">
        {match[0]}
      </a>,
    );
    last = start + match[0].length;
    i++;
  }
  if (last < body.length) parts.push(...withMentions(body.slice(last), memberNames, `t${i}`));
  return <p className="comment-body whitespace-pre-wrap break-words">{parts}</p>;
}
