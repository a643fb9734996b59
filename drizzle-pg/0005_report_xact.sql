-- The transaction that completed each response, for the report's columns on every node
-- (server/report/stored-rows.pg.ts): a node reads again from the oldest transaction still open at
-- its last read. Set by a trigger, so every writer (submissions, imports, moves from SQLite) stamps
-- it. Rows completed before this migration keep null: they are older than any node's read.
ALTER TABLE "responses" ADD COLUMN "completed_xact" bigint;--> statement-breakpoint
CREATE INDEX "responses_completed_xact_idx" ON "responses" USING btree ("survey_id","completed_xact") WHERE status = 'complete' and is_test = false;--> statement-breakpoint
CREATE FUNCTION responses_completed_xact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'complete' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'complete') THEN
    NEW.completed_xact := pg_current_xact_id()::text::bigint;
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER responses_completed_xact BEFORE INSERT OR UPDATE OF status ON "responses"
  FOR EACH ROW EXECUTE FUNCTION responses_completed_xact();
--> statement-breakpoint
-- How many times the completed responses of each survey were changed or deleted after completion
-- (a customer's answers erased, responses deleted): a node whose columns were read before then
-- builds them again (server/report/stored-rows.pg.ts). Deletes are counted per statement, so
-- deleting a survey of a million responses is one row here, not a million.
CREATE TABLE "report_changes" ("survey_id" text PRIMARY KEY NOT NULL, "changes" bigint NOT NULL);--> statement-breakpoint
CREATE FUNCTION report_changed_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_changes VALUES (NEW.survey_id, 1)
    ON CONFLICT (survey_id) DO UPDATE SET changes = report_changes.changes + 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER report_changed_row AFTER UPDATE ON "responses" FOR EACH ROW
  WHEN (OLD.status = 'complete' AND (OLD.answers, OLD.hidden, OLD.coded, OLD.is_test, OLD.wave, OLD.quota_cell, OLD.survey_id, NEW.status)
    IS DISTINCT FROM (NEW.answers, NEW.hidden, NEW.coded, NEW.is_test, NEW.wave, NEW.quota_cell, NEW.survey_id, 'complete'))
  EXECUTE FUNCTION report_changed_row();--> statement-breakpoint
CREATE FUNCTION report_changed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_changes SELECT survey_id, count(*) FROM gone WHERE status = 'complete' GROUP BY survey_id
    ON CONFLICT (survey_id) DO UPDATE SET changes = report_changes.changes + excluded.changes;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER report_changed_rows AFTER DELETE ON "responses" REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION report_changed_rows();
