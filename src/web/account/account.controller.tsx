import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { endPageSession, pageSession, PageSession } from '../../common/auth/page-session';
import { DomainError } from '../../common/errors/domain-error';
import type { AppRequest } from '../../common/graphql/gql-context';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuthService } from '../../modules/auth/auth.service';
import { LoginThrottlerGuard } from '../../modules/auth/login-throttler.guard';
import { AccountService } from '../../modules/user/account.service';
import { ChangePasswordInput } from '../../modules/user/dto/account.input';
import { validInput } from '../../common/validation/input-validation.pipe';
import { Notice } from '../components';
import { html } from '../layout';
import { Lang, langOf, text } from '../messages';
import { PageContexts, pageLang } from '../pages/page-context';
import { PATHS, safeNext } from '../paths';
import { seeOther, sendPage } from '../respond';
import { csrfToken, CsrfGuard } from '../session/csrf';
import { ChangePasswordPage, checkNewPassword, InvitationPage, SignInPage } from './account-pages';

type Form = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A new session id for the signed-in user (no fixation of one chosen before). */
function signIn(req: Request, user: { id: string }, lang: Lang): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.regenerate((err: unknown) => {
      if (err) return reject(err);
      Object.assign(req.session as PageSession, { userId: user.id, signedInAt: Date.now(), lang });
      req.session.save((e: unknown) => (e ? reject(e) : resolve()));
    }),
  );
}

/** Sign-in and sign-out, one's own password, and the one-time link to set it. */
@Controller()
@UseGuards(CsrfGuard)
export class AccountController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountService,
    private readonly pages: PageContexts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get(PATHS.signIn)
  signInForm(@Req() req: AppRequest, @Query('next') next: unknown, @Res() res: Response): void {
    if (pageSession(req)?.userId) return seeOther(res, safeNext(next));
    this.sendSignIn(req, res, HttpStatus.OK, safeNext(next), '');
  }

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post(PATHS.signIn)
  async signIn(@Req() req: AppRequest, @Query('next') next: unknown, @Body() form: Form, @Res() res: Response): Promise<void> {
    const lang = pageLang(req);
    try {
      const user = await this.auth.checkCredentials(str(form.email), str(form.password));
      await signIn(req, user, lang);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'UNAUTHENTICATED') throw e;
      return this.sendSignIn(req, res, HttpStatus.UNAUTHORIZED, safeNext(next), str(form.email), text(lang, 'signIn.failed'));
    }
    seeOther(res, safeNext(next));
  }

  @Public()
  @Post(PATHS.signOut)
  async signOut(@Req() req: AppRequest, @Res() res: Response): Promise<void> {
    const session = pageSession(req);
    const lang = pageLang(req);
    if (session) await endPageSession(session);
    seeOther(res, `${PATHS.signOut}${lang === 'en' ? '?lang=en' : ''}`);
  }

  @Public()
  @Get(PATHS.signOut)
  signedOut(@Query('lang') lang: unknown, @Res() res: Response): void {
    const l = langOf(lang);
    const page = (
      <Notice lang={l} title={text(l, 'signedOut.title')} body={text(l, 'signedOut.body')}>
        <p>
          <a href={PATHS.signIn}>{text(l, 'signedOut.again')}</a>
        </p>
      </Notice>
    );
    sendPage(res, HttpStatus.OK, html(page));
  }

  @Get(PATHS.password)
  async passwordForm(@Req() req: AppRequest, @Query('saved') saved: unknown, @Res() res: Response): Promise<void> {
    const c = await this.pages.of(req, PATHS.password);
    sendPage(res, HttpStatus.OK, html(<ChangePasswordPage c={c} errors={{}} saved={saved === '1'} />));
  }

  @Post(PATHS.password)
  async changePassword(@Req() req: AppRequest, @CurrentUser() user: AuthUser, @Body() form: Form, @Res() res: Response): Promise<void> {
    const c = await this.pages.of(req, PATHS.password);
    let errors = checkNewPassword(c.lang, form.newPassword, form.repeat);
    if (!Object.keys(errors).length) {
      try {
        const input = await validInput(ChangePasswordInput, { currentPassword: str(form.currentPassword), newPassword: str(form.newPassword) });
        await this.accounts.changePassword(user, input, pageSession(req)?.id);
        return seeOther(res, `${PATHS.password}?saved=1`);
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== 'BAD_USER_INPUT') throw e;
        errors = { currentPassword: text(c.lang, 'password.error.current') };
      }
    }
    sendPage(res, HttpStatus.BAD_REQUEST, html(<ChangePasswordPage c={c} errors={errors} saved={false} />));
  }

  @Public()
  @Get(`${PATHS.invitation}/:token`)
  async invitationForm(@Req() req: AppRequest, @Param('token') token: string, @Res() res: Response): Promise<void> {
    const state = await this.accounts.linkState(token);
    if (!state.valid) return this.invalidLink(req, res);
    this.sendInvitation(req, res, token, state.user, {}, HttpStatus.OK);
  }

  @Public()
  @Post(`${PATHS.invitation}/:token`)
  async setPassword(@Req() req: AppRequest, @Param('token') token: string, @Body() form: Form, @Res() res: Response): Promise<void> {
    const lang = pageLang(req);
    const state = await this.accounts.linkState(token);
    if (!state.valid) return this.invalidLink(req, res);
    const errors = checkNewPassword(lang, form.newPassword, form.repeat);
    if (Object.keys(errors).length) return this.sendInvitation(req, res, token, state.user, errors, HttpStatus.BAD_REQUEST);
    const user = await this.accounts.setPasswordByLink(token, str(form.newPassword));
    if (!user) return this.invalidLink(req, res);
    await signIn(req, user, lang);
    seeOther(res, PATHS.home);
  }

  private sendSignIn(req: AppRequest, res: Response, status: number, next: string, email: string, error?: string): void {
    const v = { lang: pageLang(req), csrf: csrfToken(req), next, email, error, apiUrl: this.config.publicUrl };
    sendPage(res, status, html(<SignInPage v={v} />));
  }

  private sendInvitation(req: AppRequest, res: Response, token: string, user: { displayName: string; email: string }, errors: object, status: number): void {
    const lang = pageLang(req);
    const v = { lang, csrf: csrfToken(req), action: `${PATHS.invitation}/${token}`, name: user.displayName, email: user.email, errors };
    sendPage(res, status, html(<InvitationPage v={v} />));
  }

  private invalidLink(req: AppRequest, res: Response): void {
    const lang = pageLang(req);
    sendPage(res, HttpStatus.GONE, html(<Notice lang={lang} title={text(lang, 'invitation.invalid.title')} body={text(lang, 'invitation.invalid.body')} />));
  }
}
