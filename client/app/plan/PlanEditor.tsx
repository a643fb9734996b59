/**
 * The plan form: the store is the truth while the page is open, every figure is derived from it
 * as it changes (with the same shared code the server runs), and Save sends it whole.
 */
import { A } from '@solidjs/router';
import { createEffect, createMemo, createSignal, on, onCleanup, Show } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import * as v from 'valibot';
import {
  allocateCells,
  completesNeeded,
  crossCells,
  crossValues,
  cellKey,
  invitationsFor,
  marginAt,
  PlanSchema,
  QuotaDesignError,
  QuotasSchema,
  SampleInputSchema,
  type PlanInput,
  type QuotaCell,
} from '../../../shared/plan';
import type { PlanDto } from '../../../shared/api/plan';
import type { SurveyDetail } from '../../../shared/api/surveys';
import { pickText } from '../../../shared/survey/text';
import type { Locale } from '../../../shared/i18n';
import { useSession } from '../auth/session';
import { api, ApiError } from '../lib/api';
import { ErrorBox } from '../lib/components';
import { Icon } from '../lib/icons';
import { useI18n } from '../lib/i18n';
import BudgetSection from './BudgetSection';
import { newPlan } from './defaults';
import FieldworkPanel from './FieldworkPanel';
import PlanDocument from './PlanDocument';
import { problemsOf, problemText } from './problems';
import QuotaDesigner from './QuotaDesigner';
import type { ShownCell } from './QuotaCells';
import SampleSection from './SampleSection';
import { quotaSources } from './sources';
import StudySection from './StudySection';

type Allocation = { cells: QuotaCell[] } | { error: QuotaDesignError } | null;

function allocationOf(plan: PlanInput, needed: number | null): Allocation {
  if (!plan.quotas) return null;
  const quotas = v.safeParse(QuotasSchema, { ...plan.quotas, cells: undefined });
  const total = plan.quotas.total ?? needed;
  if (!quotas.success || total === null || total === undefined || !Number.isInteger(total) || total < 1) return null;
  const population = plan.sample.population;
  try {
    return { cells: allocateCells(quotas.output, total, Number.isInteger(population) ? population : undefined) };
  } catch (e) {
    if (e instanceof QuotaDesignError) return { error: e };
    throw e;
  }
}

function neededFor(plan: PlanInput): number | null {
  const s = v.safeParse(SampleInputSchema, plan.sample);
  if (!s.success) return null;
  try {
    return completesNeeded(s.output);
  } catch {
    return null;
  }
}

/** Cells as saved are hand-edited unless they are what allocation gives anyway; only hand-edited ones stay fixed. */
function startingPlan(dto: PlanDto): PlanInput {
  if (!dto.plan) return newPlan();
  const plan: PlanInput = structuredClone(dto.plan);
  const stored = plan.quotas?.cells;
  const fresh = allocationOf(plan, neededFor(plan));
  if (
    plan.quotas &&
    stored &&
    fresh &&
    'cells' in fresh &&
    fresh.cells.every((c, i) => stored[i]?.key === c.key && stored[i].target === c.target)
  ) {
    delete plan.quotas.cells;
  }
  return plan;
}

