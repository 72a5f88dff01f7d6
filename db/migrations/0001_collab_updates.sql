CREATE TABLE "paper_updates" (
	"paper_id" uuid NOT NULL,
	"seq" bigserial NOT NULL,
	"update" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "paper_updates_paper_id_seq_pk" PRIMARY KEY("paper_id","seq")
);
--> statement-breakpoint
ALTER TABLE "paper_updates" ADD CONSTRAINT "paper_updates_paper_id_papers_id_fk" FOREIGN KEY ("paper_id") REFERENCES "public"."papers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "paper_updates_created_idx" ON "paper_updates" USING btree ("created_at");