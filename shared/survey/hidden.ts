// The server's limit (shared/api/surveys.ts): a longer value would turn a whole save into a 400.
const MAX_HIDDEN = 500;

/** Declared hidden fields found in the link's query string (tier, region, customer id…). */
export function hiddenFromUrl(params: URLSearchParams, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fields) {
    const value = params.get(name);
    if (value !== null) out[name] = value.slice(0, MAX_HIDDEN);
  }
  return out;
}
