import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { badInput, conflict, notFound } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AccessChecks } from '../access/access.checks';
import { visibleSurveyLinks } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { ClientRequests } from '../client-request/client-requests.service';
import { SurveyInstrumentEntity, SurveyItemEntity } from '../survey/survey-instrument.entity';
import { SurveyWaveEntity } from '../survey/survey-wave.entity';
import { LinkAnswer, SurveyService } from '../survey/survey.service';
import { CreateSurveyLinkInput, RevokeSurveyLinkInput, SetSurveyLinkInvitedInput } from './dto/survey-link.input';
import { SurveyLinkEntity } from './survey-link.entity';

export type LinkState = 'OPEN' | 'NOT_YET_OPEN' | 'CLOSED' | 'REVOKED';

/** What the audit trail keeps of a link: never its token, which is the capability itself. */
const audited = ({ token: _token, ...rest }: SurveyLinkEntity) => rest;

/**
 * Survey links: made and revoked by those who submit responses for the unit (admins, and org
 * reporters for their own units), listed on the wave for them only. Answers through a link go to
 * SurveyService.submitThroughLink.
 */
@Injectable()
export class SurveyLinkService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessChecks,
    private readonly audit: AuditService,
    private readonly requests: ClientRequests,
    private readonly surveys: SurveyService,
  ) {}

  /** The address staff open: the app's public address and the token. */
  url(link: SurveyLinkEntity): string {
    return `${this.config.publicUrl}/s/${link.token}`;
  }

  create(actor: AuthUser, input: CreateSurveyLinkInput): Promise<SurveyLinkEntity> {
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(SurveyLinkEntity);
      return this.requests.once(
        em,
        actor,
        'createSurveyLink',
        input,
        async () => {
          const wave = await em.getRepository(SurveyWaveEntity).findOneBy({ id: input.waveId });
          const units = wave ? await this.access.unitsToSubmitFor(actor, wave.id, em) : new Set<string>();
          if (!wave || !units.size) throw notFound('Survey wave', input.waveId);
          if (!units.has(input.unitId)) throw badInput('input.unitId', 'is not one of the wave’s units that you report for');
          if (wave.closedAt || wave.closesOn < new Date().toISOString().slice(0, 10)) {
            throw badInput('input.waveId', `the wave "${wave.label}" has closed: a link to it would not open`);
          }
          const link = await repo.save(
            repo.create({
              waveId: wave.id,
              unitId: input.unitId,
              token: randomBytes(32).toString('base64url'),
              invited: input.invited ?? null,
              createdBy: actor.id,
            }),
          );
          await this.audit.record(em, actor, {
            entity: AuditEntity.SURVEY_LINK,
            entityId: link.id,
            action: AuditAction.CREATE,
            before: null,
            after: audited(link),
          });
          return link;
        },
        (id) => repo.findOneBy({ id }),
      );
    });
  }

  setInvited(actor: AuthUser, input: SetSurveyLinkInvitedInput): Promise<SurveyLinkEntity> {
    return this.change(actor, input.id, input.reason, AuditAction.UPDATE, (link) => ({ ...link, invited: input.invited }));
  }

  /** Stops a link; revoking one already revoked changes nothing. */
  revoke(actor: AuthUser, input: RevokeSurveyLinkInput): Promise<SurveyLinkEntity> {
    return this.change(actor, input.id, input.reason, AuditAction.DELETE, (link) =>
      link.revokedAt ? link : { ...link, revokedAt: new Date(), revokedBy: actor.id, revokeReason: input.reason },
    );
  }

  /** The links of these waves the caller may see, oldest first. */
  async forWaves(actor: AuthUser, waveIds: readonly string[]): Promise<SurveyLinkEntity[]> {
    const qb = this.ds
      .getRepository(SurveyLinkEntity)
      .createQueryBuilder('l')
      .where('l.waveId IN (:...waveIds)', { waveIds })
      .orderBy('l.createdAt')
      .addOrderBy('l.id');
    return applyTo(qb, visibleSurveyLinks(actor, 'l.unit_id')).getMany();
  }

  /**
   * Per wave, over its links whose invited count is known: staff invited, and the responses that
   * came through those links (withdrawn batches left out).
   */
  async invitations(waveIds: readonly string[]): Promise<Map<string, { invited: number; responses: number }>> {
    const byWave = new Map<string, { invited: number; responses: number }>();
    for (const [key, v] of await this.invitationsByUnit(waveIds)) {
      const wave = key.split(':')[0];
      const sum = byWave.get(wave) ?? { invited: 0, responses: 0 };
      byWave.set(wave, { invited: sum.invited + v.invited, responses: sum.responses + v.responses });
    }
    return byWave;
  }

  /** The same per wave and unit, keyed `waveId:unitId`. */
  async invitationsByUnit(waveIds: readonly string[]): Promise<Map<string, { invited: number; responses: number }>> {
    const rows: { wave_id: string; unit_id: string; invited: number; responses: number }[] = await this.ds.query(
      `SELECT l.wave_id, l.unit_id, sum(l.invited)::int AS invited, coalesce(sum(b.n), 0)::int AS responses
         FROM survey_link l
         LEFT JOIN (SELECT link_id, sum(response_count) AS n FROM survey_batch
                     WHERE link_id IS NOT NULL AND withdrawn_at IS NULL GROUP BY link_id) b ON b.link_id = l.id
        WHERE l.wave_id = ANY($1::uuid[]) AND l.invited IS NOT NULL
        GROUP BY l.wave_id, l.unit_id`,
      [waveIds],
    );
    return new Map(rows.map((r) => [`${r.wave_id}:${r.unit_id}`, { invited: r.invited, responses: r.responses }]));
  }

  /** Whether a rate over this many invited may be shown: not below MIN_GROUP_SIZE, like every survey figure. */
  rateShown(invited: number): boolean {
    return invited >= this.config.privacy.minGroupSize;
  }

  /** Responses that came through each link, withdrawn batches left out. */
  async responseCounts(linkIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { link_id: string; n: number }[] = await this.ds.query(
      `SELECT link_id, sum(response_count)::int AS n FROM survey_batch WHERE link_id = ANY($1::uuid[]) AND withdrawn_at IS NULL GROUP BY link_id`,
      [linkIds],
    );
    return new Map(rows.map((r) => [r.link_id, r.n]));
  }

  /**
   * An answer through a link: a revoked or unknown link takes none; the wave must be open; then it
   * is stored like any other response (SurveyService.submitThroughLink).
   */
  async answer(token: string, formId: string, response: LinkAnswer): Promise<{ stored: boolean }> {
    const link = await this.byToken(token);
    if (!link) throw notFound('Survey link');
    if (link.revokedAt) throw conflict('This survey link has been revoked; ask whoever sent it for a new one');
    return this.surveys.submitThroughLink(link, formId, response);
  }

  /** Whether a link takes answers today (UTC), and if not why. */
  stateOf(link: SurveyLinkEntity, today = new Date().toISOString().slice(0, 10)): LinkState {
    if (link.revokedAt) return 'REVOKED';
    const wave = link.wave!;
    if (wave.closedAt || wave.closesOn < today) return 'CLOSED';
    if (wave.opensOn > today) return 'NOT_YET_OPEN';
    return 'OPEN';
  }

  /** What the form asks: the wave's instrument, its introduction (English falls back to Swedish) and its items in order. */
  async questionsOf(link: SurveyLinkEntity): Promise<{ introduction: { sv: string; en: string }; items: SurveyItemEntity[] }> {
    const instrument = await this.ds.getRepository(SurveyInstrumentEntity).findOneByOrFail({ id: link.wave!.instrumentId });
    const items = await this.ds.getRepository(SurveyItemEntity).find({ where: { instrumentId: instrument.id }, order: { position: 'ASC' } });
    return { introduction: { sv: instrument.introductionSv, en: instrument.introductionEn || instrument.introductionSv }, items };
  }

  /** The link a token names, with its wave; null when there is none (a mistyped or made-up token). */
  byToken(token: string): Promise<SurveyLinkEntity | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return Promise.resolve(null);
    return this.ds.getRepository(SurveyLinkEntity).findOne({ where: { token }, relations: { wave: true, unit: true } });
  }

  private change(actor: AuthUser, id: string, reason: string, action: AuditAction, next: (l: SurveyLinkEntity) => SurveyLinkEntity): Promise<SurveyLinkEntity> {
    return this.ds.transaction(async (em) => {
      const link = await this.lockForChange(em, actor, id);
      const changed = next(link);
      if (changed === link) return link;
      const saved = await em.getRepository(SurveyLinkEntity).save(changed);
      await this.audit.record(em, actor, { entity: AuditEntity.SURVEY_LINK, entityId: id, action, before: audited(link), after: audited(saved), reason });
      return saved;
    });
  }

  /** The link, locked, if the caller submits for its unit; otherwise NOT_FOUND, as if it did not exist. */
  private async lockForChange(em: EntityManager, actor: AuthUser, id: string): Promise<SurveyLinkEntity> {
    const link = await em.getRepository(SurveyLinkEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!link || !(await this.access.unitsToSubmitFor(actor, link.waveId, em)).has(link.unitId)) throw notFound('Survey link', id);
    return { ...link };
  }
}
