// Who is in the paper now, this page's user first.
import { fill } from "@/lib/i18n/fill";
import type { EditorLabels } from "./labels";
import type { Peer } from "./session";

export function PresenceList({ peers, labels }: { peers: Peer[]; labels: EditorLabels }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="muted" id="presence-label">
        {labels.presence}
      </span>
      <ul className="presence-list" aria-labelledby="presence-label">
        {peers.map((peer) => (
          <li key={peer.id} className="presence-entry" data-user-id={peer.id}>
            <span className="presence-dot" style={{ backgroundColor: peer.color }} aria-hidden="true" />
            {fill(labels.presenceEntry, { name: peer.name, partner: peer.partner })}
            {peer.self && <span className="muted"> ({labels.you})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
