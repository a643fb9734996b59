import { createUniqueId, For } from 'solid-js';
import { isLocale, LOCALE_NAMES, LOCALES } from '../../../shared/i18n';
import { api } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { useSession } from '../auth/session';

/**
 * Switches the interface language at once; when someone is signed in it is also saved to the
 * profile, so the next sign-in (on any device) starts in it.
 */
export default function LanguageSwitcher() {
  const i18n = useI18n();
  const session = useSession();
  const id = createUniqueId();

  const change = async (value: string) => {
    if (!isLocale(value)) return;
    await i18n.setLocale(value);
    if (session.user()) {
      // The switch already happened; a failed save only means the next sign-in starts elsewhere.
      const user = await api.patch('/api/auth/me', { body: { locale: value } }).catch(() => null);
      if (user) session.updateUser(user);
    }
  };

  return (
    <div class="lang">
      <label class="visually-hidden" for={id}>
        {i18n.t('nav.language')}
      </label>
      <svg class="lang-icon" viewBox="0 0 24 24" aria-hidden="true" width="18" height="18">
        <path
          fill="none"
          stroke="currentColor"
          stroke-width="1.6"
          d="M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm-8.5 9h17M12 3c2.5 2.6 3.7 5.6 3.7 9s-1.2 6.4-3.7 9c-2.5-2.6-3.7-5.6-3.7-9S9.5 5.6 12 3Z"
        />
      </svg>
      <select
        id={id}
        class="lang-select"
        value={i18n.locale()}
        onChange={(e) => change(e.currentTarget.value)}
        data-testid="language-select"
      >
        <For each={LOCALES}>
          {(locale) => (
            <option value={locale} lang={locale}>
              {LOCALE_NAMES[locale]}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}
