import { A } from '@solidjs/router';
import { Show, Suspense, type ParentProps } from 'solid-js';
import { Loading } from '../lib/components';
import { useSession } from '../auth/session';
import { useI18n } from '../lib/i18n';
import LanguageSwitcher from './LanguageSwitcher';
import InboxLink from '../alerts/InboxLink';
import Logo from './Logo';

/** The signed-in frame: brand, the areas this role may use, language, who is signed in. */
export default function Layout(props: ParentProps) {
  const { t } = useI18n();
  const session = useSession();
  return (
    <div class="shell">
      <a class="skip" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header class="topbar">
        <A href="/surveys" class="brand">
          <Logo />
          <span>{t('app.name')}</span>
        </A>
        <nav class="nav" aria-label={t('nav.main')}>
          <A href="/surveys" class="nav-link" activeClass="is-active">
            {t('nav.surveys')}
          </A>
          <InboxLink />
          <A href="/customers" class="nav-link" activeClass="is-active" data-testid="nav-customers">
            {t('nav.customers')}
          </A>
          <Show when={session.can('admin')}>
            <A href="/users" class="nav-link" activeClass="is-active" data-testid="nav-users">
              {t('nav.users')}
            </A>
            <A href="/audit" class="nav-link" activeClass="is-active" data-testid="nav-audit">
              {t('nav.audit')}
            </A>
          </Show>
        </nav>
        <div class="topbar-end">
          <LanguageSwitcher />
          <A
            href="/account"
            class="user"
            title={`${t('nav.account')}: ${session.user()?.email ?? ''}`}
            data-testid="current-user"
          >
            {session.user()?.name}
          </A>
          <button
            type="button"
            class="btn btn-small btn-quiet"
            onClick={() => session.signOut()}
            data-testid="sign-out"
          >
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main class="main" id="main" tabindex="-1">
        {/* Inside main, so a page loading its code or data never blanks the top bar. */}
        <Suspense fallback={<Loading />}>{props.children}</Suspense>
      </main>
    </div>
  );
}
