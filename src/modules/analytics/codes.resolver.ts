import { Args, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { PeriodCost } from '../../common/graphql/period-cost';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/role.enum';
import { CodesService } from './codes.service';
import { CodeCooccurrenceArgs, CodeCooccurrenceCell, CodeFrequenciesArgs, CodeFrequencyRow } from './dto/codes.input';

@Resolver()
export class CodesResolver {
  constructor(private readonly codes: CodesService) {}

  @Roles(Role.ADMIN, Role.ANALYST, Role.RESEARCHER, Role.ORG_REPORTER)
  @PeriodCost()
  @Query(() => [CodeFrequencyRow], { description: 'How often each framework code was used, on observations or segments, optionally per bucket.' })
  codeFrequencies(@CurrentUser() actor: AuthUser, @Args() { input }: CodeFrequenciesArgs) {
    return this.codes.frequencies(actor, input);
  }

  @Roles(Role.ADMIN, Role.ANALYST, Role.RESEARCHER, Role.ORG_REPORTER)
  @Query(() => [CodeCooccurrenceCell], { description: 'A matrix of two code dimensions: how many observations (or segments) carry both codes.' })
  codeCooccurrence(@CurrentUser() actor: AuthUser, @Args() { input }: CodeCooccurrenceArgs) {
    return this.codes.cooccurrence(actor, input);
  }
}
