import type { ComponentChildren } from 'preact';
import { Page, type NavView } from './layout';
import type { Lang } from './messages';
import { CSRF_FIELD } from './session/csrf';

/** A field's message, referred to by the field's aria-describedby. */
export const ErrorText = ({ id, message }: { id: string; message?: string }) =>
  message ? (
    <p class="error" id={id}>
      {message}
    </p>
  ) : null;

/** Every problem of a form at its top (announced), each also beside its field. */
export function ErrorSummary({ title, problems }: { title: string; problems: (string | undefined)[] }) {
  const shown = problems.filter(Boolean);
  if (!shown.length) return null;
  return (
    <div class="summary" role="alert">
      <p>{title}</p>
      <ul>
        {shown.map((p) => (
          <li>{p}</li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled input with its hint and message. */
export function Field(props: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'number' | 'date';
  autocomplete?: string;
  inputmode?: string;
  min?: number;
  max?: number;
  step?: string;
  required?: boolean;
}) {
  const hintId = props.hint ? `${props.name}-hint` : undefined;
  const errorId = props.error ? `${props.name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'question invalid' : 'question'}>
      <label for={props.name}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <ErrorText id={errorId ?? ''} message={props.error} />
      <input {...inputAttributes(props, describedBy)} />
    </div>
  );
}

/** The input's attributes (one object: Preact types each input type on its own). */
function inputAttributes(props: Parameters<typeof Field>[0], describedBy: string | undefined): Record<string, unknown> {
  return {
    id: props.name,
    name: props.name,
    type: props.type ?? 'text',
    value: props.value ?? '',
    autocomplete: props.autocomplete,
    inputmode: props.inputmode,
    min: props.min,
    max: props.max,
    step: props.step,
    required: props.required,
    'aria-describedby': describedBy,
    'aria-invalid': props.error ? 'true' : undefined,
  };
}

/** A drop-down with a label, an optional hint and its error (options as value and label). */
export function SelectField(props: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: string;
  options: { value: string; label: string }[];
}) {
  const hintId = props.hint ? `${props.name}-hint` : undefined;
  const errorId = props.error ? `${props.name}-error` : undefined;
  return (
    <div class={props.error ? 'question invalid' : 'question'}>
      <label for={props.name}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <ErrorText id={errorId ?? ''} message={props.error} />
      <select
        id={props.name}
        name={props.name}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={props.value === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Radio buttons in a fieldset with a legend and its error. */
export function ChoiceField(props: { name: string; legend: string; value?: string; error?: string; options: { value: string; label: string }[] }) {
  return (
    <fieldset class={props.error ? 'question invalid' : 'question'}>
      <legend>{props.legend}</legend>
      <ErrorText id={`${props.name}-error`} message={props.error} />
      {props.options.map((o) => (
        <label class="choice" for={`${props.name}-${o.value || 'none'}`}>
          <input type="radio" id={`${props.name}-${o.value || 'none'}`} name={props.name} value={o.value} checked={props.value === o.value} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** A form posted to a page, carrying the session's CSRF token. */
export function PostForm(props: { action: string; csrf: string; class?: string; children: ComponentChildren }) {
  return (
    <form method="post" action={props.action} class={props.class} novalidate>
      <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
      {props.children}
    </form>
  );
}

/** A page that only says something: thanks, or why something does not open. */
export function Notice(props: { lang: Lang; switchHref?: string; nav?: NavView; title: string; body: string; children?: ComponentChildren }) {
  return (
    <Page lang={props.lang} title={props.title} switchHref={props.switchHref} nav={props.nav}>
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      {props.children}
    </Page>
  );
}
