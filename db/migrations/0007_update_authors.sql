CREATE TABLE "paper_update_authors" (
	"paper_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"user_id" uuid NOT NULL,
	"partner_id" uuid,
	"byte_size" integer NOT NULL,
	"sha256" "bytea" NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "paper_update_authors_paper_id_seq_pk" PRIMARY KEY("paper_id","seq")
);
--> statement-breakpoint
ALTER TABLE "paper_update_authors" ADD CONSTRAINT "paper_update_authors_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_update_authors" ADD CONSTRAINT "paper_update_authors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_update_authors" ADD CONSTRAINT "paper_update_authors_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "paper_update_authors_user_idx" ON "paper_update_authors" USING btree ("user_id","received_at");--> statement-breakpoint
-- Who wrote each update is evidence, like the audit log: rows are added, never changed or removed.
CREATE FUNCTION paper_update_authors_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'paper_update_authors is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER paper_update_authors_no_update_or_delete BEFORE UPDATE OR DELETE ON "paper_update_authors"
  FOR EACH ROW EXECUTE FUNCTION paper_update_authors_append_only();
--> statement-breakpoint
CREATE TRIGGER paper_update_authors_no_truncate BEFORE TRUNCATE ON "paper_update_authors"
  FOR EACH STATEMENT EXECUTE FUNCTION paper_update_authors_append_only();
