CREATE TABLE `customer_suppressions` (
	`hash` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `customer_value_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` text NOT NULL,
	`at` integer NOT NULL,
	`monetary` integer NOT NULL,
	`r_score` integer,
	`f_score` integer,
	`m_score` integer,
	`segment` text,
	`tier` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `customer_value_history_customer_idx` ON `customer_value_history` (`customer_id`,`at`);--> statement-breakpoint
ALTER TABLE `customer_settings` ADD `suppression_key` text;