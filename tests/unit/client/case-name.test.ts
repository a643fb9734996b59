import { describe, expect, it } from 'vitest';
import { caseName } from '../../../client/app/alerts/case-name';
import { AT_RISK_CASE } from '../../../shared/api/alerts';
import { createTranslator, loadAppMessages } from '../../../shared/i18n';

describe("a case's title", () => {
  it("words a case opened from the at-risk list in the reader's language, and keeps a rule's own name", async () => {
    const t = createTranslator('it', await loadAppMessages('it'));
    expect(caseName(t, AT_RISK_CASE)).toBe('Alto valore a rischio');
    expect(caseName(t, 'Ospite scontento')).toBe('Ospite scontento');
  });
});
