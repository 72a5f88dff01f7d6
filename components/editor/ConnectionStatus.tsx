// The line that says whether the text is connected, syncing, saved or read-only (a live status
// region; `data-state` carries the kind for styles and tests).
import type { EditorLabels } from "./labels";
import type { Connection } from "./session";

type StatusKind = "offline" | "syncing" | "saved" | "connecting";

export function ConnectionStatus({
  connection,
  refused,
  loaded,
  synced,
  editable,
  unsynced,
  labels,
}: {
  connection: Connection;
  refused: boolean;
  loaded: boolean;
  synced: boolean;
  editable: boolean;
  unsynced: number;
  labels: EditorLabels["status"];
}) {
  let status: string;
  let statusKind: StatusKind;
  if (connection !== "connected" || refused) {
    status = loaded ? labels.offline : labels.connecting;
    statusKind = loaded ? "offline" : "connecting";
  } else if (!synced) {
    status = loaded ? labels.syncing : labels.connecting;
    statusKind = loaded ? "syncing" : "connecting";
  } else if (!editable) {
    status = labels.readOnly;
    statusKind = "saved";
  } else if (unsynced > 0) {
    status = labels.syncing;
    statusKind = "syncing";
  } else {
    status = labels.saved;
    statusKind = "saved";
  }
  return (
    <p role="status" className={`connection-status connection-${statusKind}`} data-state={statusKind}>
      <span className="connection-dot" aria-hidden="true" />
      {status}
    </p>
  );
}
