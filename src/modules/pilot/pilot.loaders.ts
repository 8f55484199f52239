import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/graphql/gql-context';
import { manyByKey, oneByKey, requestLoader } from '../../common/loaders/request-loader';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PilotParticipantEntity } from './pilot-participant.entity';
import { PilotResearcherEntity } from './pilot-researcher.entity';
import { PilotEntity } from './pilot.entity';

@Injectable()
export class PilotLoaders {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** A pilot by id, for rows the caller may already see (e.g. an observation's pilot). */
  byId(ctx: GqlContext) {
    return requestLoader<string, PilotEntity | null>(ctx, 'pilot.byId', async (ids) => {
      const rows = await this.ds.getRepository(PilotEntity).createQueryBuilder('p').where('p.id IN (:...ids)', { ids }).getMany();
      return oneByKey(ids, rows, (p) => p.id);
    });
  }

  /** Participants per pilot, down the steering chain (state first), then by start date. */
  participantsByPilotId(ctx: GqlContext) {
    return requestLoader<string, PilotParticipantEntity[]>(ctx, 'pilot.participants', async (pilotIds) => {
      const rows = await this.ds
        .getRepository(PilotParticipantEntity)
        .createQueryBuilder('pp')
        .where('pp.pilotId IN (:...pilotIds)', { pilotIds })
        .orderBy('pp.level')
        .addOrderBy('pp.fromDate')
        .addOrderBy('pp.id')
        .getMany();
      return manyByKey(pilotIds, rows, (r) => r.pilotId);
    });
  }

  /** The distinct organisations taking part in each pilot, by name. */
  organisationsByPilotId(ctx: GqlContext) {
    return requestLoader<string, OrganisationEntity[]>(ctx, 'pilot.organisations', async (pilotIds) => {
      const { entities, raw } = await this.ds
        .getRepository(OrganisationEntity)
        .createQueryBuilder('o')
        .innerJoin(PilotParticipantEntity, 'pp', 'pp.organisation_id = o.id')
        .addSelect('pp.pilot_id', 'pilot_id')
        .where('pp.pilot_id IN (:...pilotIds)', { pilotIds })
        .orderBy('o.name')
        .addOrderBy('o.id')
        .getRawAndEntities<{ pilot_id: string; o_id: string }>();
      const byId = new Map(entities.map((o) => [o.id, o]));
      const pairs = new Map<string, { pilotId: string; org: OrganisationEntity }>();
      for (const r of raw) pairs.set(`${r.pilot_id}:${r.o_id}`, { pilotId: r.pilot_id, org: byId.get(r.o_id)! });
      return manyByKey(pilotIds, [...pairs.values()], (p) => p.pilotId).map((list) => list.map((p) => p.org));
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
