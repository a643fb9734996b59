/**
 * The addresses and requests the app's typed API calls make. That a wrong call doesn't compile is
 * proved beside this file, in api-client-misuse.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, apiUrl, setCsrfToken } from '../../client/app/lib/api';
import type { ImportRowError } from '../../shared/api/collect';

interface Sent {
  url: string;
  init: RequestInit;
}

function answering(status: number, body: unknown) {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(status === 204 ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return sent;
}
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('the app’s typed API calls', () => {
  it('fills path parameters in encoded, and leaves empty query values out', async () => {
    const sent = answering(200, { count: 0 });
    await api.get('/api/surveys/:id/test-responses', { params: { id: 'a/b c' } });
    await api.get('/api/surveys/:id/fieldwork', { params: { id: 'x' }, query: { wave: 2 } });
    await api.get('/api/audit', { query: { area: undefined, before: 40 } });
    expect(sent.map((s) => s.url)).toEqual([
      '/api/surveys/a%2Fb%20c/test-responses',
      '/api/surveys/x/fieldwork?wave=2',
      '/api/audit?before=40',
    ]);
    expect(apiUrl('/api/surveys/:id/invitations.csv', { params: { id: 's1' }, query: { pending: '1' } })).toBe(
      '/api/surveys/s1/invitations.csv?pending=1',
    );
  });

  it('sends the body as JSON with the CSRF token on writes, and nothing extra on reads', async () => {
    setCsrfToken('t0ken');
    const sent = answering(201, { id: 'tok', token: 'ys_x' });
    await api.post('/api/auth/tokens', { body: { name: 'CRM' } });
    await api.get('/api/auth/tokens');
    expect(sent[0].init.method).toBe('POST');
    expect(sent[0].init.body).toBe('{"name":"CRM"}');
    expect(sent[0].init.headers).toMatchObject({ 'X-CSRF-Token': 't0ken', 'Content-Type': 'application/json' });
    expect(sent[1].init.headers).not.toHaveProperty('X-CSRF-Token');
    expect(sent[1].init.body).toBeUndefined();
  });

  it('turns a refusal into an ApiError whose details are typed by their code', async () => {
    const rows: ImportRowError[] = [{ line: 2, code: 'bad-email', message: 'line 2: not an e-mail address' }];
    answering(400, {
      error: { code: 'invalid-contacts', message: 'line 2', path: 'csv', details: rows, params: { line: 2 } },
    });
    const err = await api
      .post('/api/surveys/:id/invitations/import', { params: { id: 's' }, body: { csv: 'email\nnope' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.detailsOf('invalid-contacts')).toEqual(rows);
    expect(e.paramsOf('invalid-contacts')).toEqual({ line: 2 });
    expect(e.detailsOf('invalid-bounces')).toBeUndefined();
  });
});
