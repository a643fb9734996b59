/**
 * A name as search compares it: compatibility forms made one (NFKC, so full-width Ｎ is N and a
 * decomposed ễ the composed one), then every letter lowercased by Unicode's default rules
 * (`toLowerCase` follows no locale; `toLocaleLowerCase('und')` gives the same 13 times slower),
 * and composed again. Folded here rather than by the database: SQLite's lower() folds
 * only ASCII letters, PostgreSQL's follows the database's locale; a key folded once, at write time,
 * searches the same on both.
 */
export const searchKey = (text: string): string => text.normalize('NFKC').toLowerCase().normalize('NFKC');
