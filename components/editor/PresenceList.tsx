// Who is in the paper now, this page's user first; each state named in the viewer's language.
import { partnerLabel } from "@/lib/countries";
import { fill } from "@/lib/i18n/fill";
import type { Locale } from "@/lib/i18n/locales";
import type { EditorLabels } from "./labels";
import type { Peer } from "./session";

export function PresenceList({ peers, labels, locale }: { peers: Peer[]; labels: EditorLabels; locale: Locale }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="muted" id="presence-label">
        {labels.presence}
      </span>
      <ul className="presence-list" aria-labelledby="presence-label">
        {peers.map((peer) => (
          <li key={peer.id} className="presence-entry" data-user-id={peer.id}>
            <span className="presence-dot" style={{ backgroundColor: peer.color }} aria-hidden="true" />
            {fill(labels.presenceEntry, {
              name: peer.name,
              partner: partnerLabel({ name: peer.partner, iso3: peer.iso3 }, locale),
            })}
            {peer.self && <span className="muted"> ({labels.you})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
