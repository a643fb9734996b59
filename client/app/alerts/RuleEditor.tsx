/** The form of one alert rule: name, conditions, segment limits, owner or routing, priority, due time and the complaint class its cases open with. */
import { createSignal, createUniqueId, For, Index, Match, Show, Switch } from 'solid-js';
import { createStore, produce, reconcile } from 'solid-js/store';
import {
  PRIORITIES,
  type AlertCondition,
  type AlertRuleDto,
  type AlertRuleSpec,
  type AlertsState,
} from '../../../shared/api/alerts';
import type { Condition } from '../../../shared/survey/logic-schema';
import { api } from '../lib/api';
import { ErrorBox } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { Icon } from '../lib/icons';
import ConditionRow from './ConditionRow';
import ComplaintSelects from './ComplaintSelects';
import { PRIORITY_KEY } from './keys';
import type { Source } from './sources';

type Draft = AlertRuleSpec;
type Route = Extract<Draft['owner'], { kind: 'route' }>;

export function blankRule(sources: Source[]): Draft {
  const first = sources.find((s) => s.kind === 'scale') ?? sources[0];
  return {
    name: '',
    enabled: true,
    when: {
      match: 'all',
      conditions: [
        first?.kind === 'scale'
          ? { source: first.id, op: 'between', max: 2 }
          : { source: first?.id ?? '', op: 'answered' },
      ],
    },
    segment: [],
    owner: { kind: 'none' },
    priority: 'normal',
    dueHours: null,
    complaintType: null,
    severity: null,
  };
}

