import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../common/auth/decorators';
import { Framework } from './framework.model';
import { FrameworkService } from './framework.service';

@Resolver(() => Framework)
export class FrameworkResolver {
  constructor(private readonly frameworkService: FrameworkService) {}

  @Public()
  @Query(() => Framework, { description: 'The coding framework: every term in source order. Public.' })
  framework(): Framework {
    return this.frameworkService.get();
  }
}
