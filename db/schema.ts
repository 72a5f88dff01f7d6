// The single source of truth for Accord's data. drizzle-kit generates db/migrations from it;
// the same SQL is applied to PostgreSQL and to the embedded PGlite database.
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  char,
  check,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { PositionsRecord } from "./positions-record";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const globalRole = pgEnum("global_role", ["admin", "hld_reviewer"]);
export const dialogueRole = pgEnum("dialogue_role", ["chair", "penholder", "delegate", "observer"]);
export const partnerKind = pgEnum("partner_kind", ["state", "organisation"]);
export const paperKind = pgEnum("paper_kind", ["position_paper", "recommendations"]);
export const paperStatus = pgEnum("paper_status", ["draft", "consultation", "approval", "agreed", "submitted"]);
export const roundProcedure = pgEnum("round_procedure", ["consensus", "silence"]);
export const roundOutcome = pgEnum("round_outcome", ["agreed", "not_agreed"]);
export const positionValue = pgEnum("position_value", ["approve", "object", "abstain"]);
// New languages are appended (PostgreSQL adds enum values at the end), so the order is not the UN's.
export const locale = pgEnum("locale", ["en", "fr", "ar", "zh", "ru", "es"]);
export const exportFormat = pgEnum("export_format", ["docx", "pdf", "html", "md", "akn"]);
export const accountLinkPurpose = pgEnum("account_link_purpose", ["invitation", "password_reset"]);
/** How a session was opened: a password alone, with a TOTP code or a recovery code, or single sign-on. */
export const signInMethod = pgEnum("sign_in_method", ["password", "totp", "recovery_code", "oidc"]);

export const partners = pgTable(
  "partners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: partnerKind("kind").notNull(),
    /** ISO 3166-1 alpha-3 for states; null for organisations. */
    iso3: char("iso3", { length: 3 }),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("partners_iso3_unique").on(t.iso3),
    uniqueIndex("partners_organisation_name_unique").on(t.name).where(sql`${t.kind} = 'organisation'`),
    check("partners_state_has_iso3", sql`(${t.kind} = 'state') = (${t.iso3} IS NOT NULL)`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** Null until the person sets one (an invitee, or an account that only signs in by SSO). */
    passwordHash: text("password_hash"),
    /** When the person accepted their invitation (set a password or signed in by SSO); null: invited only. */
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    /** The TOTP shared secret (RFC 6238), encrypted with the server secret; null: no second factor. */
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last TOTP time step accepted, so that a code is never accepted twice. */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    /** Email notification kind → wanted (absent: the default, wanted). */
    emailPreferences: jsonb("email_preferences").$type<Record<string, boolean>>().notNull().default({}),
    globalRole: globalRole("global_role"),
    /** The body a global-role user speaks for (ICMPD, UN HLD secretariat). */
    partnerId: uuid("partner_id").references(() => partners.id),
    locale: locale("locale"),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
  ],
);

/** Server-side record of a signed-in session; the session cookie only names it. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Refreshed at most once a minute by the requests of the session. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** The browser's User-Agent at sign-in, cut to 512 characters, to name the device. */
    userAgent: text("user_agent"),
    signInMethod: signInMethod("sign_in_method").notNull().default("password"),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

/**
 * A single-use link sent by email: an invitation to set one's own password, or a password reset
 * an administrator asked for. Only a hash of the token is stored.
 */
export const accountLinks = pgTable(
  "account_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: accountLinkPurpose("purpose").notNull(),
    /** SHA-256 of the token, hex. */
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("account_links_token_unique").on(t.tokenHash), index("account_links_user_idx").on(t.userId)],
);

/** Single-use recovery codes for an account with a second factor; only hashes are stored. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** An account's single sign-on identity: the provider and its stable subject (`sub`) for the person. */
export const userIdentities = pgTable(
  "user_identities",
  {
    provider: text("provider").notNull(),
    subject: text("subject").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.subject] }), index("user_identities_user_idx").on(t.userId)],
);

