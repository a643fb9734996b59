ALTER TABLE `invitations` ADD `lease_until` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `lease_until` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `claimed_by` text;