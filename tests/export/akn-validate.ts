// Validates Akoma Ntoso against the OASIS schema with libxml2 compiled to wasm (xmllint's engine
// and messages, no Debian binary needed). The schema is compiled once per test file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { XmlDocument, XsdValidator } from "libxml2-wasm";
import { xmlRegisterFsInputProviders } from "libxml2-wasm/lib/nodejs.mjs";
import { aknSchemaDir } from "./tools";

let validator: XsdValidator | undefined;

function schema(): XsdValidator {
  if (validator) return validator;
  xmlRegisterFsInputProviders();
  const file = path.join(aknSchemaDir(), "akomantoso30.xsd");
  const doc = XmlDocument.fromString(readFileSync(file, "utf8"), { url: file });
  validator = XsdValidator.fromDoc(doc);
  return validator;
}

/** Throws with libxml2's messages when the XML is not valid Akoma Ntoso 3.0. */
export function validateAkn(xml: string): void {
  const doc = XmlDocument.fromString(xml);
  try {
    schema().validate(doc);
  } finally {
    doc.dispose();
  }
}
