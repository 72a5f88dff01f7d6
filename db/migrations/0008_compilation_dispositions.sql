CREATE TYPE "public"."disposition_value" AS ENUM('accept', 'reject', 'merge', 'orally_amended');--> statement-breakpoint
CREATE TABLE "compilation_dispositions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"paper_id" uuid NOT NULL,
	"row_kind" text NOT NULL,
	"row_id" text NOT NULL,
	"disposition" "disposition_value" NOT NULL,
	"merge_with" text,
	"amended_text" text,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compilation_dispositions_row_kind" CHECK ("compilation_dispositions"."row_kind" in ('suggestion', 'thread'))
);
--> statement-breakpoint
ALTER TABLE "compilation_dispositions" ADD CONSTRAINT "compilation_dispositions_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compilation_dispositions" ADD CONSTRAINT "compilation_dispositions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compilation_dispositions_paper_idx" ON "compilation_dispositions" USING btree ("paper_id","id");--> statement-breakpoint
-- A disposition is a record of what the chair proposed: a new one is added, none is changed or removed.
CREATE FUNCTION compilation_dispositions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'compilation_dispositions is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER compilation_dispositions_no_update_or_delete BEFORE UPDATE OR DELETE ON "compilation_dispositions"
  FOR EACH ROW EXECUTE FUNCTION compilation_dispositions_append_only();
--> statement-breakpoint
CREATE TRIGGER compilation_dispositions_no_truncate BEFORE TRUNCATE ON "compilation_dispositions"
  FOR EACH STATEMENT EXECUTE FUNCTION compilation_dispositions_append_only();
