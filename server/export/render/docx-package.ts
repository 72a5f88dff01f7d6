// `docx` writes creation dates, zip times and random relationship ids: the package is rewritten
// from the source's stored date so the same revision always gives the same bytes.
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from "fflate";
import { zipTime } from "./zip";

/**
 * Makes the package byte-stable: creation and modification dates from the stored date,
 * random relationship ids renumbered in order of appearance, fixed zip entry times.
 */
export function stabilize(zip: Uint8Array, date: Date): Uint8Array {
  const files = unzipSync(zip);
  const stamp = `${date.toISOString().slice(0, 19)}Z`;
  const randomIds = new Map<string, string>();
  // docx names hyperlink (and some other) relationships with 21-character random ids.
  const renumber = (xml: string) =>
    xml.replace(/(Id|r:id|w:id|r:embed)="([^"]+)"/g, (whole, attr: string, id: string) => {
      if (!/^[a-z0-9_-]{21}$/.test(id.replace(/^rId/, ""))) return whole;
      let stable = randomIds.get(id);
      if (!stable) {
        stable = `rIdAccord${randomIds.size + 1}`;
        randomIds.set(id, stable);
      }
      return `${attr}="${stable}"`;
    });
  const names = Object.keys(files).sort((a, b) =>
    a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a.localeCompare(b),
  );
  // Relationship files last seen: renumber the document first so ids follow reading order.
  const ordered = [...names.filter((n) => !n.endsWith(".rels")), ...names.filter((n) => n.endsWith(".rels"))];
  const rewritten = new Map<string, Uint8Array>();
  for (const name of ordered) {
    const data = files[name] as Uint8Array;
    if (!/\.(xml|rels)$/.test(name)) {
      rewritten.set(name, data);
      continue;
    }
    let xml = strFromU8(data);
    if (name === "docProps/core.xml") {
      xml = xml
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
    }
    rewritten.set(name, strToU8(renumber(xml)));
  }
  const mtime = zipTime(date, { seconds: true });
  const out: Zippable = {};
  for (const name of names) out[name] = [rewritten.get(name) as Uint8Array, { mtime, level: 6 }];
  return zipSync(out);
}
