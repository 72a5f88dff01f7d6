"use client";
// Leaving the page while `pending` holds (edits the server has not acknowledged) asks first.
import { useEffect, useRef } from "react";

export function useLeaveWarning(pending: boolean): void {
  const current = useRef(false);
  current.current = pending;
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!current.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);
}
