/**
 * Import notes in English, for API users (the app words them itself, in the user's language).
 * Server-side only: it holds the English catalogue, which the app loads per language instead.
 */
import { createTranslator } from '../../i18n';
import en from '../../i18n/app/en';
import { noteText, type ImportNote } from './notes';

const t = createTranslator('en', en);

export const inEnglish = (n: ImportNote): string => noteText(t, n);
