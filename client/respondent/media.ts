import { createSignal, onCleanup, type Accessor } from 'solid-js';

/** Whether a CSS media query matches, kept current as the window resizes or the phone turns. */
export function createMediaQuery(query: string): Accessor<boolean> {
  const mql = window.matchMedia(query);
  const [matches, setMatches] = createSignal(mql.matches);
  const update = () => setMatches(mql.matches);
  mql.addEventListener('change', update);
  onCleanup(() => mql.removeEventListener('change', update));
  return matches;
}
