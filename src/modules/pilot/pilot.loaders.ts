import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/graphql/gql-context';
import { manyByKey, oneByKey, requestLoader } from '../../common/loaders/request-loader';
import { visibleOrganisations, visiblePilots } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { PilotParticipantEntity } from './pilot-participant.entity';
import { PilotResearcherEntity } from './pilot-researcher.entity';
import { PilotEntity } from './pilot.entity';

@Injectable()
export class PilotLoaders {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

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
      const qb = this.ds
        .getRepository(PilotParticipantEntity)
        .createQueryBuilder('pp')
        .where('pp.pilotId IN (:...pilotIds)', { pilotIds })
        .orderBy('pp.level')
        .addOrderBy('pp.fromDate')
        .addOrderBy('pp.id');
      const rows = await applyTo(qb, visibleOrganisations(ctx.req.user!, 'pp.organisation_id')).getMany();
      return manyByKey(pilotIds, rows, (r) => r.pilotId);
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