export const dialogues = pgTable(
  "dialogues",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** Upper-case code used in HLD submission references, e.g. RABAT in HLD/2013/RABAT/001. */
    code: text("code").notNull(),
    description: text("description").notNull().default(""),
    /** Members must sign in with a second factor (TOTP or single sign-on) to take part. */
    requireTwoFactor: boolean("require_two_factor").notNull().default(false),
    /**
     * How this dialogue's documents are numbered, e.g. `RABAT/{year}/WG.1/L.{number}`; a revision
     * adds `/Rev.{revision}`. Null: the dialogue issues no symbols.
     */
    documentSymbolPattern: text("document_symbol_pattern"),
    /**
     * The languages the dialogue works in besides the six of the UN (ISO 639-1, e.g. `pt`): its
     * papers may have language versions in the six and in these (lib/language-versions.ts).
     */
    otherLanguages: text("other_languages").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("dialogues_slug_unique").on(t.slug),
    uniqueIndex("dialogues_code_unique").on(t.code),
    check("dialogues_code_format", sql`${t.code} ~ '^[A-Z0-9]{2,12}$'`),
    check("dialogues_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check(
      "dialogues_other_languages",
      sql`array_to_string(${t.otherLanguages}, ',') ~ '^([a-z]{2,3}(,[a-z]{2,3})*)?$' AND cardinality(${t.otherLanguages}) <= 12`,
    ),
  ],
);

export const dialoguePartners = pgTable(
  "dialogue_partners",
  {
    dialogueId: uuid("dialogue_id")
      .notNull()
      .references(() => dialogues.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.dialogueId, t.partnerId] }), index("dialogue_partners_partner_idx").on(t.partnerId)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dialogueId: uuid("dialogue_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id").notNull(),
    role: dialogueRole("role").notNull(),
    /** A suspended membership grants nothing until it is restored (by the partner's focal point or an administrator). */
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    suspendedBy: uuid("suspended_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    // One role per user per dialogue.
    uniqueIndex("memberships_user_dialogue_unique").on(t.userId, t.dialogueId),
    index("memberships_dialogue_idx").on(t.dialogueId),
    // A member always speaks for a partner of that same dialogue.
    foreignKey({
      name: "memberships_dialogue_partner_fk",
      columns: [t.dialogueId, t.partnerId],
      foreignColumns: [dialoguePartners.dialogueId, dialoguePartners.partnerId],
    }),
  ],
);

/**
 * A membership that would speak for a partner (chair, penholder, delegate), asked for by someone
 * who cannot confirm it (a chair inviting): it becomes a membership only when that partner's focal
 * point, or an administrator, confirms it. Until then it grants nothing.
 */
export const membershipRequests = pgTable(
  "membership_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dialogueId: uuid("dialogue_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    partnerId: uuid("partner_id").notNull(),
    role: dialogueRole("role").notNull(),
    requestedBy: uuid("requested_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("membership_requests_user_dialogue_unique").on(t.userId, t.dialogueId),
    index("membership_requests_partner_idx").on(t.partnerId),
    foreignKey({
      name: "membership_requests_dialogue_partner_fk",
      columns: [t.dialogueId, t.partnerId],
      foreignColumns: [dialoguePartners.dialogueId, dialoguePartners.partnerId],
    }),
  ],
);

