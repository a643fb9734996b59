CREATE TABLE `customer_draws` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_id` text NOT NULL,
	`seed` text NOT NULL,
	`stratify_by` text NOT NULL,
	`response_rate` real NOT NULL,
	`interval_days` integer NOT NULL,
	`strata` text NOT NULL,
	`invited` integer NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `customer_draws_survey_idx` ON `customer_draws` (`survey_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `unsubscribes` (
	`email` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `customer_settings` ADD `contact_interval_days` integer DEFAULT 90 NOT NULL;