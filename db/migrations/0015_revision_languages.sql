CREATE TABLE "revision_languages" (
	"revision_id" uuid NOT NULL,
	"language" text NOT NULL,
	"paper_id" uuid NOT NULL,
	"is_original" boolean NOT NULL,
	"content_json" jsonb NOT NULL,
	"canonical_content" text NOT NULL,
	"content_hash" char(64) NOT NULL,
	"outdated_count" integer DEFAULT 0 NOT NULL,
	"outdated_numbers" integer[] DEFAULT '{}'::integer[] NOT NULL,
	CONSTRAINT "revision_languages_revision_id_language_pk" PRIMARY KEY("revision_id","language"),
	CONSTRAINT "revision_languages_hash_hex" CHECK ("revision_languages"."content_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "revision_languages_language_code" CHECK ("revision_languages"."language" ~ '^[a-z]{2,3}$'),
	CONSTRAINT "revision_languages_outdated" CHECK ("revision_languages"."outdated_count" >= 0 AND (NOT "revision_languages"."is_original" OR "revision_languages"."outdated_count" = 0))
);
--> statement-breakpoint
ALTER TABLE "export_fingerprints" DROP CONSTRAINT "export_fingerprints_submission_id_format_lang_sha256_pk";--> statement-breakpoint
ALTER TABLE "issued_files" DROP CONSTRAINT "issued_files_submission_id_format_lang_pk";--> statement-breakpoint
ALTER TABLE "export_fingerprints" ADD COLUMN "texts" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "issued_files" ADD COLUMN "texts" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "export_fingerprints" ADD CONSTRAINT "export_fingerprints_submission_id_format_lang_texts_sha256_pk" PRIMARY KEY("submission_id","format","lang","texts","sha256");--> statement-breakpoint
ALTER TABLE "issued_files" ADD CONSTRAINT "issued_files_submission_id_format_lang_texts_pk" PRIMARY KEY("submission_id","format","lang","texts");--> statement-breakpoint
ALTER TABLE "dialogues" ADD COLUMN "other_languages" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "revision_languages" ADD CONSTRAINT "revision_languages_revision_id_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revision_languages" ADD CONSTRAINT "revision_languages_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "revision_languages_paper_unique" ON "revision_languages" USING btree ("revision_id","paper_id");--> statement-breakpoint
CREATE INDEX "revision_languages_paper_idx" ON "revision_languages" USING btree ("paper_id");--> statement-breakpoint
ALTER TABLE "dialogues" ADD CONSTRAINT "dialogues_other_languages" CHECK (array_to_string("dialogues"."other_languages", ',') ~ '^([a-z]{2,3}(,[a-z]{2,3})*)?$' AND cardinality("dialogues"."other_languages") <= 12);--> statement-breakpoint
ALTER TABLE "export_fingerprints" ADD CONSTRAINT "export_fingerprints_texts" CHECK ("export_fingerprints"."texts" ~ '^([a-z]{2,3}(\+[a-z]{2,3})?)?$');