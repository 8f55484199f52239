import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { assertVersion, changesOf } from '../../common/corrections/changes';
import { badInput, forbidden, notFound } from '../../common/errors/domain-error';
import { ConnectionShape, paginate } from '../../common/pagination/connection';
import { AccessChecks } from '../access/access.checks';
import { visibleIdeas } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditService } from '../audit/audit.service';
import { ClientRequests } from '../client-request/client-requests.service';
import { takesPartInPilotSql } from '../organisation/organisation.sql';
import { IdeasArgs, PublishIdeaInput, RecordIdeaInput, UpdateIdeaInput } from './dto/idea.input';
import { IdeaEntity, IdeaOrganisationEntity, IdeaStatus } from './idea.entity';

/** The expression the Swedish full-text index (idx_idea_search) is built on. */
const SEARCH_VECTOR = `to_tsvector('swedish', i.title || ' ' || i.problem || ' ' || i.what_was_done || ' ' || i.steps)`;
const today = () => new Date().toISOString().slice(0, 10);
const REQUIRED = [
  'title',
  'problem',
  'whatWasDone',
  'steps',
  'preconditions',
  'cost',
  'pitfalls',
  'themes',
  'sectors',
  'methods',
  'forms',
  'relations',
] as const;

/** The idea bank (issue 13 §3): good examples from the pilots, drafted by their researchers, then published to everyone. */
@Injectable()
export class IdeaService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessChecks,
    private readonly audit: AuditService,
    private readonly requests: ClientRequests,
  ) {}

  list(actor: AuthUser, args: IdeasArgs): Promise<ConnectionShape<IdeaEntity>> {
    const qb = applyTo(this.ds.getRepository(IdeaEntity).createQueryBuilder('i'), visibleIdeas(actor, 'i'));
    const f = args.filter ?? {};
    if (f.text?.trim()) qb.andWhere(`${SEARCH_VECTOR} @@ websearch_to_tsquery('swedish', :q)`, { q: f.text.trim() });
    if (f.status?.length) qb.andWhere('i.status IN (:...statuses)', { statuses: f.status });
    if (f.pilotId) qb.andWhere('i.pilotId = :pilotId', { pilotId: f.pilotId });
    if (f.methods?.length) qb.andWhere('i.methods && CAST(:methods AS trust_method[])', { methods: f.methods });
    if (f.themes?.length) qb.andWhere('i.themes && CAST(:themes AS pilot_theme[])', { themes: f.themes });
    return paginate(qb, args, { column: 'i.title', value: (i) => i.title });
  }

  async get(actor: AuthUser, id: string): Promise<IdeaEntity> {
    const idea = await applyTo(this.ds.getRepository(IdeaEntity).createQueryBuilder('i').where('i.id = :id', { id }), visibleIdeas(actor, 'i')).getOne();
    if (!idea) throw notFound('Idea', id);
    return idea;
  }

  record(actor: AuthUser, input: RecordIdeaInput): Promise<IdeaEntity> {
    return this.ds.transaction((em) =>
      this.requests.once(
        em,
        actor,
        'recordIdea',
        input,
        async () => {
          await this.assertMayWrite(em, actor, input.pilotId);
          await this.checkOrganisations(em, input.pilotId, input.organisationIds);
          const { clientId: _c, organisationIds, ...fields } = input;
          const repo = em.getRepository(IdeaEntity);
          const idea = await repo.save(repo.create({ ...fields, status: IdeaStatus.DRAFT, publishedAt: null, recordedBy: actor.id }));
          if (organisationIds.length)
            await em.getRepository(IdeaOrganisationEntity).insert(organisationIds.map((organisationId) => ({ ideaId: idea.id, organisationId })));
          await this.audit.record(em, actor, {
            entity: AuditEntity.IDEA,
            entityId: idea.id,
            action: AuditAction.CREATE,
            before: null,
            after: { ...idea, organisationIds },
          });
          return idea;
        },
        (id) => em.getRepository(IdeaEntity).findOneBy({ id }),
      ),
    );
  }

  async update(actor: AuthUser, input: UpdateIdeaInput): Promise<IdeaEntity> {
    const { id, expectedVersion, reason, organisationIds, ...fields } = input;
    return this.change(actor, id, reason, async (em, idea) => {
      assertVersion('Idea', idea.version, expectedVersion);
      if (organisationIds) {
        await this.checkOrganisations(em, idea.pilotId, organisationIds);
        await em.getRepository(IdeaOrganisationEntity).delete({ ideaId: id });
        if (organisationIds.length)
          await em.getRepository(IdeaOrganisationEntity).insert(organisationIds.map((organisationId) => ({ ideaId: id, organisationId })));
      }
      return changesOf(fields, REQUIRED);
    });
  }

  /** A draft becomes readable by everyone; publishing one already published changes nothing. */
  publish(actor: AuthUser, input: PublishIdeaInput): Promise<IdeaEntity> {
    return this.change(actor, input.id, input.reason, async (_em, idea) =>
      idea.status === IdeaStatus.PUBLISHED ? {} : { status: IdeaStatus.PUBLISHED, publishedAt: new Date() },
    );
  }

  private change(
    actor: AuthUser,
    id: string,
    reason: string,
    changes: (em: EntityManager, idea: IdeaEntity) => Promise<Partial<IdeaEntity>>,
  ): Promise<IdeaEntity> {
    return this.ds.transaction(async (em) => {
      const qb = em.getRepository(IdeaEntity).createQueryBuilder('i').where('i.id = :id', { id }).setLock('pessimistic_write');
      const idea = await applyTo(qb, visibleIdeas(actor, 'i')).getOne();
      if (!idea) throw notFound('Idea', id);
      await this.assertMayWrite(em, actor, idea.pilotId);
      const before = { ...idea };
      const changed = await changes(em, idea);
      if (!Object.keys(changed).length && before.version === idea.version) return idea;
      Object.assign(idea, changed, { version: idea.version + 1 });
      const saved = await em.getRepository(IdeaEntity).save(idea);
      await this.audit.record(em, actor, { entity: AuditEntity.IDEA, entityId: id, action: AuditAction.UPDATE, before, after: saved, reason });
      return saved;
    });
  }

  private async assertMayWrite(em: EntityManager, actor: AuthUser, pilotId: string): Promise<void> {
    if (!(await this.access.mayWriteResearch(actor, pilotId, today(), em)))
      throw forbidden('Only admins and the researchers following the pilot write its ideas');
  }

  private async checkOrganisations(em: EntityManager, pilotId: string, organisationIds: string[]): Promise<void> {
    for (const [i, organisationId] of organisationIds.entries()) {
      const [{ ok }] = await em.query(takesPartInPilotSql('$1::uuid', '$2::uuid'), [pilotId, organisationId]);
      if (!ok) throw badInput(`input.organisationIds.${i}`, 'neither this organisation nor one it belongs to takes part in the pilot');
    }
  }
}
