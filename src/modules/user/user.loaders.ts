import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { GqlContext } from '../../common/graphql/gql-context';
import { oneByKey, requestLoader } from '../../common/loaders/request-loader';
import { UserEntity } from './user.entity';

@Injectable()
export class UserLoaders {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  byId(ctx: GqlContext) {
    return requestLoader<string, UserEntity | null>(ctx, 'user.byId', async (ids) => {
      const rows = await this.ds.getRepository(UserEntity).findBy({ id: In([...ids]) });
      return oneByKey(ids, rows, (u) => u.id);
    });
  }
}
