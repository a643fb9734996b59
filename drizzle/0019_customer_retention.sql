ALTER TABLE `customer_settings` ADD `retention_days` integer;--> statement-breakpoint
ALTER TABLE `customer_settings` ADD `retention_run_at` integer;