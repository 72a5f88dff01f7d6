// The DOCX import's limits, in a module light enough for the import form and its server action
// (the reader itself, ./docx.ts, loads mammoth).
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Total uncompressed size accepted: a small file that inflates to gigabytes is refused. */
export const IMPORT_MAX_UNCOMPRESSED = 200 * 1024 * 1024;
