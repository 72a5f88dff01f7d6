// Cadenas de los límites de la verificación pública, en español.
import type { verifyEn } from "../verify";

export const verifyEs: typeof verifyEn = {
  verify: {
    rateLimited: "Demasiadas verificaciones desde su red en el último minuto. Espere un minuto y vuelva a intentarlo.",
    busy: "El servicio de verificación está ocupado comprobando otros archivos. Vuelva a intentarlo dentro de unos segundos.",
  },
};
