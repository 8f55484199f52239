import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/graphql/gql-context';
import { manyByKey, oneByKey, requestLoader } from '../../common/loaders/request-loader';
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
