import { CodeDimension } from '../analytics/dto/codes.input';
import { FrameworkCodes } from '../observation/framework-codes';
import { toCodes } from '../observation/framework-codes';
import { sameCodes, withCodes } from './apply-codes';

const current = (): FrameworkCodes =>
  toCodes({
    forms: ['NORM'],
    relations: [],
    trustworthiness: [],
    methods: [{ method: 'LESS_DETAIL_STEERING', polarity: 'DISCUSSED_WITHOUT_CHANGE' }],
    phase: 'PROACTIVE',
  } as never);

describe('codes after an import', () => {
  it('adds what is new and keeps what was there', () => {
    const next = withCodes(current(), [
      { dimension: CodeDimension.FORM, code: 'REGEL' },
      { dimension: CodeDimension.FORM, code: 'NORM' },
      { dimension: CodeDimension.OWN_CODE, code: '7f0fa382-05fe-4c93-b0f7-182a4c2eb7b1' },
    ]);
    expect(next.forms).toEqual(['NORM', 'REGEL']);
    expect(next.ownCodeIds).toEqual(['7f0fa382-05fe-4c93-b0f7-182a4c2eb7b1']);
    expect(next.phase).toBe('PROACTIVE');
  });

  it('replaces a single value: the phase, a method’s polarity, an effect variable’s direction', () => {
    const next = withCodes(current(), [
      { dimension: CodeDimension.PHASE, code: 'REACTIVE' },
      { dimension: CodeDimension.METHOD, code: 'LESS_DETAIL_STEERING:WEAKENED_OR_REVERSED' },
      { dimension: CodeDimension.EFFECT_VARIABLE, code: 'STAFF_DISCRETION:WEAKENS' },
    ]);
    expect(next.phase).toBe('REACTIVE');
    expect(next.methods).toEqual([{ method: 'LESS_DETAIL_STEERING', polarity: 'WEAKENED_OR_REVERSED' }]);
    expect(next.effectVariables).toEqual([{ variable: 'STAFF_DISCRETION', direction: 'WEAKENS' }]);
  });

  it('tells a coding that changed from one that did not, whatever the order', () => {
    const c = current();
    expect(sameCodes(c, withCodes(c, [{ dimension: CodeDimension.FORM, code: 'NORM' }]))).toBe(true);
    expect(sameCodes(c, withCodes(c, [{ dimension: CodeDimension.FORM, code: 'EKONOMI' }]))).toBe(false);
    const two = withCodes(c, [{ dimension: CodeDimension.FORM, code: 'EKONOMI' }]);
    expect(sameCodes(two, { ...two, forms: [...two.forms].reverse() })).toBe(true);
  });
});
