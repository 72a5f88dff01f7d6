// The DOCX import's limits, in a module light enough for the import form and its server action
// (the reader itself, ./docx.ts, loads mammoth).
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Total uncompressed size accepted, counted as inflated (declared sizes can lie). */
export const IMPORT_MAX_UNCOMPRESSED = 200 * 1024 * 1024;
/** Parts (zip entries) accepted; a Word document has a few dozen, with images a few hundred. */
export const IMPORT_MAX_ENTRIES = 2_000;
