import { bucketCount, periodProblem } from './periods';

describe('analytics periods', () => {
  it('counts calendar buckets, clipped ones included', () => {
    expect(bucketCount('2017-01-01', '2017-12-31', 'MONTH')).toBe(12);
    expect(bucketCount('2017-11-15', '2018-02-01', 'QUARTER')).toBe(2);
    expect(bucketCount('2017-03-31', '2017-04-01', 'QUARTER')).toBe(2);
    expect(bucketCount('2016-06-17', '2018-12-31', 'YEAR')).toBe(3);
  });

  it('refuses periods outside 1900–2100, reversed, longer than 30 years or of more than 120 buckets', () => {
    expect(periodProblem('1000-01-01', '9999-12-31', 'MONTH')).toMatch(/between 1900-01-01 and 2100-12-31/);
    expect(periodProblem('2018-01-01', '2017-01-01', 'MONTH')).toBe('to must not be before from');
    expect(periodProblem('1950-01-01', '1990-01-01', 'YEAR')).toMatch(/at most 30 years/);
    expect(periodProblem('2000-01-01', '2012-12-31', 'MONTH')).toBe('at most 120 buckets, not 156: use a larger bucket or a shorter period');
    expect(periodProblem('2000-01-01', '2012-12-31', 'QUARTER')).toBeUndefined();
    expect(periodProblem('2016-01-01', '2018-12-31', undefined)).toBeUndefined();
  });
});
