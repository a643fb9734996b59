ALTER TABLE "invitations" ADD COLUMN "lease_until" bigint;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "lease_until" bigint;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "claimed_by" text;