// The export formats, in a module light enough for pages to import.
export const exportFormats = ["docx", "pdf", "html", "md", "akn"] as const;
export type ExportFormat = (typeof exportFormats)[number];
