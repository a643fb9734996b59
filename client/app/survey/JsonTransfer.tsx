import { createSignal, Show } from 'solid-js';
import * as v from 'valibot';
import { issuePath, SurveyDefinitionSchema, type SurveyDefinition } from '../../../shared/survey/schema';
import { useI18n } from '../lib/i18n';

/**
 * The definition as our own JSON: downloaded as it is in the builder, and read back from a file
 * with the server's schema, so a file that would be refused never replaces the draft.
 */
export default function JsonTransfer(props: { definition: () => SurveyDefinition; fileName: string; onImport: (def: SurveyDefinition) => void }) {
  const { t } = useI18n();
  const [error, setError] = createSignal<string | null>(null);
  let input!: HTMLInputElement;

  const download = () => {
    const blob = new Blob([JSON.stringify(props.definition(), null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${props.fileName}.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  };

  const read = async (file: File) => {
    setError(null);
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch (err) {
      setError(t('editor.importFailed', { detail: err instanceof Error ? err.message : String(err) }));
      return;
    }
    const r = v.safeParse(SurveyDefinitionSchema, data);
    if (!r.success) {
      const issue = r.issues[0];
      setError(t('editor.importFailed', { detail: `${issuePath(issue) || '(top)'}: ${issue.message}` }));
      return;
    }
    props.onImport(r.output);
  };

  return (
    <div class="json-transfer">
      <button type="button" class="btn btn-quiet" onClick={download} data-testid="export-json">{t('editor.exportJson')}</button>
      <button type="button" class="btn btn-quiet" onClick={() => input.click()}>{t('editor.importJson')}</button>
      <input
        ref={input} type="file" accept="application/json,.json" hidden data-testid="import-json"
        onChange={(e) => { const f = e.currentTarget.files?.[0]; e.currentTarget.value = ''; if (f) void read(f); }}
      />
      <Show when={error()}><p class="field-error" role="alert" data-testid="import-error">{error()}</p></Show>
    </div>
  );
}
