import { registerEnumType } from '@nestjs/graphql';

export enum PilotSector {
  HEALTH_CARE = 'HEALTH_CARE',
  SOCIAL_CARE = 'SOCIAL_CARE',
  SCHOOL = 'SCHOOL',
  SUPERVISION = 'SUPERVISION',
  OTHER = 'OTHER',
}

/** The themes the pilots were built around (SOU 2017:56 §1.4). */
export enum PilotTheme {
  LEADERSHIP = 'LEADERSHIP',
  SUPERVISION = 'SUPERVISION',
  FOLLOW_UP = 'FOLLOW_UP',
  INNOVATION = 'INNOVATION',
  COOPERATION = 'COOPERATION',
  COMPENSATION_MODELS = 'COMPENSATION_MODELS',
}

export enum PilotStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  DISCONTINUED = 'DISCONTINUED',
}

/** Where in the steering chain, from the state to the staff who meet the citizen. */
export enum SteeringLevel {
  STATE = 'STATE',
  POLITICAL_PRINCIPAL = 'POLITICAL_PRINCIPAL',
  COMMISSIONER = 'COMMISSIONER',
  ADMINISTRATION_MANAGEMENT = 'ADMINISTRATION_MANAGEMENT',
  UNIT_MANAGEMENT = 'UNIT_MANAGEMENT',
  FRONT_LINE = 'FRONT_LINE',
}

export enum ParticipantRole {
  LEAD = 'LEAD',
  PARTICIPANT = 'PARTICIPANT',
  SUPERVISORY = 'SUPERVISORY',
  SUPPORT = 'SUPPORT',
}

registerEnumType(PilotSector, {
  name: 'PilotSector',
  description: 'The welfare sector a pilot works in.',
  valuesMap: {
    HEALTH_CARE: { description: 'Hälso- och sjukvård.' },
    SOCIAL_CARE: { description: 'Socialtjänst och omsorg.' },
    SCHOOL: { description: 'Skola.' },
    SUPERVISION: { description: 'Tillsyn.' },
    OTHER: { description: 'Annat.' },
  },
});
registerEnumType(PilotTheme, {
  name: 'PilotTheme',
  description: 'Themes of the pilots (SOU 2017:56 §1.4).',
  valuesMap: {
    LEADERSHIP: { description: 'Ledarskap.' },
    SUPERVISION: { description: 'Tillsyn.' },
    FOLLOW_UP: { description: 'Uppföljning.' },
    INNOVATION: { description: 'Innovation.' },
    COOPERATION: { description: 'Samverkan.' },
    COMPENSATION_MODELS: { description: 'Ersättningsmodeller.' },
  },
});
registerEnumType(PilotStatus, {
  name: 'PilotStatus',
  description: 'Where a pilot stands.',
  valuesMap: {
    PLANNED: { description: 'Planned, not started.' },
    ACTIVE: { description: 'Running.' },
    COMPLETED: { description: 'Finished as planned.' },
    DISCONTINUED: { description: 'Stopped early.' },
  },
});
registerEnumType(SteeringLevel, {
  name: 'SteeringLevel',
  description: 'Level in the steering chain (styrkedjan).',
  valuesMap: {
    STATE: { description: 'Staten.' },
    POLITICAL_PRINCIPAL: { description: 'Politisk huvudman.' },
    COMMISSIONER: { description: 'Beställare / uppdragsgivare.' },
    ADMINISTRATION_MANAGEMENT: { description: 'Förvaltningsledning.' },
    UNIT_MANAGEMENT: { description: 'Enhetsledning (första linjens chef).' },
    FRONT_LINE: { description: 'Medarbetare som möter brukaren.' },
  },
});
registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: 'An organisation’s part in a pilot.',
  valuesMap: {
    LEAD: { description: 'Leads the pilot.' },
    PARTICIPANT: { description: 'Takes part.' },
    SUPERVISORY: { description: 'Supervises (e.g. an inspectorate in a supervision pilot).' },
    SUPPORT: { description: 'Supports it (e.g. SKR, a research body).' },
  },
});