/** The people a partner names to manage its own delegation across dialogues (SPEC: focal point). */
export const partnerFocalPoints = pgTable(
  "partner_focal_points",
  {
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    appointedBy: uuid("appointed_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.userId] }), index("partner_focal_points_user_idx").on(t.userId)],
);

export const papers = pgTable(
  "papers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dialogueId: uuid("dialogue_id")
      .notNull()
      .references(() => dialogues.id),
    title: text("title").notNull(),
    kind: paperKind("kind").notNull(),
    status: paperStatus("status").notNull().default("draft"),
    /** Readable snapshot of the live text (ProseMirror JSON and plain text). */
    contentJson: jsonb("content_json").notNull(),
    contentText: text("content_text").notNull().default(""),
    /** Yjs state of the live document (collaboration server). */
    ydocState: bytea("ydoc_state").notNull(),
    /** The paper's number within its dialogue (1, 2, …): the `L.3` of its document symbol. */
    serialNumber: integer("serial_number").notNull(),
    /**
     * The language the text is written in (ISO 639-1, e.g. `en`, `fr`): search stems it with that
     * language's configuration (server/search/languages.ts). English until papers say otherwise.
     */
    language: text("language").notNull().default("en"),
    /**
     * The paper this one is a language version of (issue 19); null for an original. A version is
     * a paper of its own (its own shared text), in the original's dialogue, with the original's
     * kind, title and serial number, and follows the original's workflow status.
     */
    originalId: uuid("original_id").references((): AnyPgColumn => papers.id),
    /**
     * Whose place in the text participants may follow live ("Follow the chair"): null while the
     * chair leads, or the penholder the chair handed the lead to.
     */
    leadUserId: uuid("lead_user_id").references(() => users.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("papers_dialogue_updated_idx").on(t.dialogueId, t.updatedAt.desc(), t.id),
    index("papers_status_idx").on(t.status),
    // A language version shares its original's serial number (the same document symbol).
    uniqueIndex("papers_dialogue_serial_unique").on(t.dialogueId, t.serialNumber).where(sql`${t.originalId} is null`),
    // One version per language of an original.
    uniqueIndex("papers_original_language_unique").on(t.originalId, t.language),
    check("papers_title_length", sql`char_length(${t.title}) between 1 and 300`),
    check("papers_language_code", sql`${t.language} ~ '^[a-z]{2,3}$'`),
  ],
);

/**
 * When a language version's paragraph was last confirmed as a translation of its original: the
 * hash of the original paragraph's text at that moment, per paragraph id (`pid`,
 * lib/paragraph-ids.ts). The paragraph is "translation outdated" while the original's current
 * text hashes differently. A table, not a document attribute, so that no client can forge it.
 */
export const translationConfirmations = pgTable(
  "translation_confirmations",
  {
    versionId: uuid("version_id")
      .notNull()
      .references(() => papers.id, { onDelete: "cascade" }),
    pid: text("pid").notNull(),
    /** SHA-256 (hex) of the original paragraph's text (server/domain/language-versions.ts). */
    originalHash: text("original_hash").notNull(),
    /**
     * Who confirmed the paragraph; null when it was updated by editing it (recorded by compaction,
     * server/collab/compaction.ts; who typed is in paper_update_authors) or when the version was made.
     */
    confirmedBy: uuid("confirmed_by").references(() => users.id),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.pid] }),
    check("translation_confirmations_pid_shape", sql`${t.pid} ~ '^[a-z0-9]{10}$'`),
    check("translation_confirmations_hash_shape", sql`${t.originalHash} ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * Collaboration updates acknowledged to a client but not yet folded into papers.ydoc_state.
 * Written before the acknowledgement (server/collab/update-log.ts), so an acknowledged edit
 * survives a crash; compaction merges them into ydoc_state and deletes them in one transaction.
 */
export const paperUpdates = pgTable(
  "paper_updates",
  {
    paperId: uuid("paper_id")
      .notNull()
      .references(() => papers.id, { onDelete: "cascade" }),
    seq: bigserial("seq", { mode: "number" }).notNull(),
    update: bytea("update").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.paperId, t.seq] }), index("paper_updates_created_idx").on(t.createdAt)],
);

/**
 * Who sent each update stored in paper_updates: written in the same statement as the update and
 * never folded away by compaction (which deletes paper_updates rows), so every change to a text
 * stays traceable to an account and the partner it spoke for. Append-only at the database
 * (migration 0007), like audit_events.
 */
export const paperUpdateAuthors = pgTable(
  "paper_update_authors",
  {
    paperId: uuid("paper_id")
      .notNull()
      .references(() => papers.id),
    /** The update's seq in paper_updates (gone from there once compacted). */
    seq: bigint("seq", { mode: "number" }).notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** The partner the author spoke for in the paper's dialogue; null without a membership. */
    partnerId: uuid("partner_id").references(() => partners.id),
    byteSize: integer("byte_size").notNull(),
    /** SHA-256 of the update's bytes: matches it to a copy kept anywhere else. */
    sha256: bytea("sha256").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.paperId, t.seq] }),
    index("paper_update_authors_user_idx").on(t.userId, t.receivedAt),
  ],
);

export const revisions = pgTable(
  "revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    paperId: uuid("paper_id")
      .notNull()
      .references(() => papers.id),
    number: integer("number").notNull(),
    contentJson: jsonb("content_json").notNull(),
    /**
     * Canonical serialization the hash is computed over: the text's (server/canonical.ts) when the
     * paper had no language versions; when it had, the list of every frozen language's text hash
     * (`revision_languages`), so that the one revision hash covers every language.
     */
    canonicalContent: text("canonical_content").notNull(),
    contentHash: char("content_hash", { length: 64 }).notNull(),
    /** The document symbol issued with this revision (dialogue pattern), e.g. `RABAT/2026/WG.1/L.3/Rev.1`. */
    documentSymbol: text("document_symbol"),
    frozenBy: uuid("frozen_by")
      .notNull()
      .references(() => users.id),
    frozenAt: timestamp("frozen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("revisions_paper_number_unique").on(t.paperId, t.number),
    index("revisions_hash_idx").on(t.contentHash),
    check("revisions_number_positive", sql`${t.number} > 0`),
    check("revisions_hash_hex", sql`${t.contentHash} ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * The texts a revision froze in each language, when its paper had language versions (issue 19):
 * the original and every version, frozen together in the same transaction. The revision's hash
 * is computed over these rows' hashes (server/domain/revision-languages.ts). A revision of a paper
 * without versions has no rows here: its hash is its text's.
 */
export const revisionLanguages = pgTable(
  "revision_languages",
  {
    revisionId: uuid("revision_id")
      .notNull()
      .references(() => revisions.id),
    /** ISO 639-1 code of the text's language. */
    language: text("language").notNull(),
    /** The paper whose text this is: the original itself, or one of its language versions. */
    paperId: uuid("paper_id")
      .notNull()
      .references(() => papers.id),
    isOriginal: boolean("is_original").notNull(),
    contentJson: jsonb("content_json").notNull(),
    canonicalContent: text("canonical_content").notNull(),
    contentHash: char("content_hash", { length: 64 }).notNull(),
    /** Paragraphs whose translation was outdated when frozen (none for the original). */
    outdatedCount: integer("outdated_count").notNull().default(0),
    /** Their UN paragraph numbers, where they have one (a heading has none). */
    outdatedNumbers: integer("outdated_numbers").array().notNull().default(sql`'{}'::integer[]`),
  },
  (t) => [
    primaryKey({ columns: [t.revisionId, t.language] }),
    uniqueIndex("revision_languages_paper_unique").on(t.revisionId, t.paperId),
    index("revision_languages_paper_idx").on(t.paperId),
    check("revision_languages_hash_hex", sql`${t.contentHash} ~ '^[0-9a-f]{64}$'`),
    check("revision_languages_language_code", sql`${t.language} ~ '^[a-z]{2,3}$'`),
    check(
      "revision_languages_outdated",
      sql`${t.outdatedCount} >= 0 AND (NOT ${t.isOriginal} OR ${t.outdatedCount} = 0)`,
    ),
  ],
);

export const commentThreads = pgTable(
  "comment_threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    paperId: uuid("paper_id")
      .notNull()
      .references(() => papers.id),
    /** Id of the anchor mark in the shared document. */
    anchorId: text("anchor_id").notNull(),
    quote: text("quote").notNull().default(""),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    partnerId: uuid("partner_id").references(() => partners.id),
    createdAt: createdAt(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by").references(() => users.id),
  },
  (t) => [
    index("comment_threads_paper_idx").on(t.paperId),
    uniqueIndex("comment_threads_anchor_unique").on(t.paperId, t.anchorId),
  ],
);

/** The chair's proposed dispositions in a compilation of amendments: accept, reject, merge, as orally amended. */
export const dispositionValue = pgEnum("disposition_value", ["accept", "reject", "merge", "orally_amended"]);

/**
 * The chair's proposed disposition of one row of a paper's compilation of amendments (a
 * suggestion or a comment thread). Rows are added, never changed: the latest for a row is the
 * one shown, the others are its history (and each is in the audit log).
 */
export const compilationDispositions = pgTable(
  "compilation_dispositions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    paperId: uuid("paper_id")
      .notNull()
      .references(() => papers.id),
    /** "suggestion" (its id from the text's marks) or "thread" (comment_threads.id). */
    rowKind: text("row_kind").notNull(),
    rowId: text("row_id").notNull(),
    disposition: dispositionValue("disposition").notNull(),
    /** For "merge": the row it is merged with, as "suggestion:<id>" or "thread:<id>". */
    mergeWith: text("merge_with"),
    /** For "orally_amended": the wording as amended. */
    amendedText: text("amended_text"),
    note: text("note").notNull().default(""),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("compilation_dispositions_paper_idx").on(t.paperId, t.id),
    check("compilation_dispositions_row_kind", sql`${t.rowKind} in ('suggestion', 'thread')`),
  ],
);
export type CompilationDisposition = typeof compilationDispositions.$inferSelect;

export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => commentThreads.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("comments_thread_idx").on(t.threadId, t.createdAt),
    check("comments_body_length", sql`char_length(${t.body}) between 1 and 10000`),
  ],
);

