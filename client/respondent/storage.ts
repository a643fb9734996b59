/**
 * The respondent's progress on this device, so closing the tab loses nothing and a submission that
 * could not be sent is sent on the next visit. Storage can be missing or throw (private modes,
 * blocked cookies, a full quota); the survey must still work then, only without resuming.
 */
import type { Answers } from '../../shared/survey/answers';
import { canonicalTag } from '../../shared/survey/survey-language';
import { progressKey } from '../../shared/survey/page-view';
import { CLIENT_ID } from '../../shared/api/tokens';

export type EndKind = 'complete' | 'screened-out' | 'over-quota';

export interface Progress {
  clientId: string;
  answers: Answers;
  /** Index of the page the respondent is on. */
  page: number;
  /** Milliseconds spent on each page, by page id. */
  pageTimes: Record<string, number>;
  hidden: Record<string, string>;
  /** A language picked on the page, which outranks the browser's next time. */
  lang?: string;
  /** The respondent pressed Finish (or the server ended the survey early for them). */
  finished: boolean;
  /** The last change has not yet been acknowledged by the server. */
  unsent: boolean;
  outcome?: EndKind;
  /** The secret the server gave when it created this response: only it reads the answers back. */
  resumeKey?: string;
}

export { progressKey };

/** 128 random bits as base64url. getRandomValues, unlike randomUUID, also works over plain http. */
export function newClientId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function freshProgress(clientId: string): Progress {
  return { clientId, answers: {}, page: 0, pageTimes: {}, hidden: {}, finished: false, unsent: false };
}

export function openStorage(): Storage | null {
  try {
    // The getter itself throws when the browser blocks site data.
    return window.localStorage;
  } catch {
    return null;
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The stored progress, or null when there is none or it is not ours (edited, or an older format). */
export function loadProgress(storage: Storage | null, key: string): Progress | null {
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(key) ?? 'null');
  } catch {
    return null;
  }
  if (!isRecord(raw) || typeof raw.clientId !== 'string' || !CLIENT_ID.test(raw.clientId)) return null;
  const times = isRecord(raw.pageTimes) ? raw.pageTimes : {};
  const hidden = isRecord(raw.hidden) ? raw.hidden : {};
  return {
    clientId: raw.clientId,
    answers: (isRecord(raw.answers) ? raw.answers : {}) as Answers,
    page: Number.isInteger(raw.page) && (raw.page as number) >= 0 ? (raw.page as number) : 0,
    pageTimes: Object.fromEntries(
      Object.entries(times).filter(([, ms]) => typeof ms === 'number' && ms >= 0),
    ) as Record<string, number>,
    hidden: Object.fromEntries(Object.entries(hidden).filter(([, s]) => typeof s === 'string')) as Record<
      string,
      string
    >,
    lang: typeof raw.lang === 'string' && canonicalTag(raw.lang) === raw.lang ? raw.lang : undefined,
    finished: raw.finished === true,
    unsent: raw.unsent === true,
    outcome:
      raw.outcome === 'complete' || raw.outcome === 'screened-out' || raw.outcome === 'over-quota'
        ? raw.outcome
        : undefined,
    resumeKey:
      typeof raw.resumeKey === 'string' && /^[A-Za-z0-9_-]{22}$/.test(raw.resumeKey) ? raw.resumeKey : undefined,
  };
}

export function saveProgress(storage: Storage | null, key: string, progress: Progress): void {
  try {
    storage?.setItem(key, JSON.stringify(progress));
  } catch {
    // A full or blocked storage only costs resuming; the server still gets every page.
  }
}
