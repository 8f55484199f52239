import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { Lang, text } from './messages';

/** A whole page: the app's own stylesheet only (no CDN, no fonts), readable on a phone. */
export function Page(props: { lang: Lang; title: string; switchHref?: string; children: ComponentChildren }) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${props.title} – ${text(props.lang, 'app.name')}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body>
        <header class="top">
          <span class="brand">{text(props.lang, 'app.name')}</span>
          {props.switchHref && (
            <a class="lang" href={props.switchHref} lang={props.lang === 'sv' ? 'en' : 'sv'}>
              {text(props.lang, 'lang.switch')}
            </a>
          )}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

/** The HTML document of a page component. */
export const html = (page: preact.VNode): string => `<!doctype html>${render(page)}`;
