ALTER TABLE `cases` ADD `complaint_type` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `severity` text;