import { Body, Controller, Get, HttpStatus, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { Public } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { PgThrottlerStorage } from '../../modules/auth/pg-throttler.storage';
import { SurveyLinkEntity } from '../../modules/survey-link/survey-link.entity';
import { RespondentCategory } from '../../modules/survey/survey.enums';
import { LinkState, SurveyLinkService } from '../../modules/survey-link/survey-link.service';
import { html } from '../layout';
import { seeOther, sendPage } from '../respond';
import { Lang, langOf, MessageKey, text } from '../messages';
import { misfit, parseSurveyForm } from './survey-form';
import { Notice } from '../components';
import { SurveyForm, SurveyFormView } from './survey-pages';

/** Why a link shows no form: the page's texts and its HTTP status. */
const NOTICES: Record<Exclude<LinkState, 'OPEN'> | 'UNKNOWN' | 'BUSY', { key: string; status: number }> = {
  UNKNOWN: { key: 'state.unknown', status: HttpStatus.NOT_FOUND },
  REVOKED: { key: 'state.revoked', status: HttpStatus.GONE },
  CLOSED: { key: 'state.closed', status: HttpStatus.GONE },
  NOT_YET_OPEN: { key: 'state.notYetOpen', status: HttpStatus.OK },
  BUSY: { key: 'state.busy', status: HttpStatus.TOO_MANY_REQUESTS },
};

type NoticeState = keyof typeof NOTICES;

/** What the link's wave asks besides the items: which respondent categories, and the tenure band or not. */
const asksOf = (link: SurveyLinkEntity) => ({
  categories: link.wave!.respondentCategories ?? Object.values(RespondentCategory),
  tenure: link.wave!.asksTenureBand,
});
/** The notice for a link that takes no answer (one the database refused though it looked open: closed). */
const shown = (state: LinkState | 'UNKNOWN'): NoticeState => (state === 'OPEN' ? 'CLOSED' : state);

/**
 * The anonymous survey behind a link (`/s/<token>`): a plain form, posted back, then a thank-you
 * page. No account, no cookie, nothing logged (the request log skips `/s/`), no time kept finer
 * than the day (docs/adr/0007-anonymous-survey-links.md).
 */
@Controller('s')
export class SurveyLinkController {
  constructor(
    private readonly links: SurveyLinkService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limiter: PgThrottlerStorage,
  ) {}

  @Public()
  @Get(':token')
  async form(@Param('token') token: string, @Query('lang') lang: unknown, @Res() res: Response): Promise<void> {
    const l = langOf(lang);
    const link = await this.links.byToken(token);
    const state = link ? this.links.stateOf(link) : 'UNKNOWN';
    if (state !== 'OPEN' || !link) return this.notice(res, l, token, shown(state), link);
    await this.sendForm(res, l, token, link, { formId: randomUUID(), values: {}, errors: {} }, HttpStatus.OK);
  }

  @Public()
  @Post(':token')
  async answer(@Param('token') token: string, @Query('lang') lang: unknown, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const l = langOf(lang);
    const link = await this.links.byToken(token);
    const state = link ? this.links.stateOf(link) : 'UNKNOWN';
    if (state !== 'OPEN' || !link) return this.notice(res, l, token, shown(state), link);
    const { maxPerWindow, windowSeconds } = this.config.surveyLinks;
    // The counter's key is a SHA-256 (rate_limit_counter.key), per link, never per address.
    const key = createHash('sha256').update(`survey-link:${link.id}`).digest('hex');
    const limit = await this.limiter.increment(key, windowSeconds * 1000, maxPerWindow, windowSeconds * 1000);
    if (limit.isBlocked) {
      res.setHeader('Retry-After', String(limit.timeToBlockExpire));
      return this.notice(res, l, token, 'BUSY', link);
    }
    const questions = await this.links.questionsOf(link);
    const parsed = parseSurveyForm(body ?? {}, questions.items, l, asksOf(link));
    const formId = parsed.formId ?? randomUUID();
    if (!parsed.answer) return this.sendForm(res, l, token, link, { formId, values: parsed.values, errors: parsed.errors }, HttpStatus.BAD_REQUEST, questions);
    try {
      await this.links.answer(token, formId, parsed.answer);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.code === 'BAD_USER_INPUT') {
        // The instrument's own rules (the same as the API's), by item.
        const errors = Object.fromEntries(
          e.fields.map((f) => {
            const item = questions.items[Number(/answers\.(\d+)$/.exec(f.field)?.[1] ?? -1)];
            return item ? [item.code, misfit(item, l)] : ['form', text(l, 'error.body')];
          }),
        );
        return this.sendForm(res, l, token, link, { formId, values: parsed.values, errors }, HttpStatus.BAD_REQUEST, questions);
      }
      const fresh = await this.links.byToken(token);
      return this.notice(res, l, token, shown(fresh ? this.links.stateOf(fresh) : 'UNKNOWN'), fresh);
    }
    seeOther(res, `/s/${token}/tack${l === 'en' ? '?lang=en' : ''}`);
  }

  @Public()
  @Get(':token/tack')
  thanks(@Param('token') token: string, @Query('lang') lang: unknown, @Res() res: Response): void {
    const l = langOf(lang);
    sendPage(
      res,
      HttpStatus.OK,
      html(<Notice lang={l} switchHref={this.switchHref(`/s/${token}/tack`, l)} title={text(l, 'thanks.title')} body={text(l, 'thanks.body')} />),
    );
  }

  private async sendForm(
    res: Response,
    lang: Lang,
    token: string,
    link: SurveyLinkEntity,
    state: Pick<SurveyFormView, 'formId' | 'values' | 'errors'>,
    status: number,
    known?: { introduction: { sv: string; en: string }; items: SurveyFormView['items'] },
  ): Promise<void> {
    const q = known ?? (await this.links.questionsOf(link));
    const view: SurveyFormView = {
      lang,
      action: `/s/${token}${lang === 'en' ? '?lang=en' : ''}`,
      switchHref: this.switchHref(`/s/${token}`, lang),
      wave: link.wave!.label,
      unit: link.unit!.name,
      introduction: q.introduction[lang],
      items: q.items,
      categories: asksOf(link).categories,
      asksTenure: asksOf(link).tenure,
      ...state,
    };
    sendPage(res, status, html(<SurveyForm v={view} />));
  }

  private notice(res: Response, lang: Lang, token: string, state: NoticeState, link: SurveyLinkEntity | null): void {
    const { key, status } = NOTICES[state];
    const values = { wave: link?.wave?.label ?? '', opensOn: link?.wave?.opensOn ?? '' };
    const title = text(lang, `${key}.title` as MessageKey);
    const body = text(lang, `${key}.body` as MessageKey, values);
    sendPage(res, status, html(<Notice lang={lang} switchHref={this.switchHref(`/s/${token}`, lang)} title={title} body={body} />));
  }

  private switchHref(path: string, lang: Lang): string {
    return lang === 'sv' ? `${path}?lang=en` : path;
  }
}
