ALTER TABLE `responses` ADD `coded` blob;--> statement-breakpoint
ALTER TABLE `responses` ADD `extra` text;