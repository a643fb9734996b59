/** /surveys/:id/alerts: the survey's alert rules, follow-up settings and webhooks. */
import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { AlertRuleDto, AlertsState } from '../../../shared/api/alerts';
import type { SurveyDetail } from '../../../shared/api/surveys';
import { useSession } from '../auth/session';
import { api } from '../lib/api';
import { ConfirmButton, EmptyState, ErrorBox, Loading } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { Icon } from '../lib/icons';
import AlertSettingsCard from './AlertSettingsCard';
import { describeComplaintClass, describeRule } from './describe';
import { PRIORITY_KEY } from './keys';
import RuleEditor from './RuleEditor';
import { sourcesOf } from './sources';
import WebhooksCard from './WebhooksCard';
import { textIn } from '../coding/text';
import './alerts.css';

export default function AlertsPage() {
  const params = useParams();
  const [data, { refetch, mutate }] = createResource(
    () => params.id,
    async (id) => {
      const [survey, state] = await Promise.all([
        api.get('/api/surveys/:id', { params: { id } }),
        api.get('/api/surveys/:id/alerts', { params: { id } }),
      ]);
      return { survey, state };
    },
  );
  return (
    <Switch fallback={<Loading />}>
      <Match when={data.error}>
        <ErrorBox error={data.error} onRetry={refetch} />
      </Match>
      <Match when={data()}>
        {(d) => (
          <Alerts survey={d().survey} state={d().state} onState={(state) => mutate({ survey: d().survey, state })} />
        )}
      </Match>
    </Switch>
  );
}

function Alerts(props: { survey: SurveyDetail; state: AlertsState; onState: (s: AlertsState) => void }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const canEdit = () => session.can('researcher');
  const [editing, setEditing] = createSignal<AlertRuleDto | 'new' | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  // The names of the codes `matchesCode` conditions name, from their questions' codeframes.
  const [codeNames] = createResource(
    () => [
      ...new Set(
        props.state.rules.flatMap((r) => r.when.conditions.flatMap((c) => (c.op === 'matchesCode' ? [c.source] : []))),
      ),
    ],
    async (questions) => {
      const names = new Map<string, string>();
      for (const questionId of questions) {
        const frame = await api
          .get('/api/surveys/:id/coding/:questionId', { params: { id: props.survey.id, questionId } })
          .catch(() => null);
        for (const c of frame?.codes ?? []) names.set(c.id, textIn(c.label, locale(), frame!.languages[0]));
      }
      return names;
    },
  );
  const sources = () => sourcesOf(props.survey.draft, locale());
  const userName = (id: string | null | undefined) =>
    props.state.users.find((u) => u.id === id)?.name ?? t('cases.unassigned');
  const ownerText = (r: AlertRuleDto) =>
    r.owner.kind === 'user'
      ? userName(r.owner.userId)
      : r.owner.kind === 'route'
        ? t('alerts.routedBy', { field: r.owner.field })
        : t('cases.unassigned');

  const saved = (rule: AlertRuleDto) => {
    const exists = props.state.rules.some((r) => r.id === rule.id);
    props.onState({
      ...props.state,
      rules: exists ? props.state.rules.map((r) => (r.id === rule.id ? rule : r)) : [...props.state.rules, rule],
    });
    setEditing(null);
  };
  const remove = async (rule: AlertRuleDto) => {
    setFailure(null);
    try {
      await api.delete('/api/surveys/:id/alerts/rules/:ruleId', { params: { id: props.survey.id, ruleId: rule.id } });
      props.onState({ ...props.state, rules: props.state.rules.filter((r) => r.id !== rule.id) });
    } catch (err) {
      setFailure(err);
    }
  };

  return (
    <div class="page alerts-page">
      <header class="page-header">
        <div>
          <A href={`/surveys/${props.survey.id}`} class="back-link">
            <Icon name="back" />
            {t('distribute.backToSurvey')}
          </A>
          <h1>{t('alerts.title')}</h1>
          <p class="muted">{t('alerts.intro')}</p>
        </div>
        <div class="page-header-actions">
          <A href={`/cases?survey=${props.survey.id}`} class="btn btn-quiet">
            {t('alerts.seeCases')}
          </A>
        </div>
      </header>
      <Show when={failure()}>
        <ErrorBox error={failure()} />
      </Show>

      <section class="card" aria-labelledby="rules-title">
        <div class="card-head">
          <h2 class="card-title" id="rules-title">
            {t('alerts.rules')}
          </h2>
          <Show when={canEdit() && editing() === null}>
            <button
              type="button"
              class="btn btn-small btn-primary"
              onClick={() => setEditing('new')}
              data-testid="add-rule"
            >
              <Icon name="plus" />
              {t('alerts.addRule')}
            </button>
          </Show>
        </div>
        <Show
          when={props.state.rules.length > 0 || editing() !== null}
          fallback={<EmptyState title={t('alerts.noRules')} hint={t('alerts.noRulesHint')} />}
        >
          <ul class="rule-list">
            <For each={props.state.rules}>
              {(r) => (
                <li class="rule" classList={{ 'is-off': !r.enabled }} data-testid="rule">
                  <Show
                    when={editing() !== r}
                    fallback={
                      <RuleEditor
                        surveyId={props.survey.id}
                        rule={r}
                        sources={sources()}
                        state={props.state}
                        onSaved={saved}
                        onCancel={() => setEditing(null)}
                      />
                    }
                  >
                    <div class="rule-text">
                      <strong>{r.name}</strong>
                      <Show when={!r.enabled}>
                        {' '}
                        <span class="chip">{t('alerts.off')}</span>
                      </Show>
                      <div class="rule-when">
                        <code>{describeRule(r, t, (id) => codeNames()?.get(id))}</code>
                      </div>
                      <div class="muted">
                        {t('alerts.ruleSummary', {
                          owner: ownerText(r),
                          priority: t(PRIORITY_KEY[r.priority]),
                          hours: r.dueHours ?? props.state.settings.dueHours[r.priority],
                        })}
                      </div>
                      <Show when={describeComplaintClass(r, t)}>
                        {(text) => (
                          <div class="muted" data-testid="rule-complaint">
                            {text()}
                          </div>
                        )}
                      </Show>
                    </div>
                    <Show when={canEdit()}>
                      <div class="row-actions">
                        <button type="button" class="btn btn-small" onClick={() => setEditing(r)}>
                          {t('alerts.edit')}
                        </button>
                        <ConfirmButton label={t('common.delete')} onConfirm={() => remove(r)} />
                      </div>
                    </Show>
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <Show when={editing() === 'new'}>
            <RuleEditor
              surveyId={props.survey.id}
              rule={null}
              sources={sources()}
              state={props.state}
              onSaved={saved}
              onCancel={() => setEditing(null)}
            />
          </Show>
        </Show>
      </section>

      <AlertSettingsCard
        surveyId={props.survey.id}
        state={props.state}
        readOnly={!canEdit()}
        onSaved={(settings) => props.onState({ ...props.state, settings })}
      />
      <Show when={canEdit()}>
        <WebhooksCard
          surveyId={props.survey.id}
          webhooks={props.state.webhooks}
          onChange={(webhooks) => props.onState({ ...props.state, webhooks })}
        />
      </Show>
    </div>
  );
}