export default function RuleEditor(props: {
  surveyId: string;
  rule: AlertRuleDto | null;
  sources: Source[];
  state: AlertsState;
  onSaved: (r: AlertRuleDto) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const start: Draft = props.rule
    ? structuredClone({ ...props.rule, id: undefined, createdAt: undefined, updatedAt: undefined })
    : blankRule(props.sources);
  const [draft, setDraft] = createStore<Draft>(start);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const hidden = () => props.sources.filter((s) => s.kind === 'hidden');
  const id = createUniqueId();

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    setBusy(true);
    try {
      const body = JSON.parse(JSON.stringify(draft)) as Draft;
      const saved = props.rule
        ? await api.put('/api/surveys/:id/alerts/rules/:ruleId', {
            params: { id: props.surveyId, ruleId: props.rule.id },
            body,
          })
        : await api.post('/api/surveys/:id/alerts/rules', { params: { id: props.surveyId }, body });
      props.onSaved(saved);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  const route = (edit: (r: Route) => void) =>
    setDraft(
      'owner',
      produce((x) => edit(x as Route)),
    );
  const setOwnerKind = (kind: 'none' | 'user' | 'route') => {
    const firstUser = props.state.users[0]?.id ?? '';
    setDraft(
      'owner',
      reconcile(
        kind === 'none'
          ? { kind }
          : kind === 'user'
            ? { kind, userId: firstUser }
            : { kind, field: hidden()[0]?.id ?? '', routes: [{ value: '', userId: firstUser }], fallbackUserId: null },
      ),
    );
  };

  return (
    <form class="card rule-editor form" onSubmit={save} data-testid="rule-editor">
      <h3 class="card-title">{props.rule ? t('alerts.editRule') : t('alerts.newRule')}</h3>
      <div class="field">
        <label class="field-label" for={`${id}-name`}>
          {t('alerts.ruleName')}
        </label>
        <input
          id={`${id}-name`}
          class="input"
          value={draft.name}
          maxLength={120}
          required
          placeholder={t('alerts.ruleNameHint')}
          onInput={(e) => setDraft('name', e.currentTarget.value)}
          data-testid="rule-name"
        />
      </div>

      <fieldset class="field">
        <legend class="field-label">{t('alerts.when')}</legend>
        <div class="radio-row" role="radiogroup">
          <label class="check">
            <input
              type="radio"
              name={`${id}-match`}
              checked={draft.when.match === 'all'}
              onChange={() => setDraft('when', 'match', 'all')}
            />
            {t('alerts.matchAll')}
          </label>
          <label class="check">
            <input
              type="radio"
              name={`${id}-match`}
              checked={draft.when.match === 'any'}
              onChange={() => setDraft('when', 'match', 'any')}
            />
            {t('alerts.matchAny')}
          </label>
        </div>
        <Index each={draft.when.conditions}>
          {(c, i) => (
            <ConditionRow
              index={i}
              condition={c()}
              sources={props.sources}
              surveyId={props.surveyId}
              onChange={(n) => setDraft('when', 'conditions', i, reconcile(n))}
              onRemove={
                draft.when.conditions.length > 1
                  ? () => setDraft('when', 'conditions', (cs) => cs.filter((_, k) => k !== i))
                  : undefined
              }
            />
          )}
        </Index>
        <button
          type="button"
          class="btn btn-small btn-quiet"
          onClick={() =>
            setDraft('when', 'conditions', (cs) => [
              ...cs,
              { source: props.sources[0]?.id ?? '', op: 'answered' } as AlertCondition,
            ])
          }
        >
          <Icon name="plus" />
          {t('alerts.addCondition')}
        </button>
      </fieldset>

      <Show when={hidden().length > 0}>
        <fieldset class="field">
          <legend class="field-label">{t('alerts.segment')}</legend>
          <p class="field-hint">{t('alerts.segmentHint')}</p>
          <Index each={draft.segment}>
            {(c, i) => (
              <ConditionRow
                index={100 + i}
                condition={c() as AlertCondition}
                sources={hidden()}
                onChange={(n) => setDraft('segment', i, reconcile(n as Condition))}
                onRemove={() => setDraft('segment', (cs) => cs.filter((_, k) => k !== i))}
              />
            )}
          </Index>
          <button
            type="button"
            class="btn btn-small btn-quiet"
            onClick={() => setDraft('segment', (cs) => [...cs, { source: hidden()[0].id, op: 'equals', value: '' }])}
            data-testid="add-segment"
          >
            <Icon name="plus" />
            {t('alerts.addSegment')}
          </button>
        </fieldset>
      </Show>

      <fieldset class="field">
        <legend class="field-label">{t('alerts.owner')}</legend>
        <div class="radio-row" role="radiogroup">
          <label class="check">
            <input
              type="radio"
              name={`${id}-owner`}
              checked={draft.owner.kind === 'none'}
              onChange={() => setOwnerKind('none')}
            />
            {t('alerts.ownerNone')}
          </label>
          <label class="check">
            <input
              type="radio"
              name={`${id}-owner`}
              checked={draft.owner.kind === 'user'}
              onChange={() => setOwnerKind('user')}
              data-testid="owner-user"
            />
            {t('alerts.ownerUser')}
          </label>
          <Show when={hidden().length > 0}>
            <label class="check">
              <input
                type="radio"
                name={`${id}-owner`}
                checked={draft.owner.kind === 'route'}
                onChange={() => setOwnerKind('route')}
                data-testid="owner-route"
              />
              {t('alerts.ownerRoute')}
            </label>
          </Show>
        </div>
        <Switch>
          <Match when={draft.owner.kind === 'user' && draft.owner}>
            {(o) => (
              <select
                class="select"
                aria-label={t('alerts.ownerUser')}
                value={(o() as { userId: string }).userId}
                onChange={(e) => setDraft('owner', { kind: 'user', userId: e.currentTarget.value })}
                data-testid="owner-select"
              >
                <For each={props.state.users}>{(u) => <option value={u.id}>{u.name}</option>}</For>
              </select>
            )}
          </Match>
          <Match when={draft.owner.kind === 'route' && (draft.owner as Route)}>
            {(o) => (
              <div class="routes">
                <label class="field-inline">
                  <span>{t('alerts.routeField')}</span>
                  <select
                    class="select select-small"
                    value={o().field}
                    onChange={(e) =>
                      route((x) => {
                        x.field = e.currentTarget.value;
                      })
                    }
                  >
                    <For each={hidden()}>{(h) => <option value={h.id}>{h.id}</option>}</For>
                  </select>
                </label>
                <Index each={o().routes}>
                  {(r, i) => (
                    <div class="logic-row">
                      <input
                        class="input input-narrow"
                        aria-label={t('alerts.routeValue')}
                        placeholder={t('alerts.routeValue')}
                        value={r().value}
                        onInput={(e) =>
                          route((x) => {
                            x.routes[i].value = e.currentTarget.value;
                          })
                        }
                      />
                      <span aria-hidden="true">→</span>
                      <select
                        class="select select-small"
                        aria-label={t('alerts.ownerUser')}
                        value={r().userId}
                        onChange={(e) =>
                          route((x) => {
                            x.routes[i].userId = e.currentTarget.value;
                          })
                        }
                      >
                        <For each={props.state.users}>{(u) => <option value={u.id}>{u.name}</option>}</For>
                      </select>
                      <button
                        type="button"
                        class="icon-btn icon-btn-danger"
                        aria-label={t('alerts.removeRoute')}
                        disabled={o().routes.length === 1}
                        onClick={() =>
                          route((x) => {
                            x.routes.splice(i, 1);
                          })
                        }
                      >
                        <Icon name="trash" />
                      </button>
                    </div>
                  )}
                </Index>
                <button
                  type="button"
                  class="btn btn-small btn-quiet"
                  onClick={() =>
                    route((x) => {
                      x.routes.push({ value: '', userId: props.state.users[0]?.id ?? '' });
                    })
                  }
                >
                  <Icon name="plus" />
                  {t('alerts.addRoute')}
                </button>
                <label class="field-inline">
                  <span>{t('alerts.fallback')}</span>
                  <select
                    class="select select-small"
                    value={o().fallbackUserId ?? ''}
                    onChange={(e) =>
                      route((x) => {
                        x.fallbackUserId = e.currentTarget.value || null;
                      })
                    }
                  >
                    <option value="">{t('cases.unassigned')}</option>
                    <For each={props.state.users}>{(u) => <option value={u.id}>{u.name}</option>}</For>
                  </select>
                </label>
              </div>
            )}
          </Match>
        </Switch>
      </fieldset>

      <div class="form-grid">
        <label class="field">
          <span class="field-label">{t('cases.col.priority')}</span>
          <select
            class="select"
            value={draft.priority}
            onChange={(e) => setDraft('priority', e.currentTarget.value as Draft['priority'])}
            data-testid="rule-priority"
          >
            <For each={PRIORITIES}>{(p) => <option value={p}>{t(PRIORITY_KEY[p])}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span class="field-label">{t('alerts.dueHours')}</span>
          <input
            class="input input-narrow"
            type="number"
            min="0.25"
            step="0.25"
            value={draft.dueHours ?? ''}
            placeholder={String(props.state.settings.dueHours[draft.priority])}
            onInput={(e) => setDraft('dueHours', e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
          />
          <span class="field-hint">{t('alerts.dueHoursHint')}</span>
        </label>
        <ComplaintSelects
          type={draft.complaintType}
          severity={draft.severity}
          testId="rule"
          onType={(type) => setDraft('complaintType', type)}
          onSeverity={(severity) => setDraft('severity', severity)}
        />
      </div>
      <p class="field-hint">{t('alerts.complaintHint')}</p>
      <label class="check">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft('enabled', e.currentTarget.checked)} />
        <span>{t('alerts.enabled')}</span>
      </label>
      <Show when={failure()}>
        <ErrorBox error={failure()} />
      </Show>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy()} data-testid="rule-save">
          {t('alerts.saveRule')}
        </button>
        <button type="button" class="btn btn-quiet" onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
