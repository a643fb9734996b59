/**
 * The researcher/manager app. Boot asks the server who is signed in and loads that person's
 * language before the first paint, so nobody sees a flash of the wrong screen or language.
 */
import { Navigate, Route, Router, useLocation, type RouteSectionProps } from '@solidjs/router';
import { lazy, Match, Suspense, Switch } from 'solid-js';
import { render } from 'solid-js/web';
import type { AuthState } from '../../shared/api/auth';
import { loadAppMessages } from '../../shared/i18n';
import { SessionProvider, useSession } from './auth/session';
import { api } from './lib/api';
import { ErrorBox, Loading } from './lib/components';
import { applyDocumentLocale, I18nProvider, preferredLocale } from './lib/i18n';
import Layout from './shell/Layout';
import './app.css';

const SetupPage = lazy(() => import('./auth/SetupPage'));
const SignInPage = lazy(() => import('./auth/SignInPage'));
const AcceptInvitePage = lazy(() => import('./auth/AcceptInvitePage'));
const SurveyListPage = lazy(() => import('./survey/SurveyListPage'));
const EditorPage = lazy(() => import('./survey/EditorPage'));
const ReportPage = lazy(() => import('./report/ReportPage'));
const SharedReportPage = lazy(() => import('./report/SharedReportPage'));
const PlanPage = lazy(() => import('./plan/PlanPage'));
const DistributePage = lazy(() => import('./collect/DistributePage'));
const UsersPage = lazy(() => import('./users/UsersPage'));
const AlertsPage = lazy(() => import('./alerts/AlertsPage'));
const InboxPage = lazy(() => import('./alerts/InboxPage'));
const CasePage = lazy(() => import('./alerts/CasePage'));
const AccountPage = lazy(() => import('./account/AccountPage'));
const AuditPage = lazy(() => import('./audit/AuditPage'));
const ForgotPasswordPage = lazy(() => import('./auth/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('./auth/ResetPasswordPage'));
const CustomersPage = lazy(() => import('./customers/CustomersPage'));
const CustomerPage = lazy(() => import('./customers/CustomerPage'));
const CodingPage = lazy(() => import('./coding/CodingPage'));

/** Decides between first-run setup, sign-in and the app, on every route. */
function Gate(props: RouteSectionProps) {
  const session = useSession();
  const location = useLocation();
  return (
    <Suspense fallback={<Loading />}>
      <Switch fallback={<Layout>{props.children}</Layout>}>
        <Match
          when={
            location.pathname === '/invite' ||
            location.pathname === '/reset' ||
            location.pathname.startsWith('/shared/')
          }
        >
          {props.children}
        </Match>
        <Match when={location.pathname === '/forgot' && !session.user()}>{props.children}</Match>
        <Match when={session.state().setupNeeded}>
          <SetupPage />
        </Match>
        <Match when={!session.user()}>
          <SignInPage />
        </Match>
      </Switch>
    </Suspense>
  );
}

function App(props: { auth: AuthState }) {
  return (
    <SessionProvider initial={props.auth}>
      <Router root={Gate}>
        <Route path="/" component={() => <Navigate href="/surveys" />} />
        <Route path="/surveys" component={SurveyListPage} />
        <Route path="/surveys/:id" component={EditorPage} />
        <Route path="/surveys/:id/report" component={ReportPage} />
        <Route path="/surveys/:id/plan" component={PlanPage} />
        <Route path="/surveys/:id/distribute" component={DistributePage} />
        <Route path="/surveys/:id/alerts" component={AlertsPage} />
        <Route path="/surveys/:id/coding" component={CodingPage} />
        <Route path="/cases" component={InboxPage} />
        <Route path="/cases/:caseId" component={CasePage} />
        <Route path="/customers" component={CustomersPage} />
        <Route path="/customers/:id" component={CustomerPage} />
        <Route path="/users" component={UsersPage} />
        <Route path="/invite" component={AcceptInvitePage} />
        <Route path="/shared/:token" component={SharedReportPage} />
        <Route path="/account" component={AccountPage} />
        <Route path="/audit" component={AuditPage} />
        <Route path="/forgot" component={ForgotPasswordPage} />
        <Route path="/reset" component={ResetPasswordPage} />
        <Route path="*" component={() => <Navigate href="/surveys" />} />
      </Router>
    </SessionProvider>
  );
}

async function boot(root: HTMLElement) {
  let auth: AuthState | null = null;
  let failure: unknown = null;
  try {
    auth = await api.get('/api/auth/state');
  } catch (err) {
    failure = err;
  }
  const locale = preferredLocale(auth?.user?.locale);
  const messages = await loadAppMessages(locale);
  applyDocumentLocale(locale);
  root.textContent = '';
  render(
    () => (
      <I18nProvider locale={locale} messages={messages}>
        {auth ? (
          <App auth={auth} />
        ) : (
          <main class="main">
            <ErrorBox error={failure} onRetry={() => location.reload()} />
          </main>
        )}
      </I18nProvider>
    ),
    root,
  );
}

void boot(document.getElementById('root')!);
