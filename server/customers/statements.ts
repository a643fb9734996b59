/**
 * The register's bulk statements, one implementation per dialect behind this interface: SQLite
 * keeps its prepared statements (run synchronously inside the store's transaction), PostgreSQL sends
 * each batch as one statement over arrays (`unnest`), so a batch costs one round trip.
 */
import type { SQL, SQLWrapper } from 'drizzle-orm';
import { DIALECT } from '../db/dialect';
import type { Store, Sql, Work } from '../db/store';
import { pgStatements } from './statements.pg';
import { sqliteStatements } from './statements.sqlite';

/** What a customer's value is computed from. */
export interface Figures {
  id: string;
  lastAt: number | null;
  frequency: number;
  monetary: number;
  /** The figures and values stored now, as `storedKey` gives them, to write only those that changed. */
  stored: string;
  /** The value stored now, as `valueKey` (value-key.ts) gives it, to tell whether it changed. */
  was: string;
}

/** Computed values, index for index with the figures they were computed from. */
export interface Values {
  r: number[];
  f: number[];
  m: number[];
  segments: string[];
  tiers: number[];
}

/** A checked row of a customer file. */
export interface CustomerFileRow {
  externalId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  language: string | null;
  attributes: Record<string, string>;
}

/** A transactions file's rows as parallel arrays (a million rows stay small), and the order to write them in. */
export interface TransactionRows {
  customerIds: string[];
  dates: number[];
  amounts: number[];
  order: Uint32Array;
}

export interface CustomerStatements {
  /**
   * Every customer's figures: the given ones where given, else aggregated from the transactions of
   * done imports when `aggregate`, else those stored at the last aggregation.
   */
  figures(store: Store, aggregate: boolean): Promise<Figures[]>;
  /**
   * Writes the computed values of every customer whose figures or values changed, batch by batch,
   * and a history row at `now` for each customer whose value (`valueKey`) is not the one they had.
   */
  writeValues(store: Store, rows: readonly Figures[], values: Values, now: number): Promise<void>;
  /**
   * Stages `rows[from…to)` at their positions, each with its customer's stored id (or a new one)
   * and its attributes merged with the stored ones.
   */
  stage(db: Sql, importId: number, rows: readonly CustomerFileRow[], from: number, to: number): Work<void>;
  /**
   * Applies the staged rows of positions [from, to) by external id (a customer added meanwhile is
   * updated, not added twice) and deletes them; returns how many customers were new.
   */
  applyStaged(db: Sql, importId: number, from: number, to: number, now: number): Work<number>;
  /**
   * Deletes the import's transactions of customers erased while it was written (on PostgreSQL,
   * which has no foreign key to refuse them; SQLite's refuses such a row, failing the import).
   */
  dropErased(db: Sql, importId: number, rows: TransactionRows): Work<void>;
  /** How many transactions a batch of `insertTransactions` writes, in a transaction of its own. */
  transactionBatch: number;
  /** Writes the transactions `rows.order[from…to)` under the import. */
  insertTransactions(
    db: Sql,
    importId: number,
    currency: string,
    rows: TransactionRows,
    from: number,
    to: number,
  ): Work<void>;
  /** Sets ready-made RFM figures (a last purchase of null when there were none). */
  setGivenFigures(
    db: Sql,
    customerIds: readonly string[],
    lastAts: readonly (number | null)[],
    frequencies: readonly number[],
    monetaries: readonly number[],
    now: number,
  ): Work<void>;
  /** A text column in the order of its bytes, as SQLite compares: the same order on both dialects. */
  byteOrder(column: SQLWrapper): SQL;
}

export const statements: CustomerStatements = DIALECT === 'pg' ? pgStatements : sqliteStatements;
