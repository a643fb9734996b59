/**
 * The coding screen's "next answer" as a coder meets it, over HTTP: like client/app/coding/
 * CodingScreen.tsx, the client holds pages of 200 answers and asks for the next page once within
 * 20 answers of the end of the held one. A move's time runs from asking for the next answer to
 * having it; moves follow each other with no pause (a coder holding the key down faster than any
 * key repeat), so the early fetch has no head start and a move onto a new page waits for it.
 */
import { performance } from 'node:perf_hooks';

const PAGE = 200;
const AHEAD = 20;

/** One page fetched by offset: `url(offset, limit)`, sent with `headers`. */
export interface PageSource {
  url: (offset: number, limit: number) => string;
  headers?: Record<string, string>;
}

export interface Moves {
  inPage: number[];
  newPage: number[];
}

/** Moves from answer `from` over `pages` page boundaries, one after the other. */
export async function walk(source: PageSource, from: number, pages: number): Promise<Moves> {
  const held = new Set<number>();
  const loading = new Map<number, Promise<void>>();
  const load = (offset: number) => {
    let pending = loading.get(offset);
    if (!pending) {
      pending = fetch(source.url(offset, PAGE), { headers: source.headers })
        .then(async (res) => {
          if (res.status !== 200) throw new Error(`page at ${offset}: ${res.status} ${await res.text()}`);
          const page = (await res.json()) as { items: unknown[] };
          if (page.items.length !== PAGE) throw new Error(`page at ${offset}: ${page.items.length} answers`);
          held.add(offset);
        })
        .finally(() => loading.delete(offset));
      loading.set(offset, pending);
    }
    return pending;
  };
  const moves: Moves = { inPage: [], newPage: [] };
  const first = Math.floor(from / PAGE) * PAGE;
  await load(first);
  for (let i = first + 1; i <= first + pages * PAGE; i++) {
    const offset = Math.floor(i / PAGE) * PAGE;
    const t0 = performance.now();
    if (i % PAGE > PAGE - AHEAD && !held.has(offset + PAGE)) void load(offset + PAGE);
    if (!held.has(offset)) await load(offset);
    (i % PAGE === 0 ? moves.newPage : moves.inPage).push(performance.now() - t0);
    // The screen draws the answer and the next key press arrives on a later turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return moves;
}

export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}
