ALTER TABLE "dialogues" ADD COLUMN "document_symbol_pattern" text;--> statement-breakpoint
ALTER TABLE "papers" ADD COLUMN "serial_number" integer;--> statement-breakpoint
UPDATE "papers" SET "serial_number" = numbered.n FROM (SELECT "id", row_number() OVER (PARTITION BY "dialogue_id" ORDER BY "created_at", "id") AS n FROM "papers") AS numbered WHERE numbered."id" = "papers"."id";--> statement-breakpoint
ALTER TABLE "papers" ALTER COLUMN "serial_number" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "papers" ADD COLUMN "lead_user_id" uuid;--> statement-breakpoint
ALTER TABLE "revisions" ADD COLUMN "document_symbol" text;--> statement-breakpoint
ALTER TABLE "papers" ADD CONSTRAINT "papers_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "papers_dialogue_serial_unique" ON "papers" USING btree ("dialogue_id","serial_number");