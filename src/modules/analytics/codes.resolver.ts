import { Args, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../../common/auth/auth-user';
import { PeriodCost } from '../../common/graphql/period-cost';
import { CurrentUser } from '../../common/auth/decorators';
import { Allow } from '../access/permissions';
import { CodesService } from './codes.service';
import { CodingComparisonService } from './coding-comparison.service';
import { CodingComparison, CodingComparisonArgs } from './dto/coding-comparison.input';
import { CodeCooccurrenceArgs, CodeCooccurrenceCell, CodeFrequenciesArgs, CodeFrequencyRow } from './dto/codes.input';

@Resolver()
export class CodesResolver {
  constructor(
    private readonly codes: CodesService,
    private readonly comparison: CodingComparisonService,
  ) {}

  @Allow('analytics.read')
  @PeriodCost()
  @Query(() => [CodeFrequencyRow], { description: 'How often each framework code was used, on observations or segments, optionally per bucket.' })
  codeFrequencies(@CurrentUser() actor: AuthUser, @Args() { input }: CodeFrequenciesArgs) {
    return this.codes.frequencies(actor, input);
  }

  @Allow('analytics.read')
  @Query(() => [CodeCooccurrenceCell], { description: 'A matrix of two code dimensions: how many observations (or segments) carry both codes.' })
  codeCooccurrence(@CurrentUser() actor: AuthUser, @Args() { input }: CodeCooccurrenceArgs) {
    return this.codes.cooccurrence(actor, input);
  }

  @Allow('analytics.read')
  @Query(() => CodingComparison, {
    description:
      'Where two researchers coded the same observations differently: percentage agreement and Cohen’s kappa per code, over the code points of the observations both coded segments of.',
  })
  codingComparison(@CurrentUser() actor: AuthUser, @Args() { input }: CodingComparisonArgs) {
    return this.comparison.compare(actor, input);
  }
}
