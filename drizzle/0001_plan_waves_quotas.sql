CREATE TABLE `plans` (
	`survey_id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `responses` ADD `wave` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `responses` ADD `quota_cell` text;--> statement-breakpoint
CREATE INDEX `responses_survey_cell_status_idx` ON `responses` (`survey_id`,`quota_cell`,`status`);--> statement-breakpoint
ALTER TABLE `surveys` ADD `current_wave` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `surveys` ADD `settings` text DEFAULT '{}' NOT NULL;