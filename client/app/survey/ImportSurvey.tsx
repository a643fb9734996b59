import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import type { ImportedSurvey } from '../../../shared/api/survey-import';
import { api } from '../lib/api';
import { useI18n } from '../lib/i18n';

/** What the editor shows once after an import: the router state it is opened with. */
export interface ImportNotice {
  imported: Pick<ImportedSurvey, 'format' | 'unmapped'>;
}

/**
 * A new survey from a questionnaire file (ours, SurveyJS JSON, LimeSurvey .lss). The editor then
 * lists what could not be carried over.
 */
export default function ImportSurvey(props: { disabled: boolean; onError: (err: unknown) => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  let input!: HTMLInputElement;
  const read = async (file: File) => {
    setBusy(true);
    props.onError(null);
    try {
      const r = await api.post('/api/surveys/import', { body: { content: await file.text() } });
      navigate(`/surveys/${r.survey.id}`, {
        state: { imported: { format: r.format, unmapped: r.unmapped } } satisfies ImportNotice,
      });
    } catch (err) {
      props.onError(err);
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        class="btn"
        onClick={() => input.click()}
        disabled={props.disabled || busy()}
        data-testid="import-survey"
      >
        {t('surveys.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json,.lss,application/xml,text/xml"
        hidden
        data-testid="import-survey-file"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) void read(f);
        }}
      />
    </>
  );
}
