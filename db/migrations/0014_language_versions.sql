CREATE TABLE "translation_confirmations" (
	"version_id" uuid NOT NULL,
	"pid" text NOT NULL,
	"original_hash" text NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "translation_confirmations_version_id_pid_pk" PRIMARY KEY("version_id","pid"),
	CONSTRAINT "translation_confirmations_pid_shape" CHECK ("translation_confirmations"."pid" ~ '^[a-z0-9]{10}$'),
	CONSTRAINT "translation_confirmations_hash_shape" CHECK ("translation_confirmations"."original_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
DROP INDEX "papers_dialogue_serial_unique";--> statement-breakpoint
ALTER TABLE "papers" ADD COLUMN "original_id" uuid;--> statement-breakpoint
ALTER TABLE "translation_confirmations" ADD CONSTRAINT "translation_confirmations_version_id_papers_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."papers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "translation_confirmations" ADD CONSTRAINT "translation_confirmations_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "papers" ADD CONSTRAINT "papers_original_id_papers_id_fk" FOREIGN KEY ("original_id") REFERENCES "public"."papers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "papers_original_language_unique" ON "papers" USING btree ("original_id","language");--> statement-breakpoint
CREATE UNIQUE INDEX "papers_dialogue_serial_unique" ON "papers" USING btree ("dialogue_id","serial_number") WHERE "papers"."original_id" is null;