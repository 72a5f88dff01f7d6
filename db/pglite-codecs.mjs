// How bytea crosses into and out of PGlite. PGlite speaks Postgres's text format and its own
// bytea codec builds one string per byte (`Array.from(bytes).map(b => b.toString(16)…)`): 4 MiB
// of updates held the embedded database for seconds (bench:hostile). Node's hex codec does the
// same work natively, about 9× faster to store and 5× faster to read (bench/hostile/README.md).
// Plain JavaScript: the database thread (pglite-worker.mjs) loads it as is.
import { Buffer } from "node:buffer";

const BYTEA = 17;

/** @param {Uint8Array} bytes */
function byteaToText(bytes) {
  if (!(bytes instanceof Uint8Array)) throw new Error("Invalid input for bytea type");
  return `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`;
}

/** @param {string} text Postgres's hex form, `\x…` */
function byteaFromText(text) {
  // A Uint8Array of its own (not a view of Node's shared pool), so that posting it to another
  // thread copies these bytes only.
  const bytes = new Uint8Array((text.length - 2) >>> 1);
  Buffer.from(bytes.buffer).write(text.slice(2), 0, "hex");
  return bytes;
}

/** PGlite options: bytea through Node's native hex codec. */
export const byteaCodecs = {
  serializers: { [BYTEA]: byteaToText },
  parsers: { [BYTEA]: byteaFromText },
};
