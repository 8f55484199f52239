import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../../common/graphql/gql-context';
import { manyByKey, oneByKey, requestLoader } from '../../common/loaders/request-loader';
import { visibleWaves } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { SurveyBatchEntity } from './survey-batch.entity';
import { SurveyInstrumentEntity, SurveyItemEntity } from './survey-instrument.entity';
import { SurveyWaveEntity } from './survey-wave.entity';
import { SurveyService } from './survey.service';

@Injectable()
export class SurveyLoaders {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly surveys: SurveyService,
  ) {}

  items(ctx: GqlContext) {
    return requestLoader<string, SurveyItemEntity[]>(ctx, 'survey.items', async (ids) => {
      const rows = await this.ds
        .getRepository(SurveyItemEntity)
        .createQueryBuilder('i')
        .where('i.instrumentId IN (:...ids)', { ids })
        .orderBy('i.position')
        .getMany();
      return manyByKey(ids, rows, (r) => r.instrumentId);
    });
  }

  /** A wave by id, within what the caller may see (null outside it). */
  waveById(ctx: GqlContext) {
    return requestLoader<string, SurveyWaveEntity | null>(ctx, 'survey.waveById', async (ids) => {
      const qb = this.ds.getRepository(SurveyWaveEntity).createQueryBuilder('w').where('w.id IN (:...ids)', { ids });
      const rows = await applyTo(qb, visibleWaves(ctx.req.user!, 'w.id')).getMany();
      return oneByKey(ids, rows, (r) => r.id);
    });
  }

  instrumentById(ctx: GqlContext) {
    return requestLoader<string, SurveyInstrumentEntity | null>(ctx, 'survey.instrumentById', async (ids) => {
      const rows = await this.ds.getRepository(SurveyInstrumentEntity).createQueryBuilder('si').where('si.id IN (:...ids)', { ids }).getMany();
      return oneByKey(ids, rows, (r) => r.id);
    });
  }

  /** A wave's batches the caller may see (admins all, others their own), newest first. */
  batches(ctx: GqlContext) {
    return requestLoader<string, SurveyBatchEntity[]>(ctx, 'survey.batches', (ids) => this.surveys.batches(ctx.req.user!, ids));
  }

  responseCount(ctx: GqlContext) {
    return requestLoader<string, number>(ctx, 'survey.responseCount', (ids) => this.surveys.responseCounts(ids));
  }
}
