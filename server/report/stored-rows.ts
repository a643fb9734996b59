/**
 * Completed responses read out of the table for the report's columns, a batch at a time as
 * parallel arrays, by the dialect's own reads (stored-rows.sqlite.ts, stored-rows.pg.ts). Each read
 * leaves a mark from which the next reads only what was completed since, on this node, whichever
 * node stored it.
 */
import { DIALECT } from '../db/dialect';
import type { Sql } from '../db/store';
import { pgRows } from './stored-rows.pg';
import { sqliteRows } from './stored-rows.sqlite';

/** A row read from its JSON answers: id, version id, duration (ms, null if unknown), answers. */
export type PlainRow = [number, number, number | null, Record<string, unknown>];

/** Rows as parallel arrays, in the order they were read. */
export interface RowBatch {
  n: number;
  id: number[];
  completedAt: number[];
  wave: number[];
  quotaCell: (string | null)[];
  hidden: (string | null)[];
  /** The coded rows (coded-answers.ts) end to end, in the same order, leaving out the plain ones. */
  coded: Buffer;
  /** The rows read from their JSON answers instead, in the same order. */
  plain: PlainRow[];
}

/**
 * Where a read of the survey's rows left off: `at`, the dialect's own position, and the rows
 * already taken that a later read may bring again (id → their stamp at or past `at`'s horizon).
 * A later read skips those, so nothing is taken twice, and forgets the ones it has moved past.
 */
export interface ReadMark {
  at: number;
  seen: Map<number, number>;
  /**
   * How many times rows already read were changed or deleted since (PostgreSQL counts them for
   * every node; on SQLite the one process drops its columns itself, dataset.ts `invalidate`).
   */
  changes: number;
}

/** A batch to append; `keep` says which of its rows are new (none already taken). */
export type Take = (batch: RowBatch, keep?: (id: number) => boolean) => void;

export interface StoredRows {
  /** Every counted row of the survey, in storage order; resolves with where the read left off. */
  readAll(db: Sql, surveyId: string, unfit: readonly number[], take: Take): Promise<ReadMark>;
  /**
   * The counted rows completed since `mark` (a few, on an index), those not taken yet kept; null,
   * taking nothing, when rows the mark covers have changed since, so the columns must be read anew.
   */
  readSince(db: Sql, surveyId: string, unfit: readonly number[], mark: ReadMark, take: Take): Promise<ReadMark | null>;
  /**
   * Completed responses up to the position `at`, counted on an index alone: what an on-disk
   * snapshot written at `at` checks against the table (deleted or restored data fails it).
   */
  countAt(db: Sql, surveyId: string, at: number): Promise<number>;
}

/** This process's dialect's reads. */
export const storedRows: StoredRows = DIALECT === 'pg' ? pgRows : sqliteRows;
