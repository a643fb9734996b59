/** What the study is for, whom it asks, how and when: the plan's first page. */
import type { SetStoreFunction } from 'solid-js/store';
import { FREQUENCIES, METHODS, TARGET_POPULATIONS, type PlanInput } from '../../../shared/plan';
import { useI18n } from '../lib/i18n';
import { SelectField, TextAreaField, TextInputField } from './fields';
import { FREQUENCY_KEY, METHOD_KEY, TARGET_KEY } from './labels';

export default function StudySection(props: {
  plan: PlanInput;
  set: SetStoreFunction<PlanInput>;
  problems: Map<string, string>;
}) {
  const { t } = useI18n();
  const date = (value: string) => (value === '' ? undefined : value);
  return (
    <section class="card plan-section" aria-labelledby="plan-study">
      <h2 id="plan-study" class="card-title">
        {t('plan.study.title')}
      </h2>
      <div class="form-grid">
        <TextAreaField
          class="form-wide"
          label={t('plan.study.purpose')}
          hint={t('plan.study.purposeHint')}
          value={props.plan.purpose ?? ''}
          onChange={(x) => props.set('purpose', x)}
          error={props.problems.get('purpose')}
          testid="plan-purpose"
        />
        <TextAreaField
          class="form-wide"
          label={t('plan.study.content')}
          hint={t('plan.study.contentHint')}
          value={props.plan.content ?? ''}
          onChange={(x) => props.set('content', x)}
          error={props.problems.get('content')}
        />
        <SelectField
          label={t('plan.study.target')}
          value={props.plan.targetPopulation.kind}
          options={TARGET_POPULATIONS}
          labelOf={(x) => t(TARGET_KEY[x])}
          onChange={(x) => props.set('targetPopulation', 'kind', x)}
          testid="plan-target"
        />
        <TextInputField
          label={t('plan.study.targetDescription')}
          value={props.plan.targetPopulation.description ?? ''}
          onChange={(x) => props.set('targetPopulation', 'description', x)}
          error={props.problems.get('targetPopulation.description')}
        />
        <SelectField
          label={t('plan.study.method')}
          value={props.plan.method}
          options={METHODS}
          labelOf={(x) => t(METHOD_KEY[x])}
          onChange={(x) => props.set('method', x)}
          testid="plan-method"
        />
        <SelectField
          label={t('plan.study.frequency')}
          value={props.plan.frequency}
          options={FREQUENCIES}
          labelOf={(x) => t(FREQUENCY_KEY[x])}
          onChange={(x) => props.set('frequency', x)}
          testid="plan-frequency"
        />
        <TextInputField
          type="date"
          label={t('plan.study.fieldworkStart')}
          value={props.plan.fieldwork.start ?? ''}
          onChange={(x) => props.set('fieldwork', 'start', date(x))}
          error={props.problems.get('fieldwork.start')}
          testid="plan-start"
        />
        <TextInputField
          type="date"
          label={t('plan.study.fieldworkEnd')}
          value={props.plan.fieldwork.end ?? ''}
          onChange={(x) => props.set('fieldwork', 'end', date(x))}
          error={props.problems.get('fieldwork.end')}
          testid="plan-end"
        />
        <TextInputField
          type="date"
          label={t('plan.study.reportDue')}
          value={props.plan.reportDue ?? ''}
          onChange={(x) => props.set('reportDue', date(x))}
          error={props.problems.get('reportDue')}
          testid="plan-report-due"
        />
        <TextAreaField
          class="form-wide"
          label={t('plan.study.notes')}
          value={props.plan.notes ?? ''}
          onChange={(x) => props.set('notes', x)}
          error={props.problems.get('notes')}
        />
      </div>
    </section>
  );
}
