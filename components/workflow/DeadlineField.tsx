"use client";
// A deadline chosen in the user's own time zone, sent to the server as an exact instant.
import { useState } from "react";

function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function DeadlineField({ label, help, defaultDays = 7 }: { label: string; help: string; defaultDays?: number }) {
  const [local, setLocal] = useState(() => toLocalInput(new Date(Date.now() + defaultDays * 86_400_000)));
  const instant = local ? new Date(local) : null;
  const iso = instant && !Number.isNaN(instant.getTime()) ? instant.toISOString() : "";
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div>
      <label htmlFor="round-deadline">{label}</label>
      <input
        id="round-deadline"
        type="datetime-local"
        required
        value={local}
        onChange={(e) => setLocal(e.target.value)}
        aria-describedby="round-deadline-help"
      />
      <input type="hidden" name="deadline" value={iso} />
      <p id="round-deadline-help" className="muted">
        {help} ({zone})
      </p>
    </div>
  );
}
