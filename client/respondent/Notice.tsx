import { createEffect, onMount } from 'solid-js';

export interface NoticeProps {
  title: string;
  body: string;
  /** The survey's title, above the message. */
  heading?: string;
  /** Shown in place of a page the respondent was on: move screen readers to the message. */
  focus?: boolean;
  /** A second paragraph, e.g. that a kiosk starts again. */
  after?: string;
}

/** A page with only a message: not found, paused, closed, thank you, screened out, over quota. */
export function Notice(props: NoticeProps) {
  let title: HTMLHeadingElement | undefined;
  createEffect(() => {
    document.title = props.heading ? `${props.title} – ${props.heading}` : props.title;
  });
  onMount(() => {
    if (props.focus) title?.focus();
  });
  return (
    <main class="wrap notice">
      <p class="survey-title">{props.heading}</p>
      <h1 ref={title} tabindex="-1">
        {props.title}
      </h1>
      <p class="pre">{props.body}</p>
      {props.after && <p class="after">{props.after}</p>}
    </main>
  );
}
