ALTER TYPE "public"."locale" ADD VALUE 'ar';--> statement-breakpoint
ALTER TYPE "public"."locale" ADD VALUE 'zh';--> statement-breakpoint
ALTER TYPE "public"."locale" ADD VALUE 'ru';--> statement-breakpoint
ALTER TYPE "public"."locale" ADD VALUE 'es';