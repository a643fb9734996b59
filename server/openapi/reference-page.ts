/**
 * The API reference as one self-contained HTML page, rendered from the OpenAPI document: no
 * script, no fonts or styles from elsewhere, so it reads the same offline and under our CSP.
 */
import { ERROR_STATUS } from './error-statuses';

type Json = Record<string, unknown>;
type Schema = Json & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  additionalProperties?: Schema | boolean;
};

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
/** `code` spans in the document's texts become <code>; everything else is escaped. */
const prose = (s: string) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

const LIMITS: [string, string][] = [
  ['minLength', 'length ≥ {}'],
  ['maxLength', 'length ≤ {}'],
  ['minItems', 'items ≥ {}'],
  ['maxItems', 'items ≤ {}'],
  ['minimum', '≥ {}'],
  ['maximum', '≤ {}'],
  ['exclusiveMinimum', '> {}'],
  ['exclusiveMaximum', '< {}'],
  ['pattern', 'matches {}'],
  ['format', 'format {}'],
  ['default', 'default {}'],
];

/** A schema as a short type, with its nested fields as a list below. */
function typeHtml(s: Schema | boolean | undefined, depth: number): string {
  if (s === undefined || s === true) return '<span class="t">any</span>';
  if (s === false) return '<span class="t">nothing</span>';
  if (s.$ref) {
    const name = s.$ref.split('/').pop()!;
    return `<a href="#schema-${esc(name)}" class="t">${esc(name)}</a>`;
  }
  if (s.const !== undefined) return `<code>${esc(JSON.stringify(s.const))}</code>`;
  if (s.enum) return s.enum.map((x) => `<code>${esc(JSON.stringify(x))}</code>`).join(' | ');
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.map((x) => typeHtml(x, depth)).join(' | ');
  const limits = LIMITS.filter(([k]) => s[k] !== undefined)
    .map(([k, text]) => text.replace('{}', esc(JSON.stringify(s[k]))))
    .join(', ');
  const note = limits ? ` <span class="muted">(${limits})</span>` : '';
  const type = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
  if (type === 'array') return `${typeHtml(s.items, depth)}[]${note}`;
  if (type === 'object' || s.properties) {
    const fields = Object.entries(s.properties ?? {});
    const extra =
      s.additionalProperties && typeof s.additionalProperties === 'object'
        ? `<li><span class="f">[key: string]</span>: ${typeHtml(s.additionalProperties, depth + 1)}</li>`
        : '';
    if (fields.length === 0 && !extra) return `<span class="t">object</span>${note}`;
    if (depth > 6) return '<span class="t">object</span>';
    const items = fields
      .map(([name, f]) => {
        const optional = s.required?.includes(name) ? '' : '?';
        return `<li><span class="f">${esc(name)}${optional}</span>: ${typeHtml(f, depth + 1)}</li>`;
      })
      .join('');
    return `<span class="t">object</span>${note}<ul>${items}${extra}</ul>`;
  }
  return `<span class="t">${esc(type ?? 'any')}</span>${note}`;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function operationHtml(method: string, path: string, op: Json): string {
  const params = (op.parameters as (Json & { schema: Schema })[] | undefined) ?? [];
  const body = (op.requestBody as { content: Record<string, { schema: Schema }> } | undefined)?.content[
    'application/json'
  ]?.schema;
  const responses = Object.entries(op.responses as Record<string, Json & { content?: Record<string, Json> }>);
  const rows = params
    .map(
      (p) =>
        `<tr><td><code>${esc(String(p.name))}</code></td><td>${esc(String(p.in))}${p.required ? '' : ', optional'}</td><td>${typeHtml(p.schema, 1)}${p.description ? ` — ${prose(String(p.description))}` : ''}</td></tr>`,
    )
    .join('');
  return `<details class="op" id="${esc(String(op.operationId))}">
<summary><span class="m m-${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code> <span class="s">${prose(String(op.summary))}</span></summary>
${String(op.description ?? '')
  .split('\n\n')
  .map((p) => `<p>${prose(p)}</p>`)
  .join('')}
${rows ? `<h4>Parameters</h4><table><tbody>${rows}</tbody></table>` : ''}
${body ? `<h4>Body <span class="muted">(application/json)</span></h4><div class="schema">${typeHtml(body, 0)}</div>` : ''}
<h4>Answers</h4><ul class="answers">${responses
    .map(([status, r]) => {
      const content = r.content ? Object.entries(r.content) : [];
      const shape = content
        .map(([media, m]) => {
          const schema = (m as { schema?: Schema }).schema;
          const shown = schema && !(schema.$ref ?? '').endsWith('/Error') && Object.keys(schema).length > 0;
          if (shown && !schema.title) return `<div class="schema">${typeHtml(schema, 0)}</div>`;
          return status.startsWith('2') ? `<span class="muted">${esc(media)}</span>` : '';
        })
        .join(' ');
      return `<li><b>${esc(status)}</b> ${prose(String(r.description))} ${shape}</li>`;
    })
    .join('')}</ul>
</details>`;
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--muted:#5b6570;--line:#d8dee4;--code:#f3f5f7}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ec;--bg:#14171a;--muted:#9aa4ae;--line:#30363d;--code:#1f2429}}
body{font:15px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);max-width:62rem;margin:0 auto;padding:1.5rem}
code{font:13px ui-monospace,monospace;background:var(--code);padding:0 .25em;border-radius:3px}
pre{background:var(--code);padding:.75rem;overflow:auto;border-radius:4px}pre code{padding:0}
h2{margin-top:2.5rem;border-bottom:1px solid var(--line)}h4{margin:.8rem 0 .3rem}
.op{border:1px solid var(--line);border-radius:6px;margin:.4rem 0;padding:.3rem .7rem}
.op summary{cursor:pointer}.s{color:var(--muted)}.muted{color:var(--muted)}
.m{display:inline-block;min-width:4.2em;font:600 12px ui-monospace,monospace}
.m-get{color:#1a7f37}.m-post{color:#0969da}.m-put,.m-patch{color:#9a6700}.m-delete{color:#cf222e}
table{border-collapse:collapse}td,th{border-top:1px solid var(--line);padding:.2rem .6rem;vertical-align:top;text-align:left}
.schema ul,.op ul{margin:.1rem 0 .1rem 1.1rem;padding:0;list-style:none}.f{font:13px ui-monospace,monospace}
.t{font:13px ui-monospace,monospace;color:#8250df}nav ul{columns:2}
@media (prefers-reduced-motion:no-preference){html{scroll-behavior:smooth}}
`;

/** The page for `doc`, the document `openApiDocument` built. */
export function referencePage(doc: Json): string {
  const info = doc.info as { title: string; version: string };
  const tags = doc.tags as { name: string; description: string }[];
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const schemas = (doc.components as { schemas: Record<string, Schema> }).schemas;
  const byTag = new Map<string, string[]>(tags.map((t) => [t.name, []]));
  for (const [path, ops] of Object.entries(paths))
    for (const method of METHODS) {
      const op = ops[method];
      if (op) byTag.get((op.tags as string[])[0])?.push(operationHtml(method, path, op));
    }
  const codes = Object.entries(ERROR_STATUS)
    .map(([code, status]) => `<tr><td><code>${esc(code)}</code></td><td>${status}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(info.title)} reference</title><style>${STYLE}</style></head>
<body><main>
<h1>${esc(info.title)} <span class="muted">${esc(info.version)}</span></h1>
<p>Every route of this server, generated from the schemas it validates with. The same description as
OpenAPI 3.1, to generate a client from: <a href="/api/openapi.json"><code>/api/openapi.json</code></a>.</p>
<h2 id="auth">Authentication</h2>
<p><b>Personal API token</b> (for scripts, a CRM, a BI tool): make one on your account page; send it as
<code>Authorization: Bearer ys_…</code>. It acts with its role (at most yours) and needs no CSRF token.</p>
<pre><code>curl -H "Authorization: Bearer $YARDSTICK_TOKEN" https://survey.example.com/api/surveys</code></pre>
<p><b>Browser session</b>: <code>POST /api/auth/login</code> sets the <code>ys_session</code> cookie and answers a
<code>csrf</code> token; every write (POST, PUT, PATCH, DELETE) sends it as <code>X-CSRF-Token</code>.
Writes from another origin are refused.</p>
<p>Bodies are JSON, sent with <code>Content-Type: application/json</code>.</p>
<h2 id="errors">Errors</h2>
<p>Every refusal answers <code>{ "error": { "code", "message", "params", "path"?, "details"? } }</code>: <code>code</code>
says what went wrong, <code>path</code> names the faulty field (<code>definition.pages[0].questions[1]</code>),
<code>params</code> carry the code's particulars (for <code>invalid</code>: <code>field</code>, <code>rule</code>,
<code>limit</code>), <code>details</code> list every fault for the codes that have several (faulty CSV rows).
<code>message</code> is English, for you, not for your users.</p>
<details><summary>Error codes and their status</summary><table><thead><tr><th>code</th><th>status</th></tr></thead><tbody>${codes}</tbody></table></details>
<nav><h2>Routes</h2><ul>${tags.map((t) => `<li><a href="#tag-${esc(t.name)}">${esc(t.name)}</a> <span class="muted">${esc(t.description)}</span></li>`).join('')}</ul></nav>
${tags.map((t) => `<section><h2 id="tag-${esc(t.name)}">${esc(t.name)}</h2><p class="muted">${esc(t.description)}</p>${byTag.get(t.name)!.join('\n')}</section>`).join('\n')}
<h2 id="schemas">Schemas</h2>
${Object.entries(schemas)
  .map(
    ([name, s]) =>
      `<details class="op" id="schema-${esc(name)}"><summary><code>${esc(name)}</code></summary><div class="schema">${typeHtml(s, 0)}</div></details>`,
  )
  .join('\n')}
</main></body></html>`;
}
