CREATE TABLE `coding_frame_edits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`frame_id` text NOT NULL,
	`user_id` text,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`undo` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`frame_id`) REFERENCES `coding_frames`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `coding_frame_edits_frame_idx` ON `coding_frame_edits` (`frame_id`,`id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_coding_assignments` (
	`frame_id` text NOT NULL,
	`code_id` text NOT NULL,
	`response_id` integer NOT NULL,
	`coder_id` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`frame_id`, `code_id`, `response_id`, `coder_id`),
	FOREIGN KEY (`frame_id`) REFERENCES `coding_frames`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`code_id`) REFERENCES `coding_codes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`coder_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_coding_assignments`("frame_id", "code_id", "response_id", "coder_id", "at") SELECT "frame_id", "code_id", "response_id", "coder_id", "at" FROM `coding_assignments`;--> statement-breakpoint
DROP TABLE `coding_assignments`;--> statement-breakpoint
ALTER TABLE `__new_coding_assignments` RENAME TO `coding_assignments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `coding_assignments_coder_idx` ON `coding_assignments` (`frame_id`,`coder_id`,`response_id`,`code_id`);--> statement-breakpoint
ALTER TABLE `coding_codes` ADD `words` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `coding_frames` ADD `codes_from` text;