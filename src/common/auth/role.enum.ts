import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  ADMIN = 'ADMIN',
  RESEARCHER = 'RESEARCHER',
  ANALYST = 'ANALYST',
  ORG_REPORTER = 'ORG_REPORTER',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do; what they may see is then scoped by organisation and pilot.',
  valuesMap: {
    ADMIN: { description: 'Manages users, organisations and pilots; sees everything.' },
    RESEARCHER: { description: 'Follows pilots and logs observations for the pilots they follow.' },
    ANALYST: { description: 'Reads all pilot data, but no user e-mail addresses.' },
    ORG_REPORTER: { description: 'Reports for one organisation (and its units) and the pilots it takes part in.' },
  },
});
