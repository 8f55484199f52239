import { applyDecorators } from '@nestjs/common';
import { Field, Int } from '@nestjs/graphql';
import { Column } from 'typeorm';

/**
 * The version of a correctable record: 1 as created, one more with each change. A correction
 * names the version it was made from (`expectedVersion`); any other is CONFLICT, so nobody
 * overwrites a change they have not seen.
 */
export const VersionColumn = () =>
  applyDecorators(
    Field(() => Int, { description: '1 as created; each change adds one. Corrections send it as expectedVersion.' }),
    Column({ type: 'integer', default: 1 }),
  );
