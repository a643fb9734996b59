/**
 * How far two coders who coded the same answers blind agree. Each code is a yes/no decision per
 * answer: Cohen's kappa per code; Krippendorff's alpha (nominal) over every answer × code decision
 * together, the overall figure.
 */
import { cohenKappa, krippendorffAlphaNominal } from '../stats/agreement';

export interface CodeAgreement {
  code: string;
  /** Answers both coders gave this code, and answers only one of them did. */
  both: number;
  onlyOne: number;
  /** Null when neither coder used the code, or both used it everywhere (kappa is undefined). */
  kappa: number | null;
}

export interface Agreement {
  /** Answers both coders coded. */
  answers: number;
  codes: CodeAgreement[];
  alpha: number | null;
}

/**
 * Agreement over the answers both coders coded. `a` and `b` map an answer to the codes each gave
 * it; an answer one coder has not coded is left out.
 */
export function agreement(
  codes: readonly string[],
  a: ReadonlyMap<number, ReadonlySet<string>>,
  b: ReadonlyMap<number, ReadonlySet<string>>,
): Agreement {
  const shared = [...a.keys()].filter((k) => b.has(k)).sort((x, y) => x - y);
  const units: [number, number][] = [];
  const perCode = codes.map((code) => {
    const x = shared.map((k) => (a.get(k)!.has(code) ? 1 : 0));
    const y = shared.map((k) => (b.get(k)!.has(code) ? 1 : 0));
    let both = 0;
    let onlyOne = 0;
    x.forEach((v, i) => {
      units.push([v, y[i]]);
      if (v && y[i]) both++;
      else if (v || y[i]) onlyOne++;
    });
    return { code, both, onlyOne, kappa: shared.length > 0 ? cohenKappa(x, y) : null };
  });
  return { answers: shared.length, codes: perCode, alpha: krippendorffAlphaNominal(units) };
}
