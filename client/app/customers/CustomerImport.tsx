/**
 * Uploading the register's files: customers, and transactions or ready-made RFM figures. The file is
 * read with a progress bar, then imported whole or refused with every faulty row listed by line.
 */
import { createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js';
import type { CustomerImportError, CustomerImportErrorCode } from '../../../shared/customers/schema';
import type { AppKey } from '../../../shared/i18n';
import { api, ApiError } from '../lib/api';
import { ErrorBox } from '../lib/components';
import { useI18n } from '../lib/i18n';

const ERROR_KEY: Readonly<Record<CustomerImportErrorCode, AppKey>> = {
  'no-header': 'customers.import.error.noHeader',
  'column-unnamed': 'customers.import.error.columnUnnamed',
  'column-twice': 'customers.import.error.columnTwice',
  'no-id-column': 'customers.import.error.noIdColumn',
  'missing-columns': 'customers.import.error.missingColumns',
  'too-many-rows': 'customers.import.error.tooManyRows',
  'field-count': 'customers.import.error.fieldCount',
  'too-long': 'customers.import.error.tooLong',
  'bad-email': 'customers.import.error.badEmail',
  'no-id': 'customers.import.error.noId',
  'duplicate-in-file': 'customers.import.error.duplicateInFile',
  'bad-date': 'customers.import.error.badDate',
  'bad-amount': 'customers.import.error.badAmount',
  'bad-currency': 'customers.import.error.badCurrency',
  'bad-number': 'customers.import.error.badNumber',
  'unknown-customer': 'customers.import.error.unknownCustomer',
  'mixed-currency': 'customers.import.error.mixedCurrency',
  'no-rows': 'customers.import.error.noRows',
  erased: 'customers.import.error.erased',
};
/** How many faulty rows the page lists; the heading says how many the server found. */
const SHOWN = 200;

type Kind = 'customers' | 'transactions';
type Stage = { kind: 'idle' } | { kind: 'reading'; percent: number } | { kind: 'importing'; bytes: number };

/** The file's text, reporting how much has been read (a large CRM export takes a moment on a slow disk). */
function readText(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((100 * e.loaded) / e.total));
    };
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

export default function CustomerImport(props: { onImported: () => void }) {
  const { t, num } = useI18n();
  const id = createUniqueId();
  const [stage, setStage] = createSignal<Stage>({ kind: 'idle' });
  const [done, setDone] = createSignal<string | null>(null);
  const [rowErrors, setRowErrors] = createSignal<{ count: number; rows: CustomerImportError[] } | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);

  const upload = async (kind: Kind, file: File, field: HTMLInputElement) => {
    setDone(null);
    setRowErrors(null);
    setFailure(null);
    try {
      setStage({ kind: 'reading', percent: 0 });
      const csv = await readText(file, (percent) => setStage({ kind: 'reading', percent }));
      setStage({ kind: 'importing', bytes: file.size });
      if (kind === 'customers') {
        const r = await api.post('/api/customers/import', { body: { csv } });
        setDone(t('customers.import.doneCustomers', { created: r.created, updated: r.updated }));
      } else {
        const r = await api.post('/api/customers/transactions/import', { body: { csv } });
        setDone(
          t(r.mode === 'figures' ? 'customers.import.doneFigures' : 'customers.import.doneTransactions', {
            count: r.imported,
            customers: r.customers,
          }),
        );
      }
      props.onImported();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid-import') {
        const rows = (err.details as CustomerImportError[] | undefined) ?? [];
        // The details list at most the first 1,000 faulty rows; `rows` counts them all.
        setRowErrors({ count: typeof err.params.rows === 'number' ? err.params.rows : rows.length, rows });
      } else setFailure(err);
    } finally {
      setStage({ kind: 'idle' });
      field.value = '';
    }
  };
  const errorLine = (e: CustomerImportError) =>
    `${t('customers.import.line', { line: e.line })}${e.column ? ` (${e.column})` : ''}: ${t(ERROR_KEY[e.code], e.params)}`;
  const busy = () => stage().kind !== 'idle';
  const fileButton = (kind: Kind, label: AppKey) => (
    <label class="btn" classList={{ 'is-busy': busy() }}>
      {t(label)}
      <input
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        class="visually-hidden"
        disabled={busy()}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f) void upload(kind, f, e.currentTarget);
        }}
        data-testid={`import-${kind}`}
      />
    </label>
  );

  return (
    <section class="card customer-import" aria-labelledby={`${id}-title`}>
      <h2 class="card-title" id={`${id}-title`}>
        {t('customers.import.title')}
      </h2>
      <p class="field-hint">{t('customers.import.hint')}</p>
      <div class="row-actions">
        {fileButton('customers', 'customers.import.customers')}
        {fileButton('transactions', 'customers.import.transactions')}
      </div>
      <div role="status" data-testid="import-status">
        <Switch>
          <Match when={stage().kind === 'reading' && (stage() as { percent: number })}>
            {(s) => (
              <p>
                {t('customers.import.reading', { percent: s().percent })} <progress max={100} value={s().percent} />
              </p>
            )}
          </Match>
          <Match when={stage().kind === 'importing' && (stage() as { bytes: number })}>
            {(s) => (
              <p>
                {t('customers.import.importing', { size: num(Math.max(1, Math.round(s().bytes / 1024))) })} <progress />
              </p>
            )}
          </Match>
          <Match when={done()}>{(text) => <p class="alert alert-ok">{text()}</p>}</Match>
        </Switch>
      </div>
      <Show when={rowErrors()}>
        {(r) => (
          <div class="alert alert-error" role="alert" data-testid="import-errors">
            <p>{t('customers.import.refused', { count: r().count })}</p>
            <ul class="row-errors">
              <For each={r().rows.slice(0, SHOWN)}>{(e) => <li>{errorLine(e)}</li>}</For>
            </ul>
          </div>
        )}
      </Show>
      <Show when={failure()}>
        <ErrorBox error={failure()} />
      </Show>
    </section>
  );
}
