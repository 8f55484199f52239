import { Injectable } from '@nestjs/common';
import type { GqlContext } from '../../common/graphql/gql-context';
import { manyByKey, requestLoader } from '../../common/loaders/request-loader';
import { StaffSizeEntity } from './staff-size.entity';
import { StaffSizeService } from './staff-size.service';

@Injectable()
export class StaffSizeLoaders {
  constructor(private readonly service: StaffSizeService) {}

  /** Staff sizes per organisation, oldest first (empty where the caller may not read its reports). */
  byOrganisation(ctx: GqlContext) {
    return requestLoader<string, StaffSizeEntity[]>(ctx, 'staffSize.byOrganisation', async (ids) =>
      manyByKey(ids, await this.service.forOrganisations(ctx.req.user!, ids), (s) => s.organisationId),
    );
  }
}
