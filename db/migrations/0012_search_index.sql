CREATE TYPE "public"."search_source" AS ENUM('live', 'revision', 'comment', 'title');--> statement-breakpoint
CREATE TABLE "search_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"paper_id" uuid NOT NULL,
	"source" "search_source" NOT NULL,
	"revision_id" uuid,
	"revision_number" integer,
	"comment_id" uuid,
	"block_index" integer,
	"paragraph_number" integer,
	"language" text NOT NULL,
	"config" "regconfig" NOT NULL,
	"body_hash" text NOT NULL,
	"body" text NOT NULL,
	"folded" text NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector(config, folded)) STORED NOT NULL,
	CONSTRAINT "search_entries_source_refs" CHECK (("search_entries"."source" = 'revision') = ("search_entries"."revision_id" IS NOT NULL) AND ("search_entries"."source" = 'comment') = ("search_entries"."comment_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "papers" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "search_entries" ADD CONSTRAINT "search_entries_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_entries" ADD CONSTRAINT "search_entries_revision_id_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_entries" ADD CONSTRAINT "search_entries_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_entries_tsv_idx" ON "search_entries" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_entries_paper_idx" ON "search_entries" USING btree ("paper_id","source","block_index");--> statement-breakpoint
CREATE UNIQUE INDEX "search_entries_comment_unique" ON "search_entries" USING btree ("comment_id");--> statement-breakpoint
ALTER TABLE "papers" ADD CONSTRAINT "papers_language_code" CHECK ("papers"."language" ~ '^[a-z]{2,3}$');