// The part of the English catalog that en.ts holds itself, outside its module files: each other
// language's main.ts has this shape, so a key added to en.ts is missing there at compile time.
import type { accountEn } from "./account";
import type { accountLinksEn } from "./account-links";
import type { commentsEn } from "./comments";
import type { compilationEn } from "./compilation";
import type { delegationEn } from "./delegation";
import type { deskEn } from "./desk";
import type { Messages } from "./en";
import type { exportsEn } from "./exports";
import type { ledgerEn } from "./ledger";
import type { liveSessionEn } from "./live-session";
import type { searchEn } from "./search";
import type { ssoEn } from "./sso";
import type { twoFactorEn } from "./two-factor";
import type { verifyEn } from "./verify";
import type { versionsEn } from "./versions";
import type { workflowEn } from "./workflow";

/** The keys en.ts spreads in from its module files. */
type ModuleKeys =
  | keyof typeof accountEn
  | keyof typeof accountLinksEn
  | keyof typeof commentsEn
  | keyof typeof compilationEn
  | keyof typeof delegationEn
  | keyof typeof deskEn
  | keyof typeof exportsEn
  | keyof typeof ledgerEn
  | keyof typeof liveSessionEn
  | keyof typeof searchEn
  | keyof typeof ssoEn
  | keyof typeof twoFactorEn
  | keyof typeof verifyEn
  | keyof typeof versionsEn
  | keyof typeof workflowEn;

export type MainMessages = Omit<Messages, ModuleKeys>;
