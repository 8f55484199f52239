import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/graphql/gql-context';
import { manyByKey, oneByKey, requestLoader } from '../../common/loaders/request-loader';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { IndicatorEntity } from './indicator.entity';
import { SteeringInstrumentEntity, SteeringInstrumentTargetEntity } from './steering-instrument.entity';

@Injectable()
export class SteeringLoaders {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  instrumentById(ctx: GqlContext) {
    return requestLoader<string, SteeringInstrumentEntity | null>(ctx, 'steering.instrumentById', async (ids) => {
      const rows = await this.ds.getRepository(SteeringInstrumentEntity).createQueryBuilder('si').where('si.id IN (:...ids)', { ids }).getMany();
      return oneByKey(ids, rows, (r) => r.id);
    });
  }

  indicatorById(ctx: GqlContext) {
    return requestLoader<string, IndicatorEntity | null>(ctx, 'steering.indicatorById', async (ids) => {
      const rows = await this.ds.getRepository(IndicatorEntity).createQueryBuilder('i').where('i.id IN (:...ids)', { ids }).getMany();
      return oneByKey(ids, rows, (r) => r.id);
    });
  }

  /** The organisations each instrument applies to, by name. */
  targets(ctx: GqlContext) {
    return requestLoader<string, OrganisationEntity[]>(ctx, 'steering.targets', async (instrumentIds) => {
      const { entities, raw } = await this.ds
        .getRepository(OrganisationEntity)
        .createQueryBuilder('o')
        .innerJoin(SteeringInstrumentTargetEntity, 't', 't.organisation_id = o.id')
        .addSelect('t.instrument_id', 'instrument_id')
        .where('t.instrument_id IN (:...instrumentIds)', { instrumentIds })
        .orderBy('o.name')
        .addOrderBy('o.id')
        .getRawAndEntities<{ instrument_id: string; o_id: string }>();
      const byId = new Map(entities.map((o) => [o.id, o]));
      const pairs = raw.map((r) => ({ instrumentId: r.instrument_id, org: byId.get(r.o_id)! }));
      return manyByKey(instrumentIds, pairs, (p) => p.instrumentId).map((list) => list.map((p) => p.org));
    });
  }

  indicatorsByInstrument(ctx: GqlContext) {
    return requestLoader<string, IndicatorEntity[]>(ctx, 'steering.indicators', async (instrumentIds) => {
      const rows = await this.ds
        .getRepository(IndicatorEntity)
        .createQueryBuilder('i')
        .where('i.instrumentId IN (:...instrumentIds)', { instrumentIds })
        .orderBy('i.introducedOn')
        .addOrderBy('i.id')
        .getMany();
      return manyByKey(instrumentIds, rows, (r) => r.instrumentId);
    });
  }
}
