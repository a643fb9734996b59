/**
 * The small dense linear algebra that driver analysis needs: correlation matrices, a symmetric
 * eigen-decomposition and Cholesky solves, for at most a few dozen predictors.
 */
import { StatsInputError } from './errors';

export type Matrix = number[][];

export const COLLINEAR = 'predictors are perfectly (or almost perfectly) collinear';

/** Pearson correlations of the columns of an n × k matrix (rows are observations). */
export function correlationMatrix(columns: number[][]): Matrix {
  const k = columns.length;
  const centred = columns.map((c) => {
    let m = 0;
    for (const v of c) m += v;
    m /= c.length;
    return c.map((v) => v - m);
  });
  const norms = centred.map((c) => Math.sqrt(c.reduce((s, v) => s + v * v, 0)));
  const r: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    r[i][i] = 1;
    for (let j = i + 1; j < k; j++) {
      let s = 0;
      for (let t = 0; t < centred[i].length; t++) s += centred[i][t] * centred[j][t];
      r[i][j] = r[j][i] = s / (norms[i] * norms[j]);
    }
  }
  return r;
}

/**
 * Eigenvalues and eigenvectors (as columns of `vectors`) of a symmetric matrix by the cyclic
 * Jacobi method (Golub & Van Loan, Matrix Computations, §8.5): slow for large matrices, but
 * accurate to machine precision and simple, which suits k ≤ a few dozen.
 */
export function symmetricEigen(a: Matrix): { values: number[]; vectors: Matrix } {
  const k = a.length;
  const m = a.map((row) => [...row]);
  const v: Matrix = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) off += m[i][j] * m[i][j];
    if (off < 1e-30) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        if (m[p][q] === 0) continue;
        const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const mrp = m[r][p];
          const mrq = m[r][q];
          m[r][p] = c * mrp - s * mrq;
          m[r][q] = s * mrp + c * mrq;
        }
        for (let r = 0; r < k; r++) {
          const mpr = m[p][r];
          const mqr = m[q][r];
          m[p][r] = c * mpr - s * mqr;
          m[q][r] = s * mpr + c * mqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r][p];
          const vrq = v[r][q];
          v[r][p] = c * vrp - s * vrq;
          v[r][q] = s * vrp + c * vrq;
        }
      }
    }
  }
  return { values: m.map((row, i) => row[i]), vectors: v };
}

/**
 * Solves A x = b for a symmetric positive-definite A by Cholesky factorisation; a pivot that is
 * not clearly positive means the predictors are (nearly) collinear.
 */
export function solvePositiveDefinite(a: Matrix, b: number[], argument: string): number[] {
  const k = a.length;
  const l: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i][j];
      for (let t = 0; t < j; t++) s -= l[i][t] * l[j][t];
      if (i === j) {
        if (!(s > 1e-10)) throw new StatsInputError(argument, COLLINEAR);
        l[i][i] = Math.sqrt(s);
      } else {
        l[i][j] = s / l[j][j];
      }
    }
  }
  const y = new Array<number>(k);
  for (let i = 0; i < k; i++) {
    let s = b[i];
    for (let t = 0; t < i; t++) s -= l[i][t] * y[t];
    y[i] = s / l[i][i];
  }
  const x = new Array<number>(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = y[i];
    for (let t = i + 1; t < k; t++) s -= l[t][i] * x[t];
    x[i] = s / l[i][i];
  }
  return x;
}
