/** The top bar's link to the case inbox, with how many of the user's cases are still unread. */
import { A } from '@solidjs/router';
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { api } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { CASES_CHANGED } from './keys';
import './alerts.css';

// A new case should show within a minute of the response that opened it.
const POLL_MS = 60_000;

export default function InboxLink() {
  const { t } = useI18n();
  // A plain signal, not a resource: counting must never suspend (blank) the top bar.
  const [count, setCount] = createSignal(0);
  // The badge is a hint: a failed count keeps the last one rather than showing an error in the top bar.
  const again = () =>
    api.get('/api/cases/unread').then(
      (r) => setCount(r.unread),
      () => undefined,
    );
  onMount(() => {
    void again();
    const timer = setInterval(again, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') again();
    };
    window.addEventListener(CASES_CHANGED, again);
    document.addEventListener('visibilitychange', onVisible);
    onCleanup(() => {
      clearInterval(timer);
      window.removeEventListener(CASES_CHANGED, again);
      document.removeEventListener('visibilitychange', onVisible);
    });
  });
  return (
    <A href="/cases" class="nav-link" activeClass="is-active" data-testid="nav-cases">
      {t('nav.cases')}
      <Show when={count() > 0}>
        <span class="count-badge">
          <span aria-hidden="true" data-testid="unread-count">
            {count()}
          </span>
          <span class="visually-hidden">{t('nav.casesUnread', { count: count() })}</span>
        </span>
      </Show>
    </A>
  );
}
