/** /surveys/:id/plan: the research plan of a survey, with the fieldwork it drives. */
import { useParams } from '@solidjs/router';
import { createResource, Match, Switch } from 'solid-js';
import { api } from '../lib/api';
import { ErrorBox, Loading } from '../lib/components';
import PlanEditor from './PlanEditor';
import './plan.css';

export default function PlanPage() {
  const params = useParams();
  const [data, { refetch }] = createResource(
    () => params.id,
    async (id) => {
      const [survey, plan] = await Promise.all([
        api.get('/api/surveys/:id', { params: { id } }),
        api.get('/api/surveys/:id/plan', { params: { id } }),
      ]);
      return { survey, plan };
    },
  );
  return (
    <Switch fallback={<Loading />}>
      <Match when={data.error}>
        <ErrorBox error={data.error} onRetry={refetch} />
      </Match>
      <Match when={data()} keyed>
        {(d) => <PlanEditor survey={d.survey} initial={d.plan} />}
      </Match>
    </Switch>
  );
}
