"use client";
// A link to a paragraph (#para-7, as search results give) lands on it in the stored text; when the
// live editor replaces that text, the browser does not scroll again, so this brings the paragraph
// back into view once the editor shows it.
import { useEffect } from "react";

const PARAGRAPH_ADDRESS = /^#para-\d{1,6}$/;

export function useParagraphAddress(loaded: boolean): void {
  useEffect(() => {
    if (!loaded || !PARAGRAPH_ADDRESS.test(window.location.hash)) return;
    const id = window.location.hash.slice(1);
    // The editor draws its paragraph numbers (and their ids) once the text is laid out, which
    // takes a moment on a slow machine: look for a few seconds, then give up.
    const started = Date.now();
    const timer = setInterval(() => {
      const target = document.querySelector(`.paper-editor-content #${CSS.escape(id)}`);
      if (target) target.scrollIntoView({ block: "start" });
      if (target || Date.now() - started > 10_000) clearInterval(timer);
    }, 100);
    return () => clearInterval(timer);
  }, [loaded]);
}
