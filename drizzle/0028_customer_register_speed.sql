ALTER TABLE `customer_draws` ADD `cross_by` text;--> statement-breakpoint
ALTER TABLE `customer_import_rows` ADD `name_key` text;--> statement-breakpoint
ALTER TABLE `customer_settings` ADD `figures_stale` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `customers` ADD `name_key` text;