import { applyDecorators } from '@nestjs/common';
import { Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

/** The `clientId` of a create mutation's input: `@ClientIdField() clientId?: string;`. */
export const ClientIdField = () =>
  applyDecorators(
    Field(() => ID, {
      nullable: true,
      description:
        'Your own UUID for this request. Sent again with the same content (a retry after a lost answer), it returns what the first call created instead of creating again; with other content it is CONFLICT.',
    }),
    IsOptional(),
    IsUUID('all'),
  );
