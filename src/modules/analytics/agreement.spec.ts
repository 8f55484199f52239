import { agreement } from './agreement';

describe('coding agreement', () => {
  it('gives Cohen’s textbook example: 20 both, 5 only A, 10 only B, 15 neither → 70 %, kappa 0.4', () => {
    const r = agreement({ both: 20, onlyA: 5, onlyB: 10, total: 50 });
    expect(r.percent).toBeCloseTo(70, 10);
    expect(r.kappa).toBeCloseTo(0.4, 10);
  });

  it('is complete when both coded the same units, or both coded nothing', () => {
    expect(agreement({ both: 30, onlyA: 0, onlyB: 0, total: 100 })).toEqual({ percent: 100, kappa: 1 });
    expect(agreement({ both: 0, onlyA: 0, onlyB: 0, total: 100 })).toEqual({ percent: 100, kappa: 1 });
    expect(agreement({ both: 100, onlyA: 0, onlyB: 0, total: 100 })).toEqual({ percent: 100, kappa: 1 });
  });

  it('is 0 when one coder coded a passage the other did not and nothing else was coded', () => {
    // A coded 10 of 100 code points, B none: 90 % agreement, but no better than chance.
    const r = agreement({ both: 0, onlyA: 10, onlyB: 0, total: 100 });
    expect(r.percent).toBeCloseTo(90, 10);
    expect(r.kappa).toBeCloseTo(0, 10);
  });

  it('is negative when the coders coded disjoint halves', () => {
    expect(agreement({ both: 0, onlyA: 50, onlyB: 50, total: 100 })).toEqual({ percent: 0, kappa: -1 });
  });
});
