/**
 * A signed-in client of a server running as its own process, over real HTTP: keeps the session
 * cookie and sends the CSRF token on writes, like the app in a browser. For the benchmark and the
 * tests that run several nodes.
 */
import { answerBody } from './answer-body';

export class HttpAgent {
  cookie = '';
  csrf = '';
  constructor(public base: string) {}

  /** The same signed-in session, talking to another node. */
  on(base: string): HttpAgent {
    const other = new HttpAgent(base);
    other.cookie = this.cookie;
    other.csrf = this.csrf;
    return other;
  }

  async request(method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const session = /ys_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '');
    if (session) this.cookie = session[1] ? `ys_session=${session[1]}` : '';
    const text = await res.text();
    const json = answerBody(text);
    if (json && typeof json === 'object' && typeof json.csrf === 'string') this.csrf = json.csrf;
    return { status: res.status, body: json, headers: res.headers };
  }
  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body: unknown = {}) {
    return this.request('POST', path, body);
  }
  put(path: string, body: unknown) {
    return this.request('PUT', path, body);
  }
  patch(path: string, body: unknown) {
    return this.request('PATCH', path, body);
  }
}

/** Creates the first administrator on a fresh server and returns them signed in. */
export async function firstAdmin(base: string): Promise<HttpAgent> {
  const admin = new HttpAgent(base);
  const r = await admin.post('/api/auth/setup', {
    name: 'Ada Admin',
    email: 'ada@example.com',
    password: 'correct horse battery',
  });
  if (r.status !== 201) throw new Error(`setup failed: ${r.status} ${JSON.stringify(r.body)}`);
  return admin;
}

/** Creates and publishes a survey on `slug`; resolves with its id and first version's id. */
export async function publishedSurvey(admin: HttpAgent, definition: unknown, slug: string) {
  const created = await admin.post('/api/surveys', { definition, slug });
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  const published = await admin.post(`/api/surveys/${created.body.id}/publish`);
  if (published.status !== 200) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
  const versions = published.body.versions as { id: number; version: number }[];
  const newest = versions.reduce((a, b) => (b.version > a.version ? b : a));
  return { id: created.body.id as string, versionId: newest.id };
}
