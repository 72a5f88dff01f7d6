// How many structs (Yjs items and deletion markers) an update carries, read from its bytes
// without building them. Yjs's own cost to integrate an update follows its items, not its bytes:
// under the 1 MiB frame limit an update can hold tens of thousands of one-character items, which
// take Yjs most of a second to apply. The count stops as soon as it passes the limit, so asking
// costs at most the limit's worth of reading.
import * as decoding from "lib0/decoding";

/**
 * Structs one update may carry. A 30-page paper pasted from Word is a few thousand (a block, its
 * text, a run of characters per formatting change, the formatting marks); an editor coming back
 * from hours offline sends its typing merged into runs.
 */
export const MAX_UPDATE_STRUCTS = 20_000;

const skip = (decoder: decoding.Decoder, bytes: number) => {
  decoder.pos += bytes;
  if (decoder.pos > decoder.arr.length) throw new RangeError("update ends early");
};
const skipString = (decoder: decoding.Decoder) => skip(decoder, decoding.readVarUint(decoder));
const skipId = (decoder: decoding.Decoder) => {
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
};

/** lib0's `any` encoding, as Yjs writes attribute values and ContentAny. */
function skipAny(decoder: decoding.Decoder): void {
  const type = decoding.readUint8(decoder);
  switch (type) {
    case 125:
      decoding.readVarInt(decoder);
      return;
    case 124:
      skip(decoder, 4);
      return;
    case 123:
    case 122:
      skip(decoder, 8);
      return;
    case 119:
    case 116:
      skipString(decoder);
      return;
    case 118:
      for (let n = decoding.readVarUint(decoder); n > 0; n--) {
        skipString(decoder);
        skipAny(decoder);
      }
      return;
    case 117:
      for (let n = decoding.readVarUint(decoder); n > 0; n--) skipAny(decoder);
      return;
    default:
      if (type < 116) throw new RangeError("unknown value type");
  }
}

/** One struct of Yjs's update format (v1), as `readClientsStructRefs` reads it. */
function skipStruct(decoder: decoding.Decoder): void {
  const info = decoding.readUint8(decoder);
  const ref = info & 0b11111;
  if (ref === 0 || ref === 10) {
    decoding.readVarUint(decoder); // GC or Skip: a length
    return;
  }
  if (info & 0b10000000) skipId(decoder); // origin
  if (info & 0b01000000) skipId(decoder); // right origin
  if ((info & 0b11000000) === 0) {
    if (decoding.readVarUint(decoder) === 1) skipString(decoder);
    else skipId(decoder);
    if (info & 0b00100000) skipString(decoder); // parentSub
  }
  switch (ref) {
    case 1: // deleted
      decoding.readVarUint(decoder);
      return;
    case 2: // JSON
      for (let n = decoding.readVarUint(decoder); n > 0; n--) skipString(decoder);
      return;
    case 3: // binary
    case 4: // string
    case 5: // embed
      skipString(decoder);
      return;
    case 6: // format: key, value
      skipString(decoder);
      skipString(decoder);
      return;
    case 7: {
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef === 3 || typeRef === 5) skipString(decoder); // XmlElement, XmlHook: node name
      return;
    }
    case 8: // any
      for (let n = decoding.readVarUint(decoder); n > 0; n--) skipAny(decoder);
      return;
    case 9: // subdocument
      skipString(decoder);
      skipAny(decoder);
      return;
    default:
      throw new RangeError("unknown content");
  }
}

/**
 * Whether the update carries more than `limit` structs. A malformed update answers false: the
 * guard refuses it when Yjs cannot read it either.
 */
export function carriesMoreStructsThan(update: Uint8Array, limit: number): boolean {
  const decoder = decoding.createDecoder(update);
  let total = 0;
  try {
    for (let clients = decoding.readVarUint(decoder); clients > 0; clients--) {
      const structs = decoding.readVarUint(decoder);
      total += structs;
      if (total > limit) return true;
      skipId(decoder); // client, first clock
      for (let i = 0; i < structs; i++) skipStruct(decoder);
    }
  } catch {
    return false;
  }
  return false;
}
