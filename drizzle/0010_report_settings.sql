CREATE TABLE `report_settings` (
	`survey_id` text PRIMARY KEY NOT NULL,
	`loyalty_value` text,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
