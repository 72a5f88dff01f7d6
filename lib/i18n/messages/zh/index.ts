// Chinese catalog: same shape as en.ts (checked at compile time), composed like fr.ts.

import type { Messages } from "../en";
import { accountZh } from "./account";
import { accountLinksZh } from "./account-links";
import { commentsZh } from "./comments";
import { compilationZh } from "./compilation";
import { delegationZh } from "./delegation";
import { deskZh } from "./desk";
import { exportsZh } from "./exports";
import { ledgerZh } from "./ledger";
import { liveSessionZh } from "./live-session";
import { mainZh } from "./main";
import { searchZh } from "./search";
import { ssoZh } from "./sso";
import { twoFactorZh } from "./two-factor";
import { verifyZh } from "./verify";
import { versionsZh } from "./versions";
import { workflowZh } from "./workflow";

export const zh: Messages = {
  ...mainZh,
  ...workflowZh,
  ...versionsZh,
  ...deskZh,
  ...liveSessionZh,
  ...exportsZh,
  ...commentsZh,
  ...compilationZh,
  ...delegationZh,
  ...accountLinksZh,
  ...verifyZh,
  ...ledgerZh,
  ...accountZh,
  ...ssoZh,
  ...searchZh,
  ...twoFactorZh,
};
