/** Building HTML as strings, escaped, for the server's copy of the respondent page. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value, safe inside an element or a double-quoted attribute. */
export const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (ch) => ESCAPES[ch]);

type AttrValue = string | number | boolean | undefined | null;

/** ` name="value"` for each set attribute; `true` writes the bare name, false/undefined/null nothing. */
export function attrs(list: Record<string, AttrValue>): string {
  let out = '';
  for (const [name, value] of Object.entries(list)) {
    if (value === undefined || value === null || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${esc(value)}"`;
  }
  return out;
}

/** An element; `inner` is HTML already built (escape text with `esc`). */
export const el = (tag: string, list: Record<string, AttrValue>, inner = '') =>
  `<${tag}${attrs(list)}>${inner}</${tag}>`;

/** A void element such as <input>. */
export const leaf = (tag: string, list: Record<string, AttrValue>) => `<${tag}${attrs(list)}>`;
