-- The names a submission was made under, frozen with it; existing rows take today's names
-- (nothing could be renamed before this migration, so they are the names at submission).
ALTER TABLE "submissions" ADD COLUMN "paper_title" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "paper_kind" "paper_kind";--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "dialogue_name" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "dialogue_code" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "submitted_by_name" text;--> statement-breakpoint
UPDATE "submissions" AS s
SET "paper_title" = p."title", "paper_kind" = p."kind", "dialogue_name" = d."name", "dialogue_code" = d."code", "submitted_by_name" = u."name"
FROM "papers" AS p, "dialogues" AS d, "users" AS u
WHERE p."id" = s."paper_id" AND d."id" = p."dialogue_id" AND u."id" = s."submitted_by";--> statement-breakpoint
ALTER TABLE "submissions" ALTER COLUMN "paper_title" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ALTER COLUMN "paper_kind" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ALTER COLUMN "dialogue_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ALTER COLUMN "dialogue_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ALTER COLUMN "submitted_by_name" SET NOT NULL;