export const approvalRounds = pgTable(
  "approval_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    paperId: uuid("paper_id")
      .notNull()
      .references(() => papers.id),
    revisionId: uuid("revision_id")
      .notNull()
      .references(() => revisions.id),
    procedure: roundProcedure("procedure").notNull(),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    openedBy: uuid("opened_by")
      .notNull()
      .references(() => users.id),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    outcome: roundOutcome("outcome"),
  },
  (t) => [
    index("approval_rounds_paper_idx").on(t.paperId),
    // At most one open round per paper.
    uniqueIndex("approval_rounds_one_open_per_paper").on(t.paperId).where(sql`${t.closedAt} IS NULL`),
    index("approval_rounds_open_deadline_idx").on(t.deadline).where(sql`${t.closedAt} IS NULL`),
    check("approval_rounds_closed_has_outcome", sql`(${t.closedAt} IS NULL) = (${t.outcome} IS NULL)`),
  ],
);

/** The position that counts: one per state partner per round. */
export const positions = pgTable(
  "positions",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => approvalRounds.id),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    value: positionValue("value").notNull(),
    reason: text("reason"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.partnerId] }),
    check("positions_objection_has_reason", sql`${t.value} <> 'object' OR char_length(coalesce(${t.reason}, '')) > 0`),
  ],
);

