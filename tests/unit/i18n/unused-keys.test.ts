/**
 * Every catalogue key is used by some screen or server message: a key nobody uses is a string
 * translators keep paying for. Expected to fail until the screens that use the starter keys exist.
 *
 * A key counts as used when it appears as a whole string literal ('nav.next', "nav.next" or
 * `nav.next`) in a .ts/.tsx file of client/, server/ or shared/ outside shared/i18n/. Keys built at
 * run time (`surveys.status.${s}`) are invisible to this scan; write a typed map instead, which
 * also makes the compiler check that every status has a label:
 *   const STATUS_LABEL: Record<SurveyStatus, AppKey> = { draft: 'surveys.status.draft', … };
 * The respondent and app namespaces share some key names (nav.skipToContent); one use covers both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAppMessages, loadRespondentMessages } from '../../../shared/i18n';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SCANNED = ['client', 'server', 'shared'];
const EXCLUDED = join('shared', 'i18n') + sep;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') out.push(...sources(path));
    } else if (/\.tsx?$/.test(entry.name) && !relative(ROOT, path).startsWith(EXCLUDED)) {
      out.push(path);
    }
  }
  return out;
}

const code = SCANNED.flatMap((d) => sources(join(ROOT, d)))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
const used = (key: string) => ["'", '"', '`'].some((q) => code.includes(`${q}${key}${q}`));

describe('catalogue keys in use', () => {
  it('every respondent key appears in the code', async () => {
    expect(Object.keys(await loadRespondentMessages('en')).filter((k) => !used(k))).toEqual([]);
  });

  it('every app key appears in the code', async () => {
    expect(Object.keys(await loadAppMessages('en')).filter((k) => !used(k))).toEqual([]);
  });
});
