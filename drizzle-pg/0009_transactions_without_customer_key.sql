ALTER TABLE "customer_transactions" DROP CONSTRAINT "customer_transactions_customer_id_customers_id_fk";