/** Every position ever recorded, in order; positions holds the latest. */
export const positionHistory = pgTable(
  "position_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => approvalRounds.id),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    value: positionValue("value").notNull(),
    reason: text("reason"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("position_history_round_idx").on(t.roundId, t.partnerId)],
);

export const submissions = pgTable(
  "submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    paperId: uuid("paper_id")
      .notNull()
      .references(() => papers.id),
    revisionId: uuid("revision_id")
      .notNull()
      .references(() => revisions.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => approvalRounds.id),
    contentHash: char("content_hash", { length: 64 }).notNull(),
    reference: text("reference").notNull(),
    /** Frozen record of every state partner's position at submission. */
    positionsRecord: jsonb("positions_record").$type<PositionsRecord>().notNull(),
    submittedBy: uuid("submitted_by")
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    // Frozen at submission, like the positions record: what the HLD received, and every export
    // and check of it, must not change when a paper, dialogue or account is renamed later.
    paperTitle: text("paper_title").notNull(),
    paperKind: paperKind("paper_kind").notNull(),
    dialogueName: text("dialogue_name").notNull(),
    dialogueCode: text("dialogue_code").notNull(),
    submittedByName: text("submitted_by_name").notNull(),
  },
  (t) => [
    // One submission per paper.
    uniqueIndex("submissions_paper_unique").on(t.paperId),
    uniqueIndex("submissions_reference_unique").on(t.reference),
    index("submissions_hash_idx").on(t.contentHash),
    index("submissions_submitted_at_idx").on(t.submittedAt.desc()),
  ],
);

/**
 * The SHA-256 of every file Accord produced for a submitted revision (downloads, the ZIP, the
 * files rendered at submission and by the verify check): a genuine copy verifies by these bytes
 * even after a new Chromium, new fonts or a new DOCX library would render it differently.
 */
export const exportFingerprints = pgTable(
  "export_fingerprints",
  {
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissions.id),
    revisionNumber: integer("revision_number").notNull(),
    format: exportFormat("format").notNull(),
    lang: locale("lang").notNull(),
    /** Which texts the file holds (`ExportSource.texts`): '' the original's, a version's language, or 'en+fr'. */
    texts: text("texts").notNull().default(""),
    sha256: char("sha256", { length: 64 }).notNull(),
    byteLength: integer("byte_length").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // One row per distinct file: a renderer upgrade adds a row, it never replaces one.
    primaryKey({ columns: [t.submissionId, t.format, t.lang, t.texts, t.sha256] }),
    check("export_fingerprints_texts", sql`${t.texts} ~ '^([a-z]{2,3}(\\+[a-z]{2,3})?)?$'`),
    check("export_fingerprints_sha256_hex", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * The official copy of a submitted revision in each format and language: the first file issued,
 * kept and handed out again byte for byte (downloads, the ZIP), so a repeat costs no rendering
 * and stays the same file whatever a later renderer would make of the text.
 */
export const issuedFiles = pgTable(
  "issued_files",
  {
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissions.id),
    format: exportFormat("format").notNull(),
    lang: locale("lang").notNull(),
    /** Which texts the file holds, as in `export_fingerprints.texts`. */
    texts: text("texts").notNull().default(""),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sha256: char("sha256", { length: 64 }).notNull(),
    bytes: bytea("bytes").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.format, t.lang, t.texts] })],
);

