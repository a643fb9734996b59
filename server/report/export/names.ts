/**
 * Variable names an analyst can predict and SPSS accepts. A name is built from ids joined by `_`
 * (`sq_tangibles_tan1_e`, `vw_too_cheap`, `brands_c1_quality`); question, item and brand ids
 * are already letters, digits and `_`, starting with a letter (shared/survey/schema-parts.ts).
 * What SPSS adds: at most 64 bytes, no reserved word, unique regardless of case, and no name
 * starting with COMM (a syntax line starting so is read as a COMMENT command).
 */

const MAX = 64;
const RESERVED = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);

/** `s` made a valid SPSS name on its own (prefix `v_` where it would not be one). */
export function spssName(s: string): string {
  let name = s.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z]/.test(name) || RESERVED.has(name.toUpperCase()) || /^comm/i.test(name)) name = `v_${name}`;
  return name.slice(0, MAX);
}

/**
 * A name giver for one file: each name valid and distinct from those given before. A clash (the
 * same name but for case, which SPSS ignores, or the same first 64 bytes) gets `_2`, `_3`… in the
 * variables' order, so the same survey always gives the same names.
 */
export function nameGiver(): (wanted: string) => string {
  const taken = new Set<string>();
  return (wanted) => {
    const base = spssName(wanted);
    let name = base;
    for (let k = 2; taken.has(name.toUpperCase()); k++) name = `${base.slice(0, MAX - String(k).length - 1)}_${k}`;
    taken.add(name.toUpperCase());
    return name;
  };
}
