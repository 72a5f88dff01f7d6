// The DOCX import's limits, in a module light enough for the import form and its server action
// (the reader itself, ./docx.ts, loads mammoth).
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Total uncompressed size accepted, counted as inflated (declared sizes can lie). */
export const IMPORT_MAX_UNCOMPRESSED = 200 * 1024 * 1024;
/** Parts (zip entries) accepted; a Word document has a few dozen, with images a few hundred. */
export const IMPORT_MAX_ENTRIES = 2_000;
/** Tracked changes (suggestions) one file may carry; more is refused, never cut short. */
export const IMPORT_MAX_SUGGESTIONS = 2_000;
/** Word comments (threads and replies together) one file may carry; more is refused. */
export const IMPORT_MAX_COMMENTS = 2_000;
/** Comment threads one file may open; more is refused. */
export const IMPORT_MAX_THREADS = 500;
/** Characters of a Word comment's text kept: the app's comment limit (COMMENT_MAX_LENGTH). */
export const IMPORT_MAX_COMMENT_CHARS = 10_000;
/** Characters of a Word author's name kept (w:author). */
export const IMPORT_MAX_WORD_AUTHOR = 200;