const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => "tsvector" });
const regconfig = customType<{ data: string; driverData: string }>({ dataType: () => "regconfig" });

/** What a search entry was read from: the live text, a frozen revision, a comment, a paper's title. */
export const searchSource = pgEnum("search_source", ["live", "revision", "comment", "title"]);

/**
 * The search index (server/search/): one row per block of a paper's live text and of each of its
 * revisions, per comment, and per title, kept current by the functions that write those. `folded`
 * is `body` with accents and case folded in JavaScript (server/search/fold.ts), so that PostgreSQL
 * and PGlite fold alike; `tsv` is computed from it with the language's configuration.
 */
export const searchEntries = pgTable(
  "search_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    paperId: uuid("paper_id")
      .notNull()
      .references(() => papers.id, { onDelete: "cascade" }),
    source: searchSource("source").notNull(),
    revisionId: uuid("revision_id").references(() => revisions.id, { onDelete: "cascade" }),
    revisionNumber: integer("revision_number"),
    commentId: uuid("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    /** Top-level block index in the text (live, revision), from 0. */
    blockIndex: integer("block_index"),
    /** The block's UN paragraph number (lib/numbering.ts); null for unnumbered blocks, comments, titles. */
    paragraphNumber: integer("paragraph_number"),
    /** ISO 639-1 code of the text's language; `config` is derived from it. */
    language: text("language").notNull(),
    config: regconfig("config").notNull(),
    /** SHA-256 (base64url, 22 characters) of `body`: live blocks whose text is unchanged keep their row. */
    bodyHash: text("body_hash").notNull(),
    body: text("body").notNull(),
    folded: text("folded").notNull(),
    tsv: tsvector("tsv").notNull().generatedAlwaysAs(sql`to_tsvector(config, folded)`),
  },
  (t) => [
    index("search_entries_tsv_idx").using("gin", t.tsv),
    index("search_entries_paper_idx").on(t.paperId, t.source, t.blockIndex),
    uniqueIndex("search_entries_comment_unique").on(t.commentId),
    check(
      "search_entries_source_refs",
      sql`(${t.source} = 'revision') = (${t.revisionId} IS NOT NULL) AND (${t.source} = 'comment') = (${t.commentId} IS NOT NULL)`,
    ),
  ],
);
export type SearchEntry = typeof searchEntries.$inferSelect;

/** Append-only record of every change: who did what to which target, when. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    dialogueId: uuid("dialogue_id").references(() => dialogues.id),
    paperId: uuid("paper_id").references(() => papers.id),
    details: jsonb("details").notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_events_dialogue_idx").on(t.dialogueId, t.id),
    index("audit_events_paper_idx").on(t.paperId, t.id),
  ],
);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    paperId: uuid("paper_id").references(() => papers.id),
    details: jsonb("details").notNull().default({}),
    read: boolean("read").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.read, t.createdAt.desc())],
);

export type User = typeof users.$inferSelect;
export type Partner = typeof partners.$inferSelect;
export type Dialogue = typeof dialogues.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Paper = typeof papers.$inferSelect;
export type Revision = typeof revisions.$inferSelect;
export type RevisionLanguage = typeof revisionLanguages.$inferSelect;
export type PaperUpdate = typeof paperUpdates.$inferSelect;
export type PaperUpdateAuthor = typeof paperUpdateAuthors.$inferSelect;
export type ApprovalRound = typeof approvalRounds.$inferSelect;
export type Position = typeof positions.$inferSelect;
export type Submission = typeof submissions.$inferSelect;
export type ExportFingerprint = typeof exportFingerprints.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;

export type GlobalRole = (typeof globalRole.enumValues)[number];
export type DialogueRole = (typeof dialogueRole.enumValues)[number];
export type PaperKind = (typeof paperKind.enumValues)[number];
export type PaperStatus = (typeof paperStatus.enumValues)[number];
export type PartnerKind = (typeof partnerKind.enumValues)[number];
export type Locale = (typeof locale.enumValues)[number];
export type MembershipRequest = typeof membershipRequests.$inferSelect;
export type AccountLinkPurpose = (typeof accountLinkPurpose.enumValues)[number];
export type SignInMethod = (typeof signInMethod.enumValues)[number];
