import { DomainError } from '../../common/errors/domain-error';
import { County, OperatingForm, OrganisationKind } from './organisation.enums';
import { applyOrganisationRules } from './organisation.rules';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.fields[0]?.field;
    throw e;
  }
  return undefined;
};

describe('organisation rules', () => {
  it('derives the county from a kommunkod or länskod', () => {
    expect(applyOrganisationRules({ kind: OrganisationKind.MUNICIPALITY, officialCode: '1383' }).county).toBe(County.HALLAND);
    expect(applyOrganisationRules({ kind: OrganisationKind.MUNICIPALITY, officialCode: '0180' }).county).toBe(County.STOCKHOLM);
    expect(applyOrganisationRules({ kind: OrganisationKind.REGION, officialCode: '25' }).county).toBe(County.NORRBOTTEN);
  });

  it('rejects a county that contradicts the code, and codes of no county', () => {
    expect(fieldOf(() => applyOrganisationRules({ kind: OrganisationKind.MUNICIPALITY, officialCode: '1383', county: County.SKANE }))).toBe('input.county');
    expect(fieldOf(() => applyOrganisationRules({ kind: OrganisationKind.MUNICIPALITY, officialCode: '0299' }))).toBe('input.officialCode');
    expect(fieldOf(() => applyOrganisationRules({ kind: OrganisationKind.REGION, officialCode: '11' }))).toBe('input.officialCode');
  });

  it('accepts an organisation number for any kind, and only that for kinds without official codes', () => {
    expect(applyOrganisationRules({ kind: OrganisationKind.PRIVATE_PROVIDER, officialCode: '556677-8899' }).county).toBeUndefined();
    expect(applyOrganisationRules({ kind: OrganisationKind.MUNICIPALITY, officialCode: '212000-1355' }).officialCode).toBe('212000-1355');
    expect(fieldOf(() => applyOrganisationRules({ kind: OrganisationKind.STATE_AGENCY, officialCode: '1383' }))).toBe('input.officialCode');
  });

  it('ties the operating form and the SKR group to the kind', () => {
    expect(fieldOf(() => applyOrganisationRules({ kind: OrganisationKind.PRIVATE_PROVIDER, operatingForm: OperatingForm.NON_PROFIT }))).toBe(
      'input.operatingForm',
    );
    expect(fieldOf(() => applyOrganisationRules({ kind: OrganisationKind.STATE_AGENCY, operatingForm: OperatingForm.OWN_MANAGEMENT }))).toBe(
      'input.operatingForm',
    );
    expect(fieldOf(() => applyOrganisationRules({ kind: OrganisationKind.REGION, skrGroup: 'A1' }))).toBe('input.skrGroup');
    expect(applyOrganisationRules({ kind: OrganisationKind.MUNICIPALITY, skrGroup: 'C8', operatingForm: OperatingForm.OWN_MANAGEMENT })).toBeTruthy();
  });
});
