import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankHolidayLookup, bankHolidays, easterSunday, PUBLISHED_YEARS, standingRuleHolidays } from '../../../server/src/domains/booking/bank-holidays.js';

const RUNS = { numRuns: 300, seed: 20261203 } as const;

/** GOV.UK's england-and-wales list (https://www.gov.uk/bank-holidays.json), typed in from the published page. */
const GOV_UK: Record<number, string[]> = {
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};

/** The one-offs GOV.UK published in earlier years, and the standing-rule day each replaced (if any). */
const ONE_OFFS: { year: number; added: string[]; removed: string[] }[] = [
  // Diamond Jubilee: the spring bank holiday moved to Monday 4 June, and Tuesday 5 June added.
  { year: 2012, added: ['2012-06-04', '2012-06-05'], removed: ['2012-05-28'] },
  // VE day: the early May bank holiday moved from Monday 4 May to Friday 8 May.
  { year: 2020, added: ['2020-05-08'], removed: ['2020-05-04'] },
  // Platinum Jubilee (spring bank holiday moved to Thursday 2 June, Friday 3 June added); the Queen's state funeral.
  { year: 2022, added: ['2022-06-02', '2022-06-03', '2022-09-19'], removed: ['2022-05-30'] },
  // The coronation of King Charles III.
  { year: 2023, added: ['2023-05-08'], removed: [] },
];

const dates = (year: number) => bankHolidays(year).map((h) => h.date);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('England and Wales bank holidays', () => {
  it.each(Object.entries(GOV_UK))('%s: exactly GOV.UK’s published list', (year, published) => {
    expect(dates(Number(year))).toEqual(published);
    // No one-off in these years: the standing rules alone give the same list.
    expect(standingRuleHolidays(Number(year)).map((h) => h.date)).toEqual(published);
  });

  it('names the days, substitutes included (2026: Boxing Day on a Saturday moves to Monday 28 December)', () => {
    expect(bankHolidays(2026).map((h) => h.name)).toEqual([
      'New Year’s Day',
      'Good Friday',
      'Easter Monday',
      'Early May bank holiday',
      'Spring bank holiday',
      'Summer bank holiday',
      'Christmas Day',
      'Boxing Day (substitute day)',
    ]);
    // 2027: Christmas on a Saturday and Boxing Day on a Sunday move to Monday and Tuesday.
    expect(bankHolidays(2027).slice(-2)).toEqual([
      { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
      { date: '2027-12-28', name: 'Boxing Day (substitute day)' },
    ]);
  });

  it.each(ONE_OFFS)('$year: the published one-offs, and only they, differ from the standing rules', ({ year, added, removed }) => {
    const published = dates(year);
    const standing = standingRuleHolidays(year).map((h) => h.date);
    expect(published.filter((d) => !standing.includes(d))).toEqual(added);
    expect(standing.filter((d) => !published.includes(d))).toEqual(removed);
  });

  it('past one-offs are found by date: 8 May 2023 and 19 September 2022', () => {
    const lookup = bankHolidayLookup();
    expect(lookup('2023-05-08')).toBe('Bank holiday for the coronation of King Charles III');
    expect(lookup('2022-09-19')).toBe('Bank Holiday for the State Funeral of Queen Elizabeth II');
    expect(lookup('2022-05-30')).toBeNull();
    expect(lookup('2026-12-28')).toBe('Boxing Day (substitute day)');
    expect(lookup('2026-12-29')).toBeNull();
  });

  it('Christmas on a Sunday moves past a Monday Boxing Day to the Tuesday (2016, 2022, 2033)', () => {
    for (const year of [2016, 2022, 2033]) {
      const dec = bankHolidays(year).filter((h) => h.date.startsWith(`${year}-12`));
      expect(dec).toEqual([
        { date: `${year}-12-26`, name: 'Boxing Day' },
        { date: `${year}-12-27`, name: 'Christmas Day (substitute day)' },
      ]);
    }
  });

  it('Easter Sunday, computed, against known dates', () => {
    const known: Record<number, string> = {
      1961: '1961-04-02',
      2000: '2000-04-23',
      2008: '2008-03-23',
      2011: '2011-04-24',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
      2049: '2049-04-18',
      2285: '2285-03-22',
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year)), year).toBe(date);
  });

  it('standing rules, any year: eight days, all weekdays, in order, with Good Friday and Easter Monday around a Sunday from 22 March to 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), (year) => {
        const days = standingRuleHolidays(year);
        expect(days).toHaveLength(8);
        expect(new Set(days.map((d) => d.date)).size).toBe(8);
        expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
        for (const d of days) {
          expect([0, 6]).not.toContain(weekday(d.date));
          // A substitute for 26 or 31 December can only run into the same year's last days.
          expect(d.date.startsWith(`${year}-`)).toBe(true);
        }
        const easter = easterSunday(year);
        expect(weekday(easter)).toBe(0);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
        const byName = Object.fromEntries(days.map((d) => [d.name.replace(' (substitute day)', ''), d.date]));
        expect(weekday(byName['Good Friday']!)).toBe(5);
        for (const monday of ['Easter Monday', 'Early May bank holiday', 'Spring bank holiday', 'Summer bank holiday']) expect(weekday(byName[monday]!)).toBe(1);
        expect(Number(byName['Early May bank holiday']!.slice(8))).toBeLessThanOrEqual(7);
        expect(Number(byName['Spring bank holiday']!.slice(8))).toBeGreaterThan(24);
        expect(Number(byName['Summer bank holiday']!.slice(8))).toBeGreaterThan(24);
      }),
      RUNS,
    );
  });

  it('a fixed day on a weekend gives the next free weekday as its substitute', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), (year) => {
        const days = standingRuleHolidays(year);
        for (const [md, name] of [['01-01', 'New Year’s Day'], ['12-25', 'Christmas Day'], ['12-26', 'Boxing Day']] as const) {
          const actual = `${year}-${md}`;
          const onWeekend = [0, 6].includes(weekday(actual));
          const found = days.find((d) => d.name.startsWith(name))!;
          if (!onWeekend) expect(found).toEqual({ date: actual, name });
          else {
            expect(found.name).toBe(`${name} (substitute day)`);
            expect(found.date > actual).toBe(true);
            // Within three days: at most a weekend and the other substitute lie between.
            expect(Date.parse(found.date) - Date.parse(actual)).toBeLessThanOrEqual(3 * 86_400_000);
          }
        }
      }),
      RUNS,
    );
  });

  it('beyond the published years the standing rules apply; inside them, the published list', () => {
    expect(bankHolidays(PUBLISHED_YEARS.last + 1)).toEqual(standingRuleHolidays(PUBLISHED_YEARS.last + 1));
    expect(bankHolidays(2040).map((h) => h.date)).toEqual(['2040-01-02', '2040-03-30', '2040-04-02', '2040-05-07', '2040-05-28', '2040-08-27', '2040-12-25', '2040-12-26']);
  });
});
