import { describe, expect, it } from 'vitest';
import { importSurvey } from '../../../shared/survey/import';
import { idMaker } from '../../../shared/survey/import/common';
import { duplicateChoices, largeLss, sameNamedQuestions } from '../../../bench/import-files';

/** The fastest of three runs, in ms: this machine is shared, and a slow run says little. */
function fastest(content: string) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    importSurvey(content);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('imports grow linearly with the file', () => {
  it('gives 32,000 duplicate choice values distinct ids in about four times the time of 8,000', () => {
    const small = fastest(duplicateChoices(8_000, 200));
    const large = fastest(duplicateChoices(32_000, 200));
    // Linear: ×4. The restarting id search was quadratic (×16): 32,000 took 50 s.
    expect(large / small).toBeLessThan(8);
    const ids = importSurvey(duplicateChoices(32_000, 200)).definition.pages[0].questions[0];
    expect(ids.type === 'single' && new Set(ids.options.map((o) => o.id)).size).toBe(200);
  });

  it('refuses a question with more choices than a question holds before reading them', () => {
    const r = importSurvey(duplicateChoices(32_000));
    expect(r.unmapped).toContainEqual(
      expect.objectContaining({
        source: 'q',
        code: 'tooManyChoices',
        message: 'it has 32,000 choices; a question here holds at most 200',
      }),
    );
  });

  it('hands out 32,000 ids for one name with about one lookup each', () => {
    // Counting the lookups makes the test independent of the machine's speed.
    class Counting extends Set<string> {
      lookups = 0;
      override has(x: string) {
        this.lookups++;
        return super.has(x);
      }
    }
    const taken = new Counting();
    const make = idMaker('o', taken);
    for (let k = 0; k < 32_000; k++) make('1');
    // The search that restarted at _2 for every copy made 32,000²/2 ≈ 512 million (50 s).
    expect(taken.lookups).toBeLessThanOrEqual(2 * 32_000);
    const fresh = idMaker('o');
    expect(['1', '1', '1_2', '1'].map(fresh)).toEqual(['o1', 'o1_2', 'o1_2_2', 'o1_3']);
  });

  it('names 20,000 questions called "q" q, q_2 … q_20000, split over pages of 200', () => {
    const def = importSurvey(sameNamedQuestions(20_000)).definition;
    const ids = def.pages.flatMap((p) => p.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(20_000);
    expect(ids.at(-1)).toBe('q_20000');
    expect(def.pages).toHaveLength(100);
  });

  it('reads a 1 MB .lss in about four times the time of a 250 KB one', () => {
    const small = fastest(largeLss(250_000));
    const large = fastest(largeLss(1_000_000));
    expect(large / small).toBeLessThan(8);
  });
});
