DROP INDEX `responses_survey_cell_status_idx`;--> statement-breakpoint
CREATE INDEX `responses_survey_cell_status_idx` ON `responses` (`survey_id`,`quota_cell`,`status`,`wave`,`is_test`);