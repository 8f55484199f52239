import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { AuthUser } from '../../common/auth/auth-user';
import { forbidden } from '../../common/errors/domain-error';
import { pageSession } from '../../common/auth/page-session';
import type { AppRequest } from '../../common/graphql/gql-context';
import { mayDo } from '../../modules/access/permissions';
import { UserService } from '../../modules/user/user.service';
import type { NavView } from '../layout';
import type { Lang } from '../messages';
import { PATHS } from '../paths';
import { csrfToken } from '../session/csrf';

/** What every signed-in page needs: who, in which language, the menu and the form token. */
export interface PageContext {
  lang: Lang;
  user: AuthUser;
  name: string;
  csrf: string;
  nav: NavView;
  /** The same page in the other language. */
  switchHref: string;
}

/** The page's language: `?lang=` once, then kept in the session; Swedish first. */
export function pageLang(req: AppRequest): Lang {
  const asked = req.query.lang;
  const session = pageSession(req);
  if (asked === 'sv' || asked === 'en') {
    if (session?.userId) session.lang = asked;
    return asked;
  }
  return session?.lang ?? 'sv';
}

/** The reporting and survey pages are an organisation's own: a role without one has no use for them (403). */
export function ownOrganisation(user: AuthUser): string {
  if (!user.organisationId) throw forbidden('These pages are for organisation reporters');
  return user.organisationId;
}

/** The pages a role has in its menu: the access table decides, as for the API. */
function menu(user: AuthUser, graphiql: boolean): NavView['entries'] {
  const entries: NavView['entries'] = [{ href: PATHS.home, label: 'nav.home' }];
  if (user.organisationId && mayDo(user.role, 'reports.write')) entries.push({ href: PATHS.reporting, label: 'nav.reporting' });
  if (user.organisationId && mayDo(user.role, 'reports.write')) entries.push({ href: PATHS.timeThieves, label: 'nav.timeThieves' });
  if (user.organisationId && mayDo(user.role, 'reports.write')) entries.push({ href: PATHS.supervision, label: 'nav.supervision' });
  if (user.organisationId && mayDo(user.role, 'surveys.submit')) entries.push({ href: PATHS.surveys, label: 'nav.surveys' });
  if (user.organisationId && mayDo(user.role, 'analytics.read')) entries.push({ href: PATHS.results, label: 'nav.results' });
  if (mayDo(user.role, 'users.manage')) entries.push({ href: PATHS.users, label: 'nav.users' });
  if (graphiql) entries.push({ href: PATHS.graphiqlExamples, label: 'nav.graphiql' });
  entries.push({ href: PATHS.password, label: 'nav.password' });
  return entries;
}

/** The same address in the other language (its other parameters kept). */
export function otherLanguage(req: AppRequest, lang: Lang): string {
  const params = new URLSearchParams(Object.entries(req.query).filter((e): e is [string, string] => typeof e[1] === 'string'));
  params.set('lang', lang === 'sv' ? 'en' : 'sv');
  return `${req.path}?${params}`;
}

@Injectable()
export class PageContexts {
  constructor(
    private readonly users: UserService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async of(req: AppRequest, current: string): Promise<PageContext> {
    const user = req.user!;
    const lang = pageLang(req);
    const me = await this.users.get(user.id);
    const csrf = csrfToken(req);
    return {
      lang,
      user,
      name: me.displayName,
      csrf,
      nav: { name: me.displayName, entries: menu(user, this.config.graphiql), csrf, current },
      switchHref: otherLanguage(req, lang),
    };
  }
}
