// Arabic strings of the public verify check's limits.

import type { verifyEn } from "../verify";

export const verifyAr: typeof verifyEn = {
  verify: {
    rateLimited: "عمليات تحقق كثيرة جداً من شبكتك في الدقيقة الأخيرة. يرجى الانتظار دقيقة ثم المحاولة مجدداً.",
    busy: "خدمة التحقق منشغلة بالتحقق من ملفات أخرى. يرجى المحاولة مجدداً بعد بضع ثوانٍ.",
  },
};
