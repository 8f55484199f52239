import { COUNTIES, County, OperatingForm, OrganisationKind } from './organisation.enums';
import { OrganisationErrors } from './organisation.errors';

export interface OrganisationFields {
  kind: OrganisationKind;
  officialCode?: string | null;
  county?: County | null;
  operatingForm?: OperatingForm | null;
  skrGroup?: string | null;
}

const ORG_NUMBER = /^\d{6}-\d{4}$/;
const CODE_RULES: Partial<Record<OrganisationKind, { re: RegExp; text: string }>> = {
  MUNICIPALITY: { re: /^(\d{4}|\d{6}-\d{4})$/, text: 'a 4-digit kommunkod or an organisation number NNNNNN-NNNN' },
  REGION: { re: /^(\d{2}|\d{6}-\d{4})$/, text: 'a 2-digit länskod or an organisation number NNNNNN-NNNN' },
};
const OPERATING_FORMS: Partial<Record<OrganisationKind, OperatingForm>> = {
  MUNICIPALITY: OperatingForm.OWN_MANAGEMENT,
  REGION: OperatingForm.OWN_MANAGEMENT,
  PRIVATE_PROVIDER: OperatingForm.PRIVATE,
  NON_PROFIT_PROVIDER: OperatingForm.NON_PROFIT,
};

const countyByCode = new Map(Object.entries(COUNTIES).map(([k, v]) => [v.code, k as County]));

/**
 * Checks the fields that depend on the kind and returns them with the county filled in from a
 * kommunkod or länskod when it was left out. Throws BAD_USER_INPUT naming the field.
 */
export function applyOrganisationRules<T extends OrganisationFields>(o: T): T & Pick<OrganisationFields, 'county'> {
  const result: T & Pick<OrganisationFields, 'county'> = { ...o };
  if (o.officialCode) {
    const rule = CODE_RULES[o.kind] ?? { re: ORG_NUMBER, text: 'an organisation number NNNNNN-NNNN' };
    if (!rule.re.test(o.officialCode)) throw OrganisationErrors.officialCode(rule.text);
    if (!ORG_NUMBER.test(o.officialCode)) {
      const codeCounty = countyByCode.get(o.officialCode.slice(0, 2));
      if (!codeCounty) throw OrganisationErrors.officialCode(`${rule.text} (no county has code ${o.officialCode.slice(0, 2)})`);
      if (o.county && o.county !== codeCounty) throw OrganisationErrors.countyMismatch(COUNTIES[codeCounty].name);
      result.county = codeCounty;
    }
  }
  if (o.skrGroup && o.kind !== OrganisationKind.MUNICIPALITY) throw OrganisationErrors.skrGroupOnlyMunicipality();
  if (o.operatingForm) {
    const allowed = OPERATING_FORMS[o.kind];
    if (allowed !== o.operatingForm) throw OrganisationErrors.operatingForm(allowed ?? 'left empty');
  }
  return result;
}
