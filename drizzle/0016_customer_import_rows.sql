CREATE TABLE `customer_import_rows` (
	`import_id` integer NOT NULL,
	`position` integer NOT NULL,
	`customer_id` text NOT NULL,
	`external_id` text NOT NULL,
	`name` text,
	`email` text,
	`phone` text,
	`language` text,
	`attributes` text NOT NULL,
	PRIMARY KEY(`import_id`, `position`),
	FOREIGN KEY (`import_id`) REFERENCES `customer_imports`(`id`) ON UPDATE no action ON DELETE cascade
);
