/**
 * The stored attributes with the given ones: an empty value removes an attribute, and a name
 * matches a stored one ignoring case (one CRM export says "Region", the next "region").
 */
export function mergeAttributes(stored: Record<string, string>, given: Record<string, string>): Record<string, string> {
  const out = { ...stored };
  for (const [name, value] of Object.entries(given)) {
    const key = Object.keys(out).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
    if (value === '') delete out[key];
    else out[key] = value;
  }
  return out;
}
