ALTER TABLE `invitations` ADD `customer_id` text;--> statement-breakpoint
CREATE INDEX `invitations_customer_idx` ON `invitations` (`customer_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `responses` ADD `customer_id` text;--> statement-breakpoint
CREATE INDEX `responses_customer_idx` ON `responses` (`customer_id`) WHERE customer_id is not null;