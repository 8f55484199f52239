import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/graphql/gql-context';
import { manyByKey, oneByKey, requestLoader } from '../../common/loaders/request-loader';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { SurveyInstrumentEntity, SurveyItemEntity } from './survey-instrument.entity';
import { SurveyWaveUnitEntity } from './survey-wave.entity';
import { SurveyService } from './survey.service';

@Injectable()
export class SurveyLoaders {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly surveys: SurveyService,
  ) {}

  items(ctx: GqlContext) {
    return requestLoader<string, SurveyItemEntity[]>(ctx, 'survey.items', async (ids) => {
      const rows = await this.ds.getRepository(SurveyItemEntity).createQueryBuilder('i').where('i.instrumentId IN (:...ids)', { ids }).orderBy('i.position').getMany();
      return manyByKey(ids, rows, (r) => r.instrumentId);
    });
  }

  instrumentById(ctx: GqlContext) {
    return requestLoader<string, SurveyInstrumentEntity | null>(ctx, 'survey.instrumentById', async (ids) => {
      const rows = await this.ds.getRepository(SurveyInstrumentEntity).createQueryBuilder('si').where('si.id IN (:...ids)', { ids }).getMany();
      return oneByKey(ids, rows, (r) => r.id);
    });
  }

  units(ctx: GqlContext) {
    return requestLoader<string, OrganisationEntity[]>(ctx, 'survey.units', async (waveIds) => {
      const { entities, raw } = await this.ds
        .getRepository(OrganisationEntity)
        .createQueryBuilder('o')
        .innerJoin(SurveyWaveUnitEntity, 'wu', 'wu.organisation_id = o.id')
        .addSelect('wu.wave_id', 'wave_id')
        .where('wu.wave_id IN (:...waveIds)', { waveIds })
        .orderBy('o.name')
        .getRawAndEntities<{ wave_id: string; o_id: string }>();
      const byId = new Map(entities.map((o) => [o.id, o]));
      return manyByKey(waveIds, raw.map((r) => ({ waveId: r.wave_id, org: byId.get(r.o_id)! })), (p) => p.waveId).map((l) => l.map((p) => p.org));
    });
  }

  responseCount(ctx: GqlContext) {
    return requestLoader<string, number>(ctx, 'survey.responseCount', (ids) => this.surveys.responseCounts(ids));
  }
}
