/**
 * Who is signed in. Set once at boot from GET /api/auth/state and then by the setup, sign-in,
 * accept-invite and sign-out calls, so the app never asks the server again just to know.
 */
import { createContext, createSignal, useContext, type ParentProps } from 'solid-js';
import { hasRole, type AuthState, type Role, type UserDto } from '../../../shared/api/auth';
import { isLocale } from '../../../shared/i18n';
import { api, setCsrfToken, setUnauthenticatedHandler } from '../lib/api';
import { useI18n } from '../lib/i18n';

export interface Session {
  state: () => AuthState;
  user: () => UserDto | null;
  /** At least this role; the server checks again on every call. */
  can: (role: Role) => boolean;
  signedIn: (answer: { user: UserDto; csrf: string }) => Promise<void>;
  signOut: () => Promise<void>;
  updateUser: (user: UserDto) => void;
}

const SessionContext = createContext<Session>();

export function SessionProvider(props: ParentProps<{ initial: AuthState }>) {
  const i18n = useI18n();
  const [state, setState] = createSignal<AuthState>(props.initial);
  setCsrfToken(props.initial.csrf);
  setUnauthenticatedHandler(() => {
    setCsrfToken(null);
    setState({ setupNeeded: false, user: null, csrf: null });
  });

  const session: Session = {
    state,
    user: () => state().user,
    can: (role) => {
      const user = state().user;
      return user !== null && hasRole(user.role, role);
    },
    async signedIn(answer) {
      setCsrfToken(answer.csrf);
      // A profile language wins; without one, keep what the person picked on the sign-in page.
      if (isLocale(answer.user.locale) && answer.user.locale !== i18n.locale())
        await i18n.setLocale(answer.user.locale);
      setState({ setupNeeded: false, user: answer.user, csrf: answer.csrf });
    },
    async signOut() {
      // Leaving must always work: if the server can't be told, its session simply expires.
      await api.post('/api/auth/logout').catch(() => undefined);
      setCsrfToken(null);
      setState({ setupNeeded: false, user: null, csrf: null });
    },
    updateUser: (user) => setState((s) => ({ ...s, user })),
  };
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
