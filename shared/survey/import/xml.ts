/**
 * A small, strict XML reader for LimeSurvey's .lss exports: elements, text, CDATA, comments, the
 * five named entities and numeric character references. Attributes are read but LimeSurvey keeps
 * everything in element text. No DTDs (a DOCTYPE is refused, so no entity expansion attacks), no
 * namespaces. It runs without a DOM, so the server and the browser share it.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (CDATA included), children's text excluded. */
  text: string;
}

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME_RE = /^[A-Za-z_:][\w.:-]*/;

export function parseXml(source: string): XmlElement {
  const src = source.replace(/^\ufeff/, '');
  let pos = 0;
  const lineAt = (at: number) => src.slice(0, at).split('\n').length;
  const fail = (message: string, at = pos): never => {
    throw new XmlError(message, lineAt(at));
  };

  const decode = (raw: string, at: number) =>
    raw.replace(/&(#x[0-9A-Fa-f]+|#\d+|\w+);|&/g, (whole, ref: string | undefined) => {
      if (ref === undefined) return fail('a bare "&" (write &amp;)', at);
      if (ref.startsWith('#')) {
        const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return code > 0 && code <= 0x10ffff
          ? String.fromCodePoint(code)
          : fail(`character reference ${whole} is out of range`, at);
      }
      return NAMED[ref] ?? fail(`unknown entity ${whole}`, at);
    });

  const skipMisc = () => {
    for (;;) {
      while (pos < src.length && /\s/.test(src[pos])) pos++;
      if (src.startsWith('<?', pos)) {
        const end = src.indexOf('?>', pos);
        if (end < 0) fail('a processing instruction is not closed');
        pos = end + 2;
      } else if (src.startsWith('<!--', pos)) {
        const end = src.indexOf('-->', pos);
        if (end < 0) fail('a comment is not closed');
        pos = end + 3;
      } else if (src.startsWith('<!DOCTYPE', pos)) {
        fail('DOCTYPE declarations are not accepted');
      } else return;
    }
  };

  const element = (depth: number): XmlElement => {
    const start = pos;
    // LimeSurvey nests five deep; a far deeper file is hostile and would exhaust the stack.
    if (depth > 64) fail('elements are nested more than 64 deep');
    if (src[pos] !== '<') fail('expected an element');
    pos++;
    const name = NAME_RE.exec(src.slice(pos, pos + 200))?.[0] ?? fail('expected an element name');
    pos += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      while (/\s/.test(src[pos] ?? '')) pos++;
      if (src.startsWith('/>', pos)) {
        pos += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (src[pos] === '>') {
        pos++;
        break;
      }
      const attr = NAME_RE.exec(src.slice(pos, pos + 200))?.[0] ?? fail(`<${name}> has a malformed attribute`);
      pos += attr.length;
      const m =
        /^\s*=\s*(["'])/.exec(src.slice(pos, pos + 50)) ?? fail(`attribute ${attr} of <${name}> has no quoted value`);
      pos += m[0].length;
      const end = src.indexOf(m[1], pos);
      if (end < 0) fail(`attribute ${attr} of <${name}> is not closed`);
      attributes[attr] = decode(src.slice(pos, end), pos);
      pos = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (pos >= src.length) fail(`<${name}> is not closed`, start);
      if (src.startsWith('</', pos)) {
        pos += 2;
        const closing = NAME_RE.exec(src.slice(pos, pos + 200))?.[0];
        if (closing !== name) fail(`</${closing ?? ''}> closes <${name}>`);
        pos += name.length;
        while (/\s/.test(src[pos] ?? '')) pos++;
        if (src[pos] !== '>') fail(`</${name}> is malformed`);
        pos++;
        return { name, attributes, children, text };
      }
      if (src.startsWith('<![CDATA[', pos)) {
        const end = src.indexOf(']]>', pos);
        if (end < 0) fail('a CDATA section is not closed');
        text += src.slice(pos + 9, end);
        pos = end + 3;
      } else if (src.startsWith('<!--', pos)) {
        const end = src.indexOf('-->', pos);
        if (end < 0) fail('a comment is not closed');
        pos = end + 3;
      } else if (src[pos] === '<') {
        children.push(element(depth + 1));
      } else {
        const end = src.indexOf('<', pos);
        const stop = end < 0 ? src.length : end;
        text += decode(src.slice(pos, stop), pos);
        pos = stop;
      }
    }
  };

  skipMisc();
  if (pos >= src.length) fail('the file holds no XML element');
  const root = element(0);
  skipMisc();
  if (pos < src.length) fail('text after the end of the document');
  return root;
}

/** The first child named `name`. */
export const child = (el: XmlElement | undefined, name: string) => el?.children.find((c) => c.name === name);

/**
 * The rows of a LimeSurvey table (`<questions><rows><row>…`) as plain records of their fields'
 * text; an element missing from a row is simply absent.
 */
export function tableRows(doc: XmlElement, table: string): Record<string, string>[] {
  const rows = child(child(doc, table), 'rows');
  return (rows?.children ?? [])
    .filter((r) => r.name === 'row')
    .map((r) => Object.fromEntries(r.children.map((f) => [f.name, f.text])));
}
