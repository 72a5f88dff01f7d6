// Validates Akoma Ntoso against the OASIS schema in ../shared/schemas/akn with xmllint (Debian's
// libxml2-utils), as the issue asks: an independent reader of the exported XML.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { aknSchemaDir, toFile } from "./tools";

/** Throws with xmllint's messages when the XML is not valid Akoma Ntoso 3.0. */
export function validateAkn(xml: string): void {
  const file = toFile(new TextEncoder().encode(xml), "akn.xml");
  const schema = path.join(aknSchemaDir(), "akomantoso30.xsd");
  try {
    execFileSync("xmllint", ["--noout", "--nonet", "--schema", schema, file], { encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === "ENOENT") {
      throw new Error("xmllint is not installed: apt-get install -y libxml2-utils (the export tests need it)");
    }
    throw new Error(`xmllint: the Akoma Ntoso export does not validate\n${e.stderr ?? e.message}`);
  }
}
