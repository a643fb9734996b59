/**
 * Reading LimeSurvey's .lss exports with fast-xml-parser into a small element tree. A DOCTYPE is
 * refused before parsing, so no entity of the file's own is ever expanded (billion laughs, external
 * entities); the five XML entities, numeric character references and HTML's named ones are decoded.
 * Nesting is capped: LimeSurvey nests five deep, a far deeper file is hostile.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

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

const MAX_DEPTH = 64;
const TEXT = '#text';
const CDATA = '#cdata';
const ATTRIBUTES = ':@';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: CDATA,
  htmlEntities: true,
  maxNestedTags: MAX_DEPTH,
});

/** fast-xml-parser's ordered output: one key naming the node, and its attributes under ':@'. */
type OrderedNode = Record<string, unknown> & { [ATTRIBUTES]?: Record<string, string> };

const lineAt = (src: string, at: number) => src.slice(0, at).split('\n').length;

/** Whitespace, the XML declaration, processing instructions and comments may precede the root; a DOCTYPE may not. */
function refuseDoctype(src: string) {
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/.exec(src)![0].length;
  if (/^<!DOCTYPE/i.test(src.slice(prolog)))
    throw new XmlError('DOCTYPE declarations are not accepted', lineAt(src, prolog));
}

function toElement(node: OrderedNode): XmlElement | null {
  const name = Object.keys(node).find((k) => k !== ATTRIBUTES)!;
  if (name === TEXT || name === CDATA || name.startsWith('?')) return null;
  const children: XmlElement[] = [];
  let text = '';
  for (const part of node[name] as OrderedNode[]) {
    if (TEXT in part) text += String(part[TEXT]);
    else if (CDATA in part) for (const t of part[CDATA] as OrderedNode[]) text += String(t[TEXT] ?? '');
    else {
      const el = toElement(part);
      if (el) children.push(el);
    }
  }
  return { name, attributes: { ...node[ATTRIBUTES] }, children, text };
}

export function parseXml(source: string): XmlElement {
  const src = source.replace(/^\ufeff/, '');
  refuseDoctype(src);
  const valid = XMLValidator.validate(src);
  if (valid !== true) throw new XmlError(valid.err.msg, valid.err.line);
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(src);
  } catch (e) {
    // The only refusal left after validation: nesting beyond maxNestedTags.
    throw new XmlError(`elements are nested more than ${MAX_DEPTH} deep (${(e as Error).message})`, 1);
  }
  const root = nodes.map(toElement).find((el) => el !== null);
  if (!root) throw new XmlError('the file holds no XML element', 1);
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
