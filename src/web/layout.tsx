import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { Lang, MessageKey, text } from './messages';
import { PATHS } from './paths';
import { CSRF_FIELD } from './session/csrf';

/** The signed-in user's navigation: what their role may open, their account, sign-out. */
export interface NavView {
  name: string;
  /** Which menu entries the role has (decided by the access rules, see page-context.ts). */
  entries: { href: string; label: MessageKey }[];
  csrf: string;
  current: string;
}

/** A whole page: the app's own stylesheet only (no CDN, no fonts), readable on a phone. */
export function Page(props: { lang: Lang; title: string; switchHref?: string; nav?: NavView; children: ComponentChildren }) {
  const t = (key: MessageKey) => text(props.lang, key);
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${props.title} – ${t('app.name')}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="top">
          <span class="brand">{t('app.name')}</span>
          {props.switchHref && (
            <a class="lang" href={props.switchHref} lang={props.lang === 'sv' ? 'en' : 'sv'}>
              {t('lang.switch')}
            </a>
          )}
        </header>
        {props.nav && <Nav lang={props.lang} nav={props.nav} />}
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}

function Nav({ lang, nav }: { lang: Lang; nav: NavView }) {
  return (
    <nav class="menu" aria-label={text(lang, 'nav.label')}>
      <ul>
        {nav.entries.map((e) => (
          <li>
            <a href={e.href} aria-current={nav.current === e.href ? 'page' : undefined}>
              {text(lang, e.label)}
            </a>
          </li>
        ))}
      </ul>
      <form method="post" action={PATHS.signOut} class="signout">
        <input type="hidden" name={CSRF_FIELD} value={nav.csrf} />
        <span class="who">{nav.name}</span> <button type="submit">{text(lang, 'nav.signOut')}</button>
      </form>
    </nav>
  );
}

/** The HTML document of a page component. */
export const html = (page: preact.VNode): string => `<!doctype html>${render(page)}`;
