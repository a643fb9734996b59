-- Coded answers of the first format carried neither their length nor their version, so they
-- can't be read end to end: those rows are read from their JSON answers until server/report/recode.ts
-- codes them again. The open answers that `extra` held now end each coded row.
UPDATE `responses` SET `coded` = NULL WHERE `coded` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `responses` DROP COLUMN `extra`;--> statement-breakpoint
CREATE INDEX `responses_report_idx` ON `responses` (`survey_id`,`id`,`completed_at`,`version_id`,`wave`,`quota_cell`,`hidden`,`coded`) WHERE status = 'complete' and is_test = 0;
