import type { ParentProps } from 'solid-js';
import { useI18n } from '../lib/i18n';
import LanguageSwitcher from '../shell/LanguageSwitcher';
import Logo from '../shell/Logo';

/** The frame of the pages seen before signing in: the brand, one card, the language. */
export default function AuthLayout(props: ParentProps<{ title: string; intro?: string }>) {
  const { t } = useI18n();
  return (
    <div class="auth">
      <header class="auth-top">
        <span class="brand">
          <Logo />
          {t('app.name')}
        </span>
        <LanguageSwitcher />
      </header>
      <main class="auth-card" id="main">
        <h1 class="auth-title">{props.title}</h1>
        {props.intro && <p class="auth-intro">{props.intro}</p>}
        {props.children}
      </main>
    </div>
  );
}
