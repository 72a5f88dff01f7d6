// Catálogo en español: la misma forma que en.ts (comprobada en la compilación), compuesto como fr.ts.

import type { Messages } from "../en";
import { accountEs } from "./account";
import { accountLinksEs } from "./account-links";
import { commentsEs } from "./comments";
import { compilationEs } from "./compilation";
import { delegationEs } from "./delegation";
import { deskEs } from "./desk";
import { exportsEs } from "./exports";
import { ledgerEs } from "./ledger";
import { liveSessionEs } from "./live-session";
import { mainEs } from "./main";
import { searchEs } from "./search";
import { ssoEs } from "./sso";
import { twoFactorEs } from "./two-factor";
import { verifyEs } from "./verify";
import { versionsEs } from "./versions";
import { workflowEs } from "./workflow";

export const es: Messages = {
  ...mainEs,
  ...workflowEs,
  ...versionsEs,
  ...deskEs,
  ...liveSessionEs,
  ...exportsEs,
  ...commentsEs,
  ...compilationEs,
  ...delegationEs,
  ...accountLinksEs,
  ...verifyEs,
  ...ledgerEs,
  ...accountEs,
  ...ssoEs,
  ...searchEs,
  ...twoFactorEs,
};
