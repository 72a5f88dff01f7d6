// Independent readers of the exported files. Missing tools fail loudly (CI installs them:
// apt-get install -y pandoc poppler-utils libxml2-utils fonts-noto-core).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const work = mkdtempSync(path.join(tmpdir(), "accord-export-test-"));
let counter = 0;

export function toFile(bytes: Uint8Array, ext: string): string {
  counter += 1;
  const file = path.join(work, `file-${counter}.${ext}`);
  writeFileSync(file, bytes);
  return file;
}

function run(tool: string, args: string[], debianPackage: string): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`${tool} is not installed: apt-get install -y ${debianPackage} (the export tests need it)`);
    }
    throw error;
  }
}

export const pandoc = (args: string[]) => run("pandoc", args, "pandoc");
export const pdftotext = (file: string) => run("pdftotext", ["-enc", "UTF-8", file, "-"], "poppler-utils");
export const pdfinfo = (file: string) => run("pdfinfo", [file], "poppler-utils");
export const pdftotextPage = (file: string, page: number) =>
  run("pdftotext", ["-enc", "UTF-8", "-f", String(page), "-l", String(page), file, "-"], "poppler-utils");
export const pdffonts = (file: string) => run("pdffonts", [file], "poppler-utils");

/** pdftotext adds direction marks around right-to-left text: strip them before comparing. */
export const stripBidi = (text: string) => text.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, "");

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The OASIS schema beside the repository (CI: ../shared relative to the repo). */
export function aknSchemaDir(): string {
  const dir = path.resolve(repoRoot, "../shared/schemas/akn");
  if (!existsSync(path.join(dir, "akomantoso30.xsd"))) {
    throw new Error(`Akoma Ntoso schema not found at ${dir}: the shared folder must sit beside the repository`);
  }
  return dir;
}
