/**
 * The app's API calls are typed by the contract (shared/api/contract): a call to a route that
 * doesn't exist, without its parameters or with a body of the wrong shape doesn't compile. Each
 * `@ts-expect-error` below is that proof: `tsc` (in `npm test`) fails when one of them compiles.
 */
import { api, ApiError } from '../../client/app/lib/api';

/** Never called: only compiled, by `tsc`, where each misuse must be an error. */
export async function misuses(id: string) {
  // @ts-expect-error: no such route
  await api.get('/api/survey');
  // @ts-expect-error: a route of another method
  await api.delete('/api/surveys');
  // @ts-expect-error: the path parameter is missing
  await api.get('/api/surveys/:id');
  // @ts-expect-error: a parameter the path doesn't have
  await api.get('/api/surveys/:id', { params: { id, shareId: id } });
  // @ts-expect-error: a filled-in address is not a route of the contract
  await api.get(`/api/surveys/${id}`);
  // @ts-expect-error: the body's field is misnamed
  await api.post('/api/surveys', { body: { definitions: {} } });
  // @ts-expect-error: a body the route requires is left out
  await api.put('/api/surveys/:id/plan', { params: { id } });
  // @ts-expect-error: a route that takes no body
  await api.post('/api/surveys/:id/waves', { params: { id }, body: { wave: 2 } });
  // @ts-expect-error: a query parameter the route doesn't read
  await api.get('/api/surveys/:id/fieldwork', { params: { id }, query: { waves: 2 } });
  // @ts-expect-error: a download is a link, not a JSON call
  await api.get('/api/surveys/:id/qr.svg', { params: { id } });
  const survey = await api.get('/api/surveys/:id', { params: { id } });
  // @ts-expect-error: the answer's type comes from the contract: SurveyDetail has no `name`
  survey.name;
  const error = new ApiError(400, 'invalid-contacts', 'line 2: bad');
  // @ts-expect-error: details are typed by their code
  const wrong: string[] | undefined = error.detailsOf('invalid-contacts');
  return wrong;
}
