// Русский каталог: та же форма, что и у en.ts (проверяется при компиляции), собран так же, как fr.ts.

import type { Messages } from "../en";
import { accountRu } from "./account";
import { accountLinksRu } from "./account-links";
import { commentsRu } from "./comments";
import { compilationRu } from "./compilation";
import { delegationRu } from "./delegation";
import { deskRu } from "./desk";
import { exportsRu } from "./exports";
import { ledgerRu } from "./ledger";
import { liveSessionRu } from "./live-session";
import { mainRu } from "./main";
import { searchRu } from "./search";
import { ssoRu } from "./sso";
import { twoFactorRu } from "./two-factor";
import { verifyRu } from "./verify";
import { versionsRu } from "./versions";
import { workflowRu } from "./workflow";

export const ru: Messages = {
  ...mainRu,
  ...workflowRu,
  ...versionsRu,
  ...deskRu,
  ...liveSessionRu,
  ...exportsRu,
  ...commentsRu,
  ...compilationRu,
  ...delegationRu,
  ...accountLinksRu,
  ...verifyRu,
  ...ledgerRu,
  ...accountRu,
  ...ssoRu,
  ...searchRu,
  ...twoFactorRu,
};
