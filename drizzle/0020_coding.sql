CREATE TABLE `coding_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`frame_id` text NOT NULL,
	`coder_id` text NOT NULL,
	`added` text NOT NULL,
	`removed` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`frame_id`) REFERENCES `coding_frames`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`coder_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `coding_actions_coder_idx` ON `coding_actions` (`frame_id`,`coder_id`,`id`);--> statement-breakpoint
CREATE TABLE `coding_assignments` (
	`frame_id` text NOT NULL,
	`code_id` text NOT NULL,
	`response_id` integer NOT NULL,
	`coder_id` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`code_id`, `response_id`, `coder_id`),
	FOREIGN KEY (`frame_id`) REFERENCES `coding_frames`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`code_id`) REFERENCES `coding_codes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`coder_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `coding_assignments_coder_idx` ON `coding_assignments` (`frame_id`,`coder_id`,`response_id`,`code_id`);--> statement-breakpoint
CREATE TABLE `coding_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`frame_id` text NOT NULL,
	`label` text NOT NULL,
	`is_net` integer DEFAULT false NOT NULL,
	`net_id` text,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`frame_id`) REFERENCES `coding_frames`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `coding_codes_frame_idx` ON `coding_codes` (`frame_id`,`position`);--> statement-breakpoint
CREATE TABLE `coding_frames` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_id` text NOT NULL,
	`question_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coding_frames_question_uq` ON `coding_frames` (`survey_id`,`question_id`);