import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Role } from '../../common/auth/role.enum';
import { notFound } from '../../common/errors/domain-error';
import { ConnectionShape, paginate } from '../../common/pagination/connection';
import { AuditAction, AuditEntity } from '../audit/audit.enums';
import { AuditRecord, AuditService } from '../audit/audit.service';
import { ClientRequests } from '../client-request/client-requests.service';
import { visiblePilots } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { likeEscape, subtreeIdsSql } from '../organisation/organisation.sql';
import { UserEntity } from '../user/user.entity';
import { CreatePilotInput } from './dto/create-pilot.input';
import { AddPilotParticipantInput, PilotParticipantInput } from './dto/pilot-participant.input';
import { AddPilotResearcherInput, PilotResearcherInput } from './dto/pilot-researcher.input';
import { PilotsArgs } from './dto/pilots.args';
import { RemoveByIdInput } from '../../common/corrections/correction.input';
import { UpdatePilotInput } from './dto/update-pilot.input';
import { PilotParticipantEntity } from './pilot-participant.entity';
import { PilotResearcherEntity } from './pilot-researcher.entity';
import { PilotEntity } from './pilot.entity';
import { PilotErrors } from './pilot.errors';

const created = (entity: AuditEntity, row: { id: string }): AuditRecord => ({
  entity,
  entityId: row.id,
  action: AuditAction.CREATE,
  before: null,
  after: row,
});

/** The text searched by `filter.text`; the trigram index in the migration is on this expression. */
const SEARCH_EXPR = `(p.code || ' ' || p.title || ' ' || p.description)`;

