DROP INDEX `responses_survey_cell_status_idx`;--> statement-breakpoint
ALTER TABLE `responses` ADD `duration` real;--> statement-breakpoint
-- Responses that ended before this column existed: their page times summed, or without any the
-- time from the first save to the end (as server/report/coded-answers.ts responseDuration does).
UPDATE `responses` SET `duration` = coalesce(
  (SELECT sum(`value`) FROM json_each(iif(json_valid(`page_times`), `page_times`, '{}')) WHERE `type` IN ('integer', 'real')),
  `completed_at` - `started_at`
) WHERE `completed_at` IS NOT NULL;--> statement-breakpoint
CREATE INDEX `responses_survey_counts_idx` ON `responses` (`survey_id`,`status`,`is_test`,`wave`,`quota_cell`,`duration`,`version_id`);
