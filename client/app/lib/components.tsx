/** Small building blocks every screen uses: labelled fields, copy and confirm buttons, states. */
import { createSignal, createUniqueId, onCleanup, Show, type JSX, type ParentProps } from 'solid-js';
import { useI18n } from './i18n';
import { errorText } from './errors';

export function TextField(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'number';
  error?: string | null;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  testid?: string;
  autofocus?: boolean;
}) {
  const id = createUniqueId();
  const described = () =>
    [props.error ? `${id}-error` : '', props.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        class="input"
        type={props.type ?? 'text'}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        autocomplete={props.autocomplete}
        required={props.required}
        autofocus={props.autofocus}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described()}
        data-testid={props.testid}
      />
      <Show when={props.hint}>
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

/** Copies `text`; says so for a moment, since a clipboard write is otherwise invisible. */
export function CopyButton(props: {
  text: string;
  label: string;
  copiedLabel: string;
  testid?: string;
  class?: string;
}) {
  const [copied, setCopied] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
    } catch {
      // Without clipboard permission (plain http on a LAN address) the person copies by hand.
      window.prompt(props.label, props.text);
      return;
    }
    setCopied(true);
    clearTimeout(timer);
    timer = setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button
      type="button"
      class={props.class ?? 'btn btn-small'}
      onClick={copy}
      data-testid={props.testid}
      aria-live="polite"
    >
      {copied() ? props.copiedLabel : props.label}
    </button>
  );
}

/** A destructive action that asks once more in place, without a modal dialog. */
export function ConfirmButton(props: {
  label: string;
  onConfirm: () => void | Promise<void>;
  testid?: string;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = createSignal(false);
  return (
    <Show
      when={asking()}
      fallback={
        <button
          type="button"
          class="btn btn-small btn-danger-quiet"
          disabled={props.disabled}
          onClick={() => setAsking(true)}
          data-testid={props.testid}
        >
          {props.label}
        </button>
      }
    >
      <span class="confirm">
        <button
          type="button"
          class="btn btn-small btn-danger"
          ref={(el) => queueMicrotask(() => el.focus())}
          onClick={async () => {
            setAsking(false);
            await props.onConfirm();
          }}
          data-testid={props.testid ? `${props.testid}-confirm` : undefined}
        >
          {t('common.confirm')}
        </button>
        <button type="button" class="btn btn-small btn-quiet" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </span>
    </Show>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

export function ErrorBox(props: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div class="alert alert-error" role="alert">
      <span>{errorText(t, props.error)}</span>
      <Show when={props.onRetry}>
        <button type="button" class="btn btn-small" onClick={() => props.onRetry?.()}>
          {t('common.retry')}
        </button>
      </Show>
    </div>
  );
}

export function EmptyState(props: ParentProps<{ title: string; hint?: string; icon?: JSX.Element }>) {
  return (
    <div class="empty">
      <Show when={props.icon}>{props.icon}</Show>
      <h2 class="empty-title">{props.title}</h2>
      <Show when={props.hint}>
        <p class="empty-hint">{props.hint}</p>
      </Show>
      {props.children}
    </div>
  );
}
