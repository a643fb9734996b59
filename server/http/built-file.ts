/**
 * A file of the built client read once and kept, read again when the build replaces it: a
 * rebuild under a running server (npm run build, or a test's build) renames every hashed asset,
 * and HTML kept from before would name files that are gone.
 */
import { readFileSync, statSync } from 'node:fs';
import { AppError } from './errors';

const kept = new Map<string, { mtimeMs: number; text: string }>();

/** The file's text through `transform`, from memory while the file is unchanged; null when there is no such file. */
export function builtFile(file: string, transform: (text: string) => string = (x) => x): string | null {
  const mtimeMs = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  if (mtimeMs === undefined) return null;
  const hit = kept.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.text;
  const text = transform(readFileSync(file, 'utf8'));
  kept.set(file, { mtimeMs, text });
  return text;
}

/** What a page of the client answers when the client has not been built. */
export const notBuilt = () => new AppError(503, 'not-built', 'the client is not built: run npm run build');
