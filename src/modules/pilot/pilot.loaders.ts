import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/graphql/gql-context';
import { manyByKey, oneByKey, requestLoader } from '../../common/loaders/request-loader';
import { visibleOrganisations, visiblePilots } from '../access/access.rules';
import { applyTo, inRaw } from '../access/sql-fragment';
import { EntityRows } from '../../common/sql/entity-rows';
import { Params } from '../../common/sql/params';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PilotParticipantEntity } from './pilot-participant.entity';
import { PilotResearcherEntity } from './pilot-researcher.entity';
import { PilotEntity } from './pilot.entity';

@Injectable()
export class PilotLoaders {
  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.participants = new EntityRows(ds, PilotParticipantEntity, 'pp');
    this.organisations = new EntityRows(ds, OrganisationEntity, 'o', 'o');
  }

  private readonly participants: EntityRows<PilotParticipantEntity>;
  private readonly organisations: EntityRows<OrganisationEntity>;

  /** A pilot by id, within what the caller may see (null outside it). */
  byId(ctx: GqlContext) {
    return requestLoader<string, PilotEntity | null>(ctx, 'pilot.byId', async (ids) => {
      const qb = this.ds.getRepository(PilotEntity).createQueryBuilder('p').where('p.id IN (:...ids)', { ids });
      const rows = await applyTo(qb, visiblePilots(ctx.req.user!, 'p.id')).getMany();
      return oneByKey(ids, rows, (p) => p.id);
    });
  }

  /** Participants per pilot whose organisation the caller may see, down the steering chain (state first), then by start date. */
  participantsByPilotId(ctx: GqlContext) {
    return requestLoader<string, PilotParticipantEntity[]>(ctx, 'pilot.participants', async (pilotIds) => {
      const p = new Params();
      const rows: Record<string, unknown>[] = await this.ds.query(
        `SELECT ${this.participants.select}, ${this.organisations.select}
           FROM pilot_participant pp JOIN organisation o ON o.id = pp.organisation_id
          WHERE pp.pilot_id = ANY(${p.add(pilotIds, '::uuid[]')}) AND ${inRaw(visibleOrganisations(ctx.req.user!, 'pp.organisation_id'), p)}
          ORDER BY pp.level, pp.from_date, pp.id`,
        p.values,
      );
      // Each with its organisation, read in the same statement (the participant's organisation field uses it).
      const participants = rows.map((row) => Object.assign(this.participants.hydrate(row), { organisation: this.organisations.hydrate(row) }));
      return manyByKey(pilotIds, participants, (r) => r.pilotId);
    });
  }

  researchersByPilotId(ctx: GqlContext) {
    return requestLoader<string, PilotResearcherEntity[]>(ctx, 'pilot.researchers', async (pilotIds) => {
      const rows = await this.ds
        .getRepository(PilotResearcherEntity)
        .createQueryBuilder('pr')
        .where('pr.pilotId IN (:...pilotIds)', { pilotIds })
        .orderBy('pr.fromDate')
        .addOrderBy('pr.id')
        .getMany();
      return manyByKey(pilotIds, rows, (r) => r.pilotId);
    });
  }
}
