// A paper's history in words (lib/i18n/history.ts): each action and its details as a sentence in
// the viewer's language, and a plain sentence, never raw keys, when details are not as expected.
import { describe, expect, it } from "vitest";
import { describeHistoryEvent } from "@/lib/i18n/history";
import { translator } from "@/lib/i18n/translate";

const formatDate = (d: Date) => d.toISOString().slice(0, 10);
const en = { t: translator("en"), locale: "en" as const, formatDate };
const fr = { t: translator("fr"), locale: "fr" as const, formatDate };

describe("describeHistoryEvent", () => {
  it("tells a status change with translated status names", () => {
    const event = { action: "paper.status_changed", details: { from: "draft", to: "consultation" } };
    expect(describeHistoryEvent(event, en).sentence).toBe("Status changed from Draft to Consultation");
    expect(describeHistoryEvent(event, fr).sentence).toBe("Statut modifié\u202f: de Projet à Consultation");
  });

  it("names a state in the viewer's language and keeps the reason as a note", () => {
    const event = {
      action: "position.recorded",
      details: { partner: "Senegal", value: "object", reason: "Paragraph 3" },
      partnerIso3: "SEN",
    };
    expect(describeHistoryEvent(event, en)).toEqual({
      sentence: "Position of Senegal recorded: Object",
      notes: ["Reason: Paragraph 3"],
    });
    expect(describeHistoryEvent(event, fr)).toEqual({
      sentence: "Position enregistrée pour Sénégal\u202f: Objecte",
      notes: ["Motif\u202f: Paragraph 3"],
    });
  });

  it("tells a round's opening with its procedure and deadline", () => {
    const event = {
      action: "round.opened",
      details: { revision: 2, procedure: "silence", deadline: "2026-12-18T12:00:00.000Z" },
    };
    expect(describeHistoryEvent(event, en).sentence).toBe(
      "Approval round opened on Rev.2 (silence procedure), deadline 2026-12-18",
    );
  });

  it("falls back to a plain sentence for unknown actions or unexpected details, never raw keys", () => {
    for (const event of [
      { action: "paper.status_changed", details: { from: "draft", to: "nowhere" } },
      { action: "round.opened", details: { revision: 1, procedure: "consensus", deadline: "not a date" } },
      { action: "something.else", details: { to: "x" } },
      { action: "paper.created", details: null },
    ]) {
      expect(describeHistoryEvent(event, en)).toEqual({ sentence: "Recorded change", notes: [] });
    }
  });
});
