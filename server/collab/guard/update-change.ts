// What one update changed, read from the Yjs transactions it caused on the shadow document: the
// blocks it added and removed under each container, and which items are new. Built from the
// update's own structs and delete set, so its cost follows the size of the change, never the
// size of the document (a paragraph added to a 5,000-paragraph paper lists one item, not 5,000).
import * as Y from "yjs";
import { type AnyType, refuse } from "./yjs-reading";

/** What the judge needs of a Yjs transaction (the update's, and Yjs's formatting clean-up after it). */
export type AppliedTransaction = Pick<Y.Transaction, "afterState" | "deleteSet">;

export class UpdateChange {
  private readonly statesBefore = new Map<number, number>();
  /** Visible children the update added to a container that existed before it (shadow items). */
  private readonly addedChildren = new Map<AnyType, Y.Item[]>();
  /** Children the update removed from a container, as the live document holds them. */
  private readonly removedChildren = new Map<AnyType, AnyType[]>();
  /** For each item left of an added block: the nearest visible block before it (memoised). */
  private readonly blockBefore = new Map<Y.Item, Y.XmlElement | null>();

  constructor(
    private readonly before: Y.Doc,
    shadow: Y.Doc,
    transactions: AppliedTransaction[],
  ) {
    const stateAfter = new Map<number, number>();
    for (const transaction of transactions) {
      for (const [client, clock] of transaction.afterState) {
        stateAfter.set(client, Math.max(clock, stateAfter.get(client) ?? 0));
      }
    }
    for (const [client, to] of stateAfter) {
      const from = this.stateBefore(client);
      if (to <= from) continue;
      forEachStruct(shadow, client, from, to, (item) => {
        if (item.deleted || item.parentSub !== null || item.parent instanceof Y.XmlText) return;
        listIn(this.addedChildren, item.parent as AnyType).push(item);
      });
    }
    const seen = new Set<Y.Item>();
    for (const { deleteSet } of transactions) {
      for (const [client, ranges] of deleteSet.clients) {
        const before = this.stateBefore(client);
        for (const { clock, len } of ranges) {
          if (clock >= before) continue; // added and deleted by this update: never visible
          forEachStruct(shadow, client, clock, Math.min(clock + len, before), (item) => {
            if (seen.has(item) || item.parentSub !== null || item.parent instanceof Y.XmlText) return;
            seen.add(item);
            const live = Y.getItem(this.before.store, item.id);
            if (!(live instanceof Y.Item) || !(live.content instanceof Y.ContentType)) return;
            listIn(this.removedChildren, item.parent as AnyType).push(live.content.type);
          });
        }
      }
    }
  }

  /** The live document's clock for a client before the update. */
  stateBefore(client: number): number {
    let state = this.statesBefore.get(client);
    if (state === undefined) {
      state = Y.getState(this.before.store, client);
      this.statesBefore.set(client, state);
    }
    return state;
  }

  /** Whether the update added this item (formatting and nodes are one clock long). */
  isNew(item: Y.Item): boolean {
    return item.id.clock >= this.stateBefore(item.id.client);
  }

  /** Visible children the update added to `container` (a type of the shadow that existed before). */
  added(container: AnyType): Y.Item[] {
    return this.addedChildren.get(container) ?? [];
  }

  /** Children the update removed from `container` (a type of the shadow), as the live document has them. */
  removed(container: AnyType): AnyType[] {
    return this.removedChildren.get(container) ?? [];
  }

  /**
   * The nearest visible block before `item` among its siblings after the update, or null. Deleted
   * siblings on the way are remembered, so many added blocks after many removed ones cost their
   * number, not their product.
   */
  blockBeforeItem(item: Y.Item): Y.XmlElement | null {
    const passed: Y.Item[] = [];
    let found: Y.XmlElement | null = null;
    for (let left = item.left; left; left = left.left) {
      const known = this.blockBefore.get(left);
      if (known !== undefined) {
        found = known;
        break;
      }
      if (!left.deleted) {
        if (!(left.content instanceof Y.ContentType)) refuse("non-node content in a block");
        const type = (left.content as Y.ContentType).type;
        if (type instanceof Y.XmlElement) {
          found = type;
          break;
        }
      }
      passed.push(left);
    }
    for (const left of passed) this.blockBefore.set(left, found);
    return found;
  }
}

function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/** Every item of `client` overlapping clocks [from, to) in the document's store. */
function forEachStruct(doc: Y.Doc, client: number, from: number, to: number, visit: (item: Y.Item) => void): void {
  const structs = doc.store.clients.get(client);
  if (!structs || structs.length === 0) return;
  const last = structs[structs.length - 1] as Y.AbstractStruct;
  if (from >= last.id.clock + last.length) return;
  for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
    const struct = structs[i] as Y.AbstractStruct;
    if (struct.id.clock >= to) break;
    if (struct instanceof Y.Item) visit(struct);
  }
}
