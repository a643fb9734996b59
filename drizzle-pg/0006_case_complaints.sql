ALTER TABLE "cases" ADD COLUMN "complaint_type" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "severity" text;