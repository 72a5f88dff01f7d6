CREATE TABLE "issued_files" (
	"submission_id" uuid NOT NULL,
	"format" "export_format" NOT NULL,
	"lang" "locale" NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"sha256" char(64) NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "issued_files_submission_id_format_lang_pk" PRIMARY KEY("submission_id","format","lang")
);
--> statement-breakpoint
ALTER TABLE "issued_files" ADD CONSTRAINT "issued_files_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;