export default function PlanEditor(props: { survey: SurveyDetail; initial: PlanDto }) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const canWrite = () => session.can('researcher');
  const surveyId = props.survey.id;
  const title = () => pickText(props.survey.draft.title, i18n.locale(), props.survey.draft.defaultLanguage);
  const sources = createMemo(() => quotaSources(props.survey.draft, i18n.locale() as Locale));

  const [plan, setPlan] = createStore<PlanInput>(startingPlan(props.initial));
  const json = createMemo(() => JSON.stringify(plan));
  const [savedJson, setSavedJson] = createSignal(json());
  const dirty = () => json() !== savedJson();
  const [savedFrequency, setSavedFrequency] = createSignal(props.initial.plan?.frequency ?? null);
  const [version, setVersion] = createSignal(0);
  const [busy, setBusy] = createSignal(false);
  const [tried, setTried] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [serverProblems, setServerProblems] = createSignal(new Map<string, string>());
  createEffect(on(json, () => setServerProblems(new Map()), { defer: true }));

  const sample = createMemo(() => {
    const s = v.safeParse(SampleInputSchema, plan.sample);
    return s.success ? s.output : null;
  });
  const needed = createMemo(() => neededFor(plan));
  const allocation = createMemo((): Allocation => allocationOf(plan, needed()));

  // Cells fixed by hand no longer fit once the categories change: allocation takes over again.
  createEffect(() => {
    const q = plan.quotas;
    if (!q?.cells) return;
    const expected = crossValues(q.variables).map(cellKey);
    if (expected.length !== q.cells.length || q.cells.some((c, i) => c.key !== expected[i]))
      setPlan('quotas', 'cells', undefined);
  });

  const shares = createMemo(() => {
    const q = plan.quotas && v.safeParse(QuotasSchema, { ...plan.quotas, cells: undefined });
    return q && q.success ? new Map(crossCells(q.output).map((c) => [c.key, c.share])) : new Map<string, number>();
  });
  const shownCells = createMemo((): ShownCell[] | null => {
    const q = plan.quotas;
    if (!q) return null;
    const a = allocation();
    const base = q.cells ?? (a && 'cells' in a ? a.cells : null);
    return (
      base?.map((c) => ({ key: c.key, values: [...c.values], target: c.target, share: shares().get(c.key) ?? null })) ??
      null
    );
  });
  const planned = () => {
    const cells = shownCells();
    return cells ? cells.reduce((a, c) => a + (Number.isFinite(c.target) ? c.target : 0), 0) : needed();
  };
  const invitations = () => (sample() && needed() !== null ? invitationsFor(needed()!, sample()!) : null);
  const marginPlanned = () => (sample() && planned() ? marginAt(sample()!, planned()!) : null);

  const setTarget = (key: string, target: number) => {
    if (!plan.quotas!.cells)
      setPlan(
        'quotas',
        'cells',
        (shownCells() ?? []).map(({ key: k, values, target: x }) => ({ key: k, values, target: x })),
      );
    const i = plan.quotas!.cells!.findIndex((c) => c.key === key);
    if (i >= 0) setPlan('quotas', 'cells', i, 'target', target);
  };

  const problems = createMemo(() => {
    const checked = v.safeParse(PlanSchema, plan);
    const map = checked.success ? new Map<string, string>() : problemsOf(t, plan, checked.issues);
    const a = allocation();
    if (a && 'error' in a && !map.has(a.error.path)) map.set(a.error.path, problemText(t, a.error.path, plan));
    if (sample() && needed() === null) map.set('sample.margin', t('plan.error.marginTooSmall'));
    plan.quotas?.variables.forEach((x, i) => {
      const path = `quotas.variables[${i}].source`;
      if (!map.has(path) && !sources().some((s) => s.id === x.source)) map.set(path, t('plan.error.source'));
    });
    for (const [path, message] of serverProblems()) if (!map.has(path)) map.set(path, message);
    return map;
  });

  const showFirstProblem = () =>
    queueMicrotask(() => {
      const el = document.querySelector<HTMLElement>('.plan-form [aria-invalid="true"], .plan-form .field-error');
      el?.scrollIntoView({ block: 'center' });
      if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)
        el.focus({ preventScroll: true });
    });

  const save = async () => {
    setTried(true);
    setFailure(null);
    if (problems().size > 0) return showFirstProblem();
    setBusy(true);
    const sent = json();
    try {
      const saved = await api.put('/api/surveys/:id/plan', { params: { id: surveyId }, body: { plan: unwrap(plan) } });
      setSavedJson(sent);
      setSavedFrequency(saved.plan?.frequency ?? null);
      setVersion((n) => n + 1);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.path) {
        setServerProblems(new Map([[err.path.replace(/^plan\./, ''), problemText(t, err.path, plan)]]));
        showFirstProblem();
      } else {
        setFailure(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const beforeUnload = (e: BeforeUnloadEvent) => {
    if (dirty()) e.preventDefault();
  };
  window.addEventListener('beforeunload', beforeUnload);
  onCleanup(() => window.removeEventListener('beforeunload', beforeUnload));

  return (
    <div class="plan-page">
      <header class="page-header no-print">
        <div>
          <A href={`/surveys/${surveyId}`} class="back-link">
            <Icon name="back" />
            {title()}
          </A>
          <h1>{t('plan.title')}</h1>
          <p class="muted">{t('plan.subtitle')}</p>
        </div>
        <div class="page-header-actions">
          <Show when={canWrite()}>
            <span class={`save-state ${dirty() ? 'is-dirty' : ''}`} data-testid="plan-save-state">
              {dirty() ? t('plan.unsaved') : t('plan.saved')}
            </span>
          </Show>
          <A href={`/surveys/${surveyId}/report`} class="btn btn-quiet">
            <Icon name="chart" />
            {t('surveys.action.report')}
          </A>
          <button type="button" class="btn" onClick={() => window.print()} data-testid="plan-print">
            <Icon name="print" />
            {t('plan.print.button')}
          </button>
          <Show when={canWrite()}>
            <button
              type="button"
              class="btn btn-primary"
              onClick={save}
              disabled={busy() || !dirty()}
              data-testid="plan-save"
            >
              {busy() ? t('plan.saving') : t('plan.save')}
            </button>
          </Show>
        </div>
      </header>

      <Show when={failure()}>
        <ErrorBox error={failure()} />
      </Show>
      <Show when={tried() && problems().size > 0}>
        <div class="alert alert-error no-print" role="alert" data-testid="plan-problems">
          {t('plan.fixProblems', { count: problems().size })}
        </div>
      </Show>

      <fieldset class="plan-form no-print" disabled={!canWrite()}>
        <StudySection plan={plan} set={setPlan} problems={problems()} />
        <SampleSection
          plan={plan}
          set={setPlan}
          problems={problems()}
          sample={sample()}
          needed={needed()}
          invitations={invitations()}
          planned={planned()}
        />
        <QuotaDesigner
          plan={plan}
          set={setPlan}
          problems={problems()}
          sources={sources()}
          cells={shownCells()}
          manual={!!plan.quotas?.cells}
          total={plan.quotas?.total ?? needed()}
          needed={needed()}
          onTarget={setTarget}
          onReallocate={() => setPlan('quotas', 'cells', undefined)}
        />
        <BudgetSection plan={plan} set={setPlan} problems={problems()} completes={planned()} />
      </fieldset>

      <div class="no-print">
        <FieldworkPanel
          surveyId={surveyId}
          version={version()}
          canOpenWave={canWrite() && savedFrequency() !== null && savedFrequency() !== 'one-off'}
          onWaveOpened={() => setVersion((n) => n + 1)}
        />
      </div>

      <PlanDocument
        title={title()}
        plan={plan}
        needed={needed()}
        invitations={invitations()}
        planned={planned()}
        marginPlanned={marginPlanned()}
        cells={shownCells()}
      />
    </div>
  );
}
