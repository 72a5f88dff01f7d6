export declare const byteaCodecs: {
  serializers: Record<number, (value: unknown) => string>;
  parsers: Record<number, (text: string) => Uint8Array>;
};
