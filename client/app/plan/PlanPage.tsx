/** /surveys/:id/plan: the research plan of a survey, with the fieldwork it drives. */
import { useParams } from '@solidjs/router';
import { createResource, Match, Switch } from 'solid-js';
import type { PlanDto } from '../../../shared/api/plan';
import type { SurveyDetail } from '../../../shared/api/surveys';
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
        api.get<SurveyDetail>(`/api/surveys/${id}`),
        api.get<PlanDto>(`/api/surveys/${id}/plan`),
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
