PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_user_invites` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`invited_by` text,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_user_invites`("token_hash", "email", "role", "invited_by", "expires_at", "used_at", "created_at") SELECT "token_hash", "email", "role", "invited_by", "expires_at", "used_at", "created_at" FROM `user_invites`;--> statement-breakpoint
DROP TABLE `user_invites`;--> statement-breakpoint
ALTER TABLE `__new_user_invites` RENAME TO `user_invites`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
ALTER TABLE `responses` ADD `resume_key_hash` text;