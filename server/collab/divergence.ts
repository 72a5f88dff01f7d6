// Papers whose document in memory is ahead of the database: it holds an applied update that will
// not be stored (or not yet). Until that document is unloaded nobody may join it (a client would
// be told it has everything); the next load comes from the database. With `rebuild`, clients
// start from it afresh (what they saw is not the paper's text); otherwise they keep their copies
// and send back what it lacks, the unstored update included (its author never had it acknowledged).
import type { Document, Extension, Hocuspocus } from "@hocuspocus/server";
import { CLOSE } from "@/lib/collab/wire";
import { closeAll } from "./access";
import type { CollabConnection, CollabContext } from "./context";
import { dropShadow } from "./guard/judge-update";

export class Divergence implements Extension {
  extensionName = "Divergence";
  private readonly papers = new Set<string>();
  private instance?: Hocuspocus<CollabContext>;

  async onConfigure({ instance }: { instance: Hocuspocus<CollabContext> }) {
    this.instance = instance;
  }

  /** Whether this paper's document may not be joined until it has been reloaded. */
  has(paperId: string): boolean {
    return this.papers.has(paperId);
  }

  /** Closes every connection to the document and unloads it, so that it is loaded again from the database. */
  diverge(document: Document, { rebuild }: { rebuild: boolean }): void {
    if (!this.papers.has(document.name)) {
      console.error(`collab: paper ${document.name} is ahead of the database; reloading it from storage`);
    }
    this.papers.add(document.name);
    dropShadow(document);
    closeAll(document.getConnections() as CollabConnection[], rebuild ? CLOSE.updateRefused : CLOSE.storageUnavailable);
    void this.instance?.unloadDocument(document);
  }

  /** Unloads diverged documents whose last connection has gone (called by the periodic sweep). */
  async unloadAbandoned(): Promise<void> {
    for (const paperId of this.papers) {
      const document = this.instance?.documents.get(paperId);
      if (!document) this.papers.delete(paperId);
      else if (document.getConnectionsCount() === 0) await this.instance?.unloadDocument(document);
    }
  }

  async afterUnloadDocument({ documentName }: { documentName: string }) {
    this.papers.delete(documentName);
  }
}
