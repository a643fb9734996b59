/** Transactions count once their import is done (server/customers/import-transactions.ts). */
export const COUNTED_IMPORT = `import_id in (select id from customer_imports where status = 'done')`;
