ALTER TABLE "customer_transactions" DROP CONSTRAINT "customer_transactions_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "customer_draws" ADD COLUMN "cross_by" text;--> statement-breakpoint
ALTER TABLE "customer_import_rows" ADD COLUMN "name_key" text;--> statement-breakpoint
ALTER TABLE "customer_settings" ADD COLUMN "figures_stale" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "name_key" text;