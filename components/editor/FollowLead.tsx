"use client";
// "Follow the chair": a toggle that keeps the leader's paragraph in view and highlighted, as the
// projected screen of a UN room; the leader's own client publishes its place; the chair hands
// the lead on or takes it back. Who leads is stamped by the server on the leader's presence
// (awareness-identity.ts); a page learns whether it is itself the leader from the server only: the
// lead rendered with the page, then the server's stateless messages.
import type { Editor } from "@tiptap/core";
import { useActionState, useEffect, useRef, useState } from "react";
import { handLeadAction } from "@/app/actions/live-session";
import { decodeStateless, LEAD_FIELD, type LeadState, type SessionLead } from "@/lib/collab/wire";
import { followLeadKey, followLeadPlugin, placeInText, placeOf } from "@/lib/editor/follow-lead";
import { isPresenceUser, type PresenceUser } from "@/lib/editor/presence";
import { fill } from "@/lib/i18n/fill";
import type { liveSessionEn } from "@/lib/i18n/messages/live-session";
import { editorIn, watchEditor } from "./mounted-editor";
import type { Session } from "./session";

export type FollowLeadLabels = (typeof liveSessionEn)["liveSession"];
type Member = { id: string; name: string; partner: string };
type Leader = { user: PresenceUser; place: number | null; self: boolean };

/** How often, at most, the leader's client publishes its place (ms). */
const PUBLISH_EVERY_MS = 200;

/** The live note for a follower: where the leader is, numbered as the document numbers its paragraphs. */
function leaderNote(editor: Editor, place: number, name: string, labels: FollowLeadLabels): string {
  const where = placeInText(editor.state, place);
  if (!where) return "";
  if ("paragraph" in where) return fill(labels.leaderAt, { name, n: where.paragraph });
  return where.after > 0 ? fill(labels.leaderAfter, { name, n: where.after }) : fill(labels.leaderAtStart, { name });
}

function leaderIn(session: Session, selfId: string): Leader | null {
  for (const [clientId, state] of session.provider.awareness?.getStates() ?? []) {
    const lead = state[LEAD_FIELD] as LeadState | undefined;
    if (!lead?.leading || !isPresenceUser(state.user)) continue;
    const self = clientId === session.provider.awareness?.clientID || state.user.id === selfId;
    return { user: state.user as PresenceUser, place: lead.place ?? null, self };
  }
  return null;
}

export function FollowLead({
  session,
  paperId,
  userId,
  lead: renderedLead,
  canHandLead,
  candidates,
  labels,
}: {
  session: Session;
  paperId: string;
  userId: string;
  /** Who led when the page was rendered (server/domain/live-session.ts). */
  lead: SessionLead;
  canHandLead: boolean;
  /** Whom the lead may be handed to (the policy's `paper.takeLead`, asked on the server). */
  candidates: Member[];
  labels: FollowLeadLabels;
}) {
  const root = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(false);
  const [leader, setLeader] = useState<Leader | null>(null);
  // Who leads, as the server last said: with the page (again after the chair's own hand-over,
  // which re-renders it), then in its stateless messages.
  const [lead, setLead] = useState(renderedLead);
  const [note, setNote] = useState("");
  const [state, handAction, pending] = useActionState(handLeadAction, null);
  const { leaderId: renderedLeaderId, handed: renderedHanded } = renderedLead;
  useEffect(() => setLead({ leaderId: renderedLeaderId, handed: renderedHanded }), [renderedLeaderId, renderedHanded]);

  // Track who leads; when told the lead changed, publish our presence again to be re-stamped.
  useEffect(() => {
    const { provider } = session;
    const update = () => setLeader(leaderIn(session, userId));
    const onStateless = ({ payload }: { payload: string }) => {
      const message = decodeStateless(payload);
      if (message?.type !== "lead") return;
      setLead({ leaderId: message.leaderId, handed: message.handed });
      provider.setAwarenessField(LEAD_FIELD, { ...(provider.awareness?.getLocalState()?.[LEAD_FIELD] ?? {}) });
    };
    provider.on("awarenessChange", update);
    provider.on("stateless", onStateless);
    update();
    return () => {
      provider.off("awarenessChange", update);
      provider.off("stateless", onStateless);
    };
  }, [session, userId]);

  // Publish our place as the selection moves (throttled): only the leader's is used by others.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = watchEditor(
      () => root.current,
      (editor) => {
        const publish = () => {
          timer = null;
          if (!editor.isDestroyed) session.provider.setAwarenessField(LEAD_FIELD, { place: placeOf(editor.state) });
        };
        const onSelection = () => {
          timer ??= setTimeout(publish, PUBLISH_EVERY_MS);
        };
        if (!followLeadKey.getState(editor.state)) editor.registerPlugin(followLeadPlugin());
        editor.on("selectionUpdate", onSelection);
        onSelection();
        return () => editor.off("selectionUpdate", onSelection);
      },
    );
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [session]);

  // This page's user leads: the server said so (a client never sees the stamp on its own presence).
  const selfLeads = lead.leaderId === userId;
  const followed = leader && !leader.self && !selfLeads ? leader : null;
  // Following: highlight the leader's paragraph and bring it into view, leaving our selection alone.
  const place = following && followed ? followed.place : null;
  const leaderName = followed?.user.name ?? "";
  useEffect(() => {
    const editor = editorIn(root.current);
    if (!editor || !followLeadKey.getState(editor.state)) return;
    editor.view.dispatch(editor.state.tr.setMeta(followLeadKey, place).setMeta("addToHistory", false));
    setNote(place === null ? "" : leaderNote(editor, place, leaderName, labels));
    if (place === null) return;
    const block = editor.view.dom.children.item(place);
    block?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [place, leaderName, labels]);

  const role = followed && lead.handed && followed.user.id === lead.leaderId ? labels.roleLead : labels.roleChair;
  const leadHandedTo = lead.handed ? lead.leaderId : null;
  const others = candidates.filter((m) => m.id !== userId);

  return (
    <div ref={root} className="follow-lead flex flex-wrap items-center gap-2" data-testid="follow-lead">
      {followed && (
        <button
          type="button"
          className="btn btn-secondary"
          aria-pressed={following}
          onClick={() => setFollowing((on) => !on)}
        >
          {fill(labels.follow, { name: leaderName, role })}
        </button>
      )}
      {selfLeads && (
        <p className="muted text-sm" data-testid="you-lead">
          {labels.youLead}
        </p>
      )}
      <p aria-live="polite" className="sr-only">
        {note}
      </p>
      {canHandLead && (
        <form action={handAction} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="paperId" value={paperId} />
          <label htmlFor="hand-lead-to" className="text-sm">
            {labels.handTo}
          </label>
          <select
            key={leadHandedTo ?? ""}
            id="hand-lead-to"
            name="userId"
            className="input"
            defaultValue={leadHandedTo ?? ""}
          >
            {others.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.partner})
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-secondary" disabled={pending}>
            {labels.hand}
          </button>
          {leadHandedTo && (
            <button type="submit" name="takeBack" value="1" className="btn btn-secondary" disabled={pending}>
              {labels.takeBack}
            </button>
          )}
        </form>
      )}
      {state && (
        <p role="status" className="text-sm">
          {state.message}
        </p>
      )}
    </div>
  );
}