@Injectable()
export class PilotService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly requests: ClientRequests,
  ) {}

  async list(actor: AuthUser, args: PilotsArgs): Promise<ConnectionShape<PilotEntity>> {
    const qb = applyTo(this.ds.getRepository(PilotEntity).createQueryBuilder('p'), visiblePilots(actor, 'p.id'));
    const f = args.filter ?? {};
    if (f.status?.length) qb.andWhere('p.status IN (:...statuses)', { statuses: f.status });
    if (f.theme?.length) qb.andWhere('p.themes && CAST(:themes AS pilot_theme[])', { themes: f.theme });
    if (f.sector?.length) qb.andWhere('p.sectors && CAST(:sectors AS pilot_sector[])', { sectors: f.sector });
    if (f.organisationId) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM pilot_participant fp WHERE fp.pilot_id = p.id
                 AND fp.organisation_id IN (${subtreeIdsSql(':filterOrgId')}))`,
        { filterOrgId: f.organisationId },
      );
    }
    if (f.researcherId) {
      qb.andWhere('EXISTS (SELECT 1 FROM pilot_researcher fr WHERE fr.pilot_id = p.id AND fr.user_id = :researcherId)', {
        researcherId: f.researcherId,
      });
    }
    if (f.text?.trim()) {
      qb.andWhere(`${SEARCH_EXPR} ILIKE :pattern ESCAPE '\\'`, { pattern: `%${likeEscape(f.text.trim())}%` });
    }
    return paginate(qb, args, { column: 'p.code', value: (p) => p.code });
  }

  async get(actor: AuthUser, id: string): Promise<PilotEntity> {
    const qb = this.ds.getRepository(PilotEntity).createQueryBuilder('p').where('p.id = :id', { id });
    const pilot = await applyTo(qb, visiblePilots(actor, 'p.id')).getOne();
    if (!pilot) throw notFound('Pilot', id);
    return pilot;
  }

  /** The pilot with its participants and researchers, all or nothing. */
  async create(actor: AuthUser, input: CreatePilotInput): Promise<PilotEntity> {
    const { participants, researchers, clientId: _c, ...fields } = input;
    this.checkPeriod(fields.startsOn, fields.endsOn, 'input.endsOn');
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(PilotEntity);
      return this.requests.once(
        em,
        actor,
        'createPilot',
        input,
        async () => {
          const pilot = await repo.save(
            repo.create({ ...fields, announcedOn: fields.announcedOn ?? null, startsOn: fields.startsOn ?? null, endsOn: fields.endsOn ?? null }),
          );
          const parts = await this.insertParticipants(em, pilot, participants, 'input.participants');
          const people = await this.insertResearchers(em, pilot, researchers, 'input.researchers');
          await this.audit.record(
            em,
            actor,
            created(AuditEntity.PILOT, pilot),
            ...parts.map((p) => created(AuditEntity.PILOT_PARTICIPANT, p)),
            ...people.map((r) => created(AuditEntity.PILOT_RESEARCHER, r)),
          );
          return pilot;
        },
        (id) => repo.findOneBy({ id }),
      );
    });
  }

  async update(actor: AuthUser, input: UpdatePilotInput): Promise<PilotEntity> {
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository(PilotEntity);
      const pilot = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!pilot) throw notFound('Pilot', input.id);
      const { id: _id, reason, ...changes } = input;
      const before = { ...pilot };
      repo.merge(pilot, changes);
      this.checkPeriod(pilot.startsOn, pilot.endsOn, 'input.endsOn');
      const saved = await repo.save(pilot);
      await this.audit.record(em, actor, { entity: AuditEntity.PILOT, entityId: saved.id, action: AuditAction.UPDATE, before, after: saved, reason });
      return saved;
    });
  }

  async addParticipant(actor: AuthUser, input: AddPilotParticipantInput): Promise<PilotParticipantEntity> {
    return this.ds.transaction(async (em) =>
      this.requests.once(
        em,
        actor,
        'addPilotParticipant',
        input,
        async () => {
          const pilot = await this.requirePilot(em, input.pilotId);
          const [row] = await this.insertParticipants(em, pilot, [input], 'input');
          await this.audit.record(em, actor, created(AuditEntity.PILOT_PARTICIPANT, row));
          return row;
        },
        (id) => em.getRepository(PilotParticipantEntity).findOneBy({ id }),
      ),
    );
  }

  removeParticipant(actor: AuthUser, input: RemoveByIdInput): Promise<string> {
    return this.removeRow(actor, PilotParticipantEntity, AuditEntity.PILOT_PARTICIPANT, 'Pilot participant', input);
  }

  async addResearcher(actor: AuthUser, input: AddPilotResearcherInput): Promise<PilotResearcherEntity> {
    return this.ds.transaction(async (em) =>
      this.requests.once(
        em,
        actor,
        'addPilotResearcher',
        input,
        async () => {
          const pilot = await this.requirePilot(em, input.pilotId);
          const [row] = await this.insertResearchers(em, pilot, [input], 'input');
          await this.audit.record(em, actor, created(AuditEntity.PILOT_RESEARCHER, row));
          return row;
        },
        (id) => em.getRepository(PilotResearcherEntity).findOneBy({ id }),
      ),
    );
  }

  removeResearcher(actor: AuthUser, input: RemoveByIdInput): Promise<string> {
    return this.removeRow(actor, PilotResearcherEntity, AuditEntity.PILOT_RESEARCHER, 'Pilot researcher', input);
  }

  private removeRow(
    actor: AuthUser,
    target: typeof PilotParticipantEntity | typeof PilotResearcherEntity,
    entity: AuditEntity,
    what: string,
    { id, reason }: RemoveByIdInput,
  ): Promise<string> {
    return this.ds.transaction(async (em) => {
      const repo = em.getRepository<PilotParticipantEntity | PilotResearcherEntity>(target);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound(what, id);
      await repo.delete({ id });
      await this.audit.record(em, actor, { entity, entityId: id, action: AuditAction.DELETE, before: row, after: null, reason });
      return id;
    });
  }

  private async requirePilot(em: EntityManager, id: string): Promise<PilotEntity> {
    const pilot = await em.getRepository(PilotEntity).findOneBy({ id });
    if (!pilot) throw notFound('Pilot', id);
    return pilot;
  }

  private checkPeriod(from: string | null | undefined, to: string | null | undefined, field: string): void {
    if (from && to && to < from) throw PilotErrors.endBeforeStart(field);
  }

  private fromDate(pilot: PilotEntity, given: string | undefined, field: string): string {
    const from = given ?? pilot.startsOn;
    if (!from) throw PilotErrors.fromDateNeeded(field);
    return from;
  }

  private async insertParticipants(em: EntityManager, pilot: PilotEntity, inputs: PilotParticipantInput[], path: string): Promise<PilotParticipantEntity[]> {
    if (!inputs.length) return [];
    const rows = inputs.map((p, i) => {
      const field = inputs.length > 1 || path !== 'input' ? `${path}.${i}` : path;
      const fromDate = this.fromDate(pilot, p.fromDate, `${field}.fromDate`);
      this.checkPeriod(fromDate, p.toDate, `${field}.toDate`);
      return em.getRepository(PilotParticipantEntity).create({
        pilotId: pilot.id,
        organisationId: p.organisationId,
        level: p.level,
        role: p.role,
        fromDate,
        toDate: p.toDate ?? null,
      });
    });
    return em.getRepository(PilotParticipantEntity).save(rows, { chunk: 500 });
  }

  private async insertResearchers(em: EntityManager, pilot: PilotEntity, inputs: PilotResearcherInput[], path: string): Promise<PilotResearcherEntity[]> {
    if (!inputs.length) return [];
    const users = await em.getRepository(UserEntity).findBy({ id: In(inputs.map((r) => r.userId)) });
    const researchers = new Set(users.filter((u) => u.role === Role.RESEARCHER && u.active).map((u) => u.id));
    const rows = inputs.map((r, i) => {
      const field = inputs.length > 1 || path !== 'input' ? `${path}.${i}` : path;
      if (!researchers.has(r.userId)) throw PilotErrors.notAResearcher(`${field}.userId`);
      const fromDate = this.fromDate(pilot, r.fromDate, `${field}.fromDate`);
      this.checkPeriod(fromDate, r.toDate, `${field}.toDate`);
      return em.getRepository(PilotResearcherEntity).create({ pilotId: pilot.id, userId: r.userId, fromDate, toDate: r.toDate ?? null });
    });
    return em.getRepository(PilotResearcherEntity).save(rows, { chunk: 100 });
  }
}
