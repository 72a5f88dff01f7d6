// Arabic catalog: same shape as en.ts (checked at compile time), composed like fr.ts.

import type { Messages } from "../en";
import { accountAr } from "./account";
import { accountLinksAr } from "./account-links";
import { commentsAr } from "./comments";
import { compilationAr } from "./compilation";
import { delegationAr } from "./delegation";
import { deskAr } from "./desk";
import { exportsAr } from "./exports";
import { ledgerAr } from "./ledger";
import { liveSessionAr } from "./live-session";
import { mainAr } from "./main";
import { searchAr } from "./search";
import { ssoAr } from "./sso";
import { twoFactorAr } from "./two-factor";
import { verifyAr } from "./verify";
import { versionsAr } from "./versions";
import { workflowAr } from "./workflow";

export const ar: Messages = {
  ...mainAr,
  ...workflowAr,
  ...versionsAr,
  ...deskAr,
  ...liveSessionAr,
  ...exportsAr,
  ...commentsAr,
  ...compilationAr,
  ...delegationAr,
  ...accountLinksAr,
  ...verifyAr,
  ...ledgerAr,
  ...accountAr,
  ...ssoAr,
  ...searchAr,
  ...twoFactorAr,
};
