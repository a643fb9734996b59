/** A report opened through a share link, signed out, in the language the link was made for. */
import { useParams } from '@solidjs/router';
import { createResource, Match, Switch } from 'solid-js';
import { isLocale } from '../../../shared/i18n/locales';
import { api } from '../lib/api';
import { ErrorBox, Loading } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { ReportView } from './ReportPage';

export default function SharedReportPage() {
  const params = useParams<{ token: string }>();
  const i18n = useI18n();
  const [link] = createResource(
    () => params.token,
    async (token) => {
      const { lang } = await api.get('/api/public/reports/:token/report', { params: { token } });
      if (isLocale(lang) && lang !== i18n.locale()) await i18n.setLocale(lang);
      return lang;
    },
  );
  return (
    <main class="main shared-report" data-testid="shared-report">
      <Switch fallback={<Loading />}>
        <Match when={link.error}>
          <ErrorBox error={link.error} />
        </Match>
        <Match when={link()}>
          <ReportView source={{ token: params.token }} />
        </Match>
      </Switch>
    </main>
  );
}
