import { Controller, Get, HttpStatus, Inject, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import type { AppRequest } from '../../common/graphql/gql-context';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { mayDo } from '../../modules/access/permissions';
import { OrganisationService } from '../../modules/organisation/organisation.service';
import { html, Page } from '../layout';
import { MessageKey, text } from '../messages';
import { PageContext, PageContexts } from '../pages/page-context';
import { PATHS } from '../paths';
import { sendPage } from '../respond';

/** The first page after signing in: a reporter's organisation and units; other roles, where to work. */
@Controller()
export class HomeController {
  constructor(
    private readonly pages: PageContexts,
    private readonly organisations: OrganisationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(PATHS.home)
  async home(@Req() req: AppRequest, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const c = await this.pages.of(req, PATHS.home);
    const own = user.organisationId ? await this.organisations.subtree(user, user.organisationId) : [];
    sendPage(
      res,
      HttpStatus.OK,
      html(<HomePage c={c} own={own.map((o) => ({ id: o.id, name: o.name, root: o.id === user.organisationId }))} apiUrl={this.config.publicUrl} />),
    );
  }
}

function HomePage({ c, own, apiUrl }: { c: PageContext; own: { id: string; name: string; root: boolean }[]; apiUrl: string }) {
  const t = (key: MessageKey, values?: Record<string, string>) => text(c.lang, key, values);
  const root = own.find((o) => o.root);
  const units = own.filter((o) => !o.root);
  return (
    <Page lang={c.lang} title={t('nav.home')} switchHref={c.switchHref} nav={c.nav}>
      <h1>{t('home.title', { name: c.name })}</h1>
      {root ? (
        <>
          <p>{t('home.reporter', { organisation: root.name })}</p>
          {units.length > 0 && (
            <section aria-labelledby="units">
              <h2 id="units">{t('home.units')}</h2>
              <ul>
                {units.map((u) => (
                  <li>{u.name}</li>
                ))}
              </ul>
            </section>
          )}
          {mayDo(c.user.role, 'reports.write') && (
            <p>
              <a href={PATHS.reporting}>{t('home.toReporting')}</a>
            </p>
          )}
        </>
      ) : (
        <p>{t('home.other', { role: t(`role.${c.user.role}` as MessageKey), url: `${apiUrl}/graphql` })}</p>
      )}
    </Page>
  );
}
