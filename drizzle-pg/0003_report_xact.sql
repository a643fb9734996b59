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
