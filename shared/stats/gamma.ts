/**
 * The gamma function's logarithm and the regularized incomplete gamma function, which the t,
 * chi-square and normal distributions are built on.
 */

const EPS = 1e-16;
const TINY = 1e-300;

// Lanczos approximation with Godfrey's coefficients (g = 7, n = 9): relative error about 1e-15
// for x > 0, which is all the distributions here need.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (and by reflection below ½). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** P(a, x) by its power series: converges fast for x < a + 1 (Numerical Recipes 3rd ed. §6.2, `gser`). */
function lowerSeries(a: number, x: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  for (let i = 0; i < 100_000; i++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/**
 * The continued fraction of Q(a, x) without its factor e⁻ˣ·xᵃ/Γ(a), by the modified Lentz method:
 * converges fast for x ≥ a + 1 (ibid., `gcf`). The caller supplies the factor, so a caller that
 * knows Γ(a) exactly (√π for the normal tail) keeps that precision.
 */
export function upperGammaFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/**
 * The upper regularized incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a), computed on whichever
 * side keeps its precision, so small p-values are not lost to 1 − P.
 */
export function upperGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  return x < a + 1 ? 1 - lowerSeries(a, x) : Math.exp(-x + a * Math.log(x) - logGamma(a)) * upperGammaFraction(a, x);
}
