// Strings of the public verify check's limits, in both languages; spread into en.ts and fr.ts.
export const verifyEn = {
  verify: {
    rateLimited: "Too many checks from your network in the last minute. Wait a minute, then try again.",
    busy: "The verify service is busy checking other files. Try again in a few seconds.",
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const verifyFr: Widen<typeof verifyEn> = {
  verify: {
    rateLimited:
      "Trop de vérifications depuis votre réseau au cours de la dernière minute. Attendez une minute, puis réessayez.",
    busy: "Le service de vérification est occupé à contrôler d’autres fichiers. Réessayez dans quelques secondes.",
  },
};
