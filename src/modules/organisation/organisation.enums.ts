import { registerEnumType } from '@nestjs/graphql';

export enum OrganisationKind {
  MUNICIPALITY = 'MUNICIPALITY',
  REGION = 'REGION',
  STATE_AGENCY = 'STATE_AGENCY',
  SUPERVISORY_AGENCY = 'SUPERVISORY_AGENCY',
  INTEREST_ORGANISATION = 'INTEREST_ORGANISATION',
  PRIVATE_PROVIDER = 'PRIVATE_PROVIDER',
  NON_PROFIT_PROVIDER = 'NON_PROFIT_PROVIDER',
  RESEARCH_INSTITUTION = 'RESEARCH_INSTITUTION',
  OTHER = 'OTHER',
}

export enum OperatingForm {
  OWN_MANAGEMENT = 'OWN_MANAGEMENT',
  PRIVATE = 'PRIVATE',
  NON_PROFIT = 'NON_PROFIT',
}

/** Sweden's 21 counties (län), with their official two-digit codes. */
export enum County {
  STOCKHOLM = 'STOCKHOLM',
  UPPSALA = 'UPPSALA',
  SODERMANLAND = 'SODERMANLAND',
  OSTERGOTLAND = 'OSTERGOTLAND',
  JONKOPING = 'JONKOPING',
  KRONOBERG = 'KRONOBERG',
  KALMAR = 'KALMAR',
  GOTLAND = 'GOTLAND',
  BLEKINGE = 'BLEKINGE',
  SKANE = 'SKANE',
  HALLAND = 'HALLAND',
  VASTRA_GOTALAND = 'VASTRA_GOTALAND',
  VARMLAND = 'VARMLAND',
  OREBRO = 'OREBRO',
  VASTMANLAND = 'VASTMANLAND',
  DALARNA = 'DALARNA',
  GAVLEBORG = 'GAVLEBORG',
  VASTERNORRLAND = 'VASTERNORRLAND',
  JAMTLAND = 'JAMTLAND',
  VASTERBOTTEN = 'VASTERBOTTEN',
  NORRBOTTEN = 'NORRBOTTEN',
}

export const COUNTIES: Record<County, { code: string; name: string }> = {
  STOCKHOLM: { code: '01', name: 'Stockholms län' },
  UPPSALA: { code: '03', name: 'Uppsala län' },
  SODERMANLAND: { code: '04', name: 'Södermanlands län' },
  OSTERGOTLAND: { code: '05', name: 'Östergötlands län' },
  JONKOPING: { code: '06', name: 'Jönköpings län' },
  KRONOBERG: { code: '07', name: 'Kronobergs län' },
  KALMAR: { code: '08', name: 'Kalmar län' },
  GOTLAND: { code: '09', name: 'Gotlands län' },
  BLEKINGE: { code: '10', name: 'Blekinge län' },
  SKANE: { code: '12', name: 'Skåne län' },
  HALLAND: { code: '13', name: 'Hallands län' },
  VASTRA_GOTALAND: { code: '14', name: 'Västra Götalands län' },
  VARMLAND: { code: '17', name: 'Värmlands län' },
  OREBRO: { code: '18', name: 'Örebro län' },
  VASTMANLAND: { code: '19', name: 'Västmanlands län' },
  DALARNA: { code: '20', name: 'Dalarnas län' },
  GAVLEBORG: { code: '21', name: 'Gävleborgs län' },
  VASTERNORRLAND: { code: '22', name: 'Västernorrlands län' },
  JAMTLAND: { code: '23', name: 'Jämtlands län' },
  VASTERBOTTEN: { code: '24', name: 'Västerbottens län' },
  NORRBOTTEN: { code: '25', name: 'Norrbottens län' },
};

/** SKR's grouping of municipalities (kommungruppsindelning 2017). */
export enum SkrMunicipalityGroup {
  A1 = 'A1',
  A2 = 'A2',
  B3 = 'B3',
  B4 = 'B4',
  B5 = 'B5',
  C6 = 'C6',
  C7 = 'C7',
  C8 = 'C8',
  C9 = 'C9',
}

const SKR_GROUPS: Record<SkrMunicipalityGroup, string> = {
  A1: 'Storstäder',
  A2: 'Pendlingskommun nära storstad',
  B3: 'Större stad',
  B4: 'Pendlingskommun nära större stad',
  B5: 'Lågpendlingskommun nära större stad',
  C6: 'Mindre stad/tätort',
  C7: 'Pendlingskommun nära mindre stad/tätort',
  C8: 'Landsbygdskommun',
  C9: 'Landsbygdskommun med besöksnäring',
};

registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'What kind of organisation it is; its administrations and units have the same kind.',
  valuesMap: {
    MUNICIPALITY: { description: 'Kommun, or one of its administrations or units.' },
    REGION: { description: 'Region / landsting, or one of its administrations or units.' },
    STATE_AGENCY: { description: 'Statlig myndighet.' },
    SUPERVISORY_AGENCY: { description: 'Tillsynsmyndighet (e.g. IVO, Skolinspektionen).' },
    INTEREST_ORGANISATION: { description: 'Intresseorganisation (e.g. SKL/SKR, a union).' },
    PRIVATE_PROVIDER: { description: 'Privat utförare.' },
    NON_PROFIT_PROVIDER: { description: 'Idéburen utförare.' },
    RESEARCH_INSTITUTION: { description: 'Lärosäte or research institute.' },
    OTHER: { description: 'Anything else.' },
  },
});
registerEnumType(OperatingForm, {
  name: 'OperatingForm',
  description: 'Driftform of a provider.',
  valuesMap: {
    OWN_MANAGEMENT: { description: 'Egen regi (run by the municipality or region itself).' },
    PRIVATE: { description: 'Privat regi.' },
    NON_PROFIT: { description: 'Idéburen regi.' },
  },
});
registerEnumType(County, {
  name: 'County',
  description: 'Län.',
  valuesMap: Object.fromEntries(Object.entries(COUNTIES).map(([k, v]) => [k, { description: `${v.name} (${v.code})` }])),
});
registerEnumType(SkrMunicipalityGroup, {
  name: 'SkrMunicipalityGroup',
  description: "SKR's municipality groups (kommungruppsindelning 2017).",
  valuesMap: Object.fromEntries(Object.entries(SKR_GROUPS).map(([k, v]) => [k, { description: v }])),
});
