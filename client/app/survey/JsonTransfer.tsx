import { createSignal, For, Show } from 'solid-js';
import type { ConvertedSurvey } from '../../../shared/api/survey-import';
import type { SurveyDefinition } from '../../../shared/survey/schema';
import { exportSurveyJs } from '../../../shared/survey/import/surveyjs-export';
import type { Unmapped } from '../../../shared/survey/import/common';
import { api } from '../lib/api';
import { importFault } from './import-fault';
import { errorText } from '../lib/errors';
import { noteText } from '../../../shared/survey/import/notes';
import { useI18n } from '../lib/i18n';

// Product names, the same in every language.
export const FORMAT_NAME: Record<ConvertedSurvey['format'], string> = {
  yardstick: 'Yardstick',
  surveyjs: 'SurveyJS',
  limesurvey: 'LimeSurvey',
};

function download(name: string, data: unknown) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}

/**
 * The questionnaire as a file: our own JSON and SurveyJS JSON out; our JSON, SurveyJS JSON or a
 * LimeSurvey .lss in, converted by the server (shared/survey/import), which lists what it could
 * not carry over. A file that cannot be read never replaces the draft.
 */
export default function JsonTransfer(props: {
  definition: () => SurveyDefinition;
  fileName: string;
  onImport: (def: SurveyDefinition) => void;
}) {
  const { t } = useI18n();
  const [error, setError] = createSignal<string | null>(null);
  const [report, setReport] = createSignal<{ title: string; items: Unmapped[] } | null>(null);
  const [busy, setBusy] = createSignal(false);
  let input!: HTMLInputElement;

  const exportSurveyJsFile = () => {
    const { json, skipped } = exportSurveyJs(props.definition());
    download(`${props.fileName}.surveyjs.json`, json);
    setReport(skipped.length ? { title: t('editor.export.skipped', { count: skipped.length }), items: skipped } : null);
  };

  const read = async (file: File) => {
    setError(null);
    setReport(null);
    setBusy(true);
    try {
      const r = await api.post('/api/surveys/convert', { body: { content: await file.text() } });
      props.onImport(r.definition);
      setReport({
        title: t('editor.import.done', { format: FORMAT_NAME[r.format], count: r.unmapped.length }),
        items: r.unmapped,
      });
    } catch (err) {
      setError(importFault(t, err) ?? errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="json-transfer">
      <button
        type="button"
        class="btn btn-quiet"
        onClick={() => download(`${props.fileName}.json`, props.definition())}
        data-testid="export-json"
      >
        {t('editor.exportJson')}
      </button>
      <button type="button" class="btn btn-quiet" onClick={exportSurveyJsFile} data-testid="export-surveyjs">
        {t('editor.export.surveyjs')}
      </button>
      <button type="button" class="btn btn-quiet" onClick={() => input.click()} disabled={busy()}>
        {t('editor.importJson')}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json,.lss,application/xml,text/xml"
        hidden
        data-testid="import-json"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) void read(f);
        }}
      />
      <Show when={error()}>
        <p class="field-error" role="alert" data-testid="import-error">
          {error()}
        </p>
      </Show>
      <Show when={report()}>
        {(r) => (
          <div role="status" data-testid="import-report">
            <p class="field-hint">{r().title}</p>
            <Show when={r().items.length > 0}>
              <ul class="unmapped">
                <For each={r().items}>
                  {(u) => (
                    <li>
                      <code>{u.source}</code>: {noteText(t, u)}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
    </div>
  );
}
