import { For } from 'solid-js';
import { t, text } from '../i18n';
import type { RendererProps } from './types';

type Field = 'name' | 'email' | 'phone';
const INPUT: Record<Field, { type: string; autocomplete: string; inputmode: 'text' | 'email' | 'tel' }> = {
  name: { type: 'text', autocomplete: 'name', inputmode: 'text' },
  email: { type: 'email', autocomplete: 'email', inputmode: 'email' },
  phone: { type: 'tel', autocomplete: 'tel', inputmode: 'tel' },
};
const LABEL = { name: 'contact.name', email: 'contact.email', phone: 'contact.phone' } as const;

/** Contact details and the consent that allows keeping them; the browser's autofill does the typing. */
export function Contact(props: RendererProps<'contact'>) {
  const answer = () =>
    props.value && typeof props.value === 'object' && !Array.isArray(props.value)
      ? (props.value as Record<string, unknown>)
      : {};
  const fields = () => (['name', 'email', 'phone'] as const).filter((f) => props.q[f]);
  const set = (key: string, value: string | boolean) => {
    const next = { ...answer(), [key]: value };
    if (value === '' || value === false) delete next[key];
    props.onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <div class="contact">
      <For each={fields()}>
        {(f) => (
          <div class="price">
            <label for={`${props.inputId}-${f}`}>{t(LABEL[f])}</label>
            <input
              id={`${props.inputId}-${f}`}
              type={INPUT[f].type}
              inputmode={INPUT[f].inputmode}
              autocomplete={INPUT[f].autocomplete}
              maxLength={200}
              value={String(answer()[f] ?? '')}
              aria-describedby={props.describedBy}
              onInput={(e) => set(f, e.currentTarget.value)}
            />
          </div>
        )}
      </For>
      <label class="opt">
        <input
          type="checkbox"
          checked={answer().consent === true}
          onChange={(e) => set('consent', e.currentTarget.checked)}
        />
        <span>{text(props.q.consent)}</span>
      </label>
    </div>
  );
}
