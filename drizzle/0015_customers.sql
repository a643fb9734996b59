CREATE TABLE `customer_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`status` text NOT NULL,
	`rows` integer NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `customer_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`data` text,
	`currency` text,
	`stale` integer DEFAULT false NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `customer_transactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`customer_id` text NOT NULL,
	`at` integer NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `customer_imports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `customer_transactions_customer_idx` ON `customer_transactions` (`customer_id`,`at`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`external_id` text NOT NULL,
	`name` text,
	`email` text,
	`phone` text,
	`language` text,
	`attributes` text DEFAULT '{}' NOT NULL,
	`given_last_at` integer,
	`given_frequency` integer,
	`given_monetary` integer,
	`last_purchase_at` integer,
	`frequency` integer DEFAULT 0 NOT NULL,
	`monetary` integer DEFAULT 0 NOT NULL,
	`r_score` integer,
	`f_score` integer,
	`m_score` integer,
	`segment` text,
	`tier` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_externalId_unique` ON `customers` (`external_id`);--> statement-breakpoint
CREATE INDEX `customers_tier_idx` ON `customers` (`tier`);--> statement-breakpoint
CREATE INDEX `customers_segment_idx` ON `customers` (`segment`);