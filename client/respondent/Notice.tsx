import { createEffect } from 'solid-js';

/** A page with only a message: not found, paused, closed, thank you, screened out, over quota. */
export function Notice(props: { title: string; body: string; heading?: string }) {
  createEffect(() => {
    document.title = props.heading ? `${props.title} – ${props.heading}` : props.title;
  });
  return (
    <main class="wrap notice">
      <p class="survey-title">{props.heading}</p>
      <h1>{props.title}</h1>
      <p class="pre">{props.body}</p>
    </main>
  );
}
