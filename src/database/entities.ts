import { AuditEntryEntity } from '../modules/audit/audit.entity';
import { OrganisationEntity } from '../modules/organisation/organisation.entity';
import { PilotParticipantEntity } from '../modules/pilot/pilot-participant.entity';
import { PilotResearcherEntity } from '../modules/pilot/pilot-researcher.entity';
import { PilotEntity } from '../modules/pilot/pilot.entity';
import { UserEntity } from '../modules/user/user.entity';

/** Every entity, for the one DataSource (app, CLI, tests, migration generation). */
export const ENTITIES = [AuditEntryEntity, OrganisationEntity, UserEntity, PilotEntity, PilotParticipantEntity, PilotResearcherEntity];
