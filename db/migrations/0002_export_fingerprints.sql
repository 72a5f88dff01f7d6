CREATE TYPE "public"."export_format" AS ENUM('docx', 'pdf', 'html', 'md', 'akn');--> statement-breakpoint
CREATE TABLE "export_fingerprints" (
	"submission_id" uuid NOT NULL,
	"revision_number" integer NOT NULL,
	"format" "export_format" NOT NULL,
	"lang" "locale" NOT NULL,
	"sha256" char(64) NOT NULL,
	"byte_length" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "export_fingerprints_submission_id_format_lang_sha256_pk" PRIMARY KEY("submission_id","format","lang","sha256"),
	CONSTRAINT "export_fingerprints_sha256_hex" CHECK ("export_fingerprints"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "export_fingerprints" ADD CONSTRAINT "export_fingerprints_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;