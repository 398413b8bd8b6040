/**
 * England and Wales bank holidays. Pure: no I/O, no clock.
 *
 * GOV.UK publishes the list (https://www.gov.uk/bank-holidays.json, `england-and-wales`) a couple of
 * years ahead, one-off holidays included (jubilees, a coronation, a state funeral, a moved May day).
 * For those years its list is the truth and is kept here as published; every other year follows the
 * standing rules, with Easter computed: New Year's Day, Good Friday, Easter Monday, the first and the
 * last Monday of May, the last Monday of August, Christmas Day and Boxing Day, where one falling on a
 * weekend moves to the next weekday that is not already a bank holiday.
 */

export interface BankHoliday {
  date: string;
  name: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay(). */
const dayOfWeek = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();

function addDays(y: number, m: number, d: number, n: number): [number, number, number] {
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

/** Easter Sunday of the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The first Monday of a month. */
function firstMonday(y: number, m: number): string {
  const offset = (8 - dayOfWeek(y, m, 1)) % 7;
  return iso(y, m, 1 + offset);
}

/** The last Monday of a month. */
function lastMonday(y: number, m: number): string {
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const offset = (dayOfWeek(y, m, last) + 6) % 7;
  return iso(y, m, last - offset);
}

/** The bank holidays of a year by the standing rules alone, in date order. */
export function standingRuleHolidays(year: number): BankHoliday[] {
  const [ey, em, ed] = easterSunday(year).split('-').map(Number) as [number, number, number];
  const out: BankHoliday[] = [
    { date: iso(...addDays(ey, em, ed, -2)), name: 'Good Friday' },
    { date: iso(...addDays(ey, em, ed, 1)), name: 'Easter Monday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8), name: 'Summer bank holiday' },
  ];
  const fixed: [number, number, string][] = [
    [1, 1, 'New Year’s Day'],
    [12, 25, 'Christmas Day'],
    [12, 26, 'Boxing Day'],
  ];
  const weekend = (y: number, m: number, d: number) => dayOfWeek(y, m, d) % 6 === 0;
  // Fixed dates on a weekday stay put first, so a substitute never lands on one (Christmas on a
  // Sunday moves past a Monday Boxing Day to the Tuesday, as in 2016 and 2022).
  for (const [m, d, name] of fixed) if (!weekend(year, m, d)) out.push({ date: iso(year, m, d), name });
  const taken = new Set(out.map((h) => h.date));
  for (const [m, d, name] of fixed) {
    if (!weekend(year, m, d)) continue;
    let [y2, m2, d2] = [year, m, d];
    do [y2, m2, d2] = addDays(y2, m2, d2, 1);
    while (weekend(y2, m2, d2) || taken.has(iso(y2, m2, d2)));
    taken.add(iso(y2, m2, d2));
    out.push({ date: iso(y2, m2, d2), name: `${name} (substitute day)` });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * GOV.UK's published england-and-wales list, 2012–2028 (as published in February 2026), where it
 * differs from the standing rules: the one-offs. Every other published year is exactly the standing
 * rules, which the unit tests check date by date against the published list.
 */
const PUBLISHED_ONE_OFF_YEARS: Readonly<Record<number, readonly BankHoliday[]>> = {
  2012: [
    { date: '2012-01-02', name: 'New Year’s Day (substitute day)' },
    { date: '2012-04-06', name: 'Good Friday' },
    { date: '2012-04-09', name: 'Easter Monday' },
    { date: '2012-05-07', name: 'Early May bank holiday' },
    // The spring bank holiday moved from 28 May for the Queen's Diamond Jubilee.
    { date: '2012-06-04', name: 'Spring bank holiday (substitute day)' },
    { date: '2012-06-05', name: 'Queen’s Diamond Jubilee' },
    { date: '2012-08-27', name: 'Summer bank holiday' },
    { date: '2012-12-25', name: 'Christmas Day' },
    { date: '2012-12-26', name: 'Boxing Day' },
  ],
  2020: [
    { date: '2020-01-01', name: 'New Year’s Day' },
    { date: '2020-04-10', name: 'Good Friday' },
    { date: '2020-04-13', name: 'Easter Monday' },
    // Moved from Monday 4 May to the 75th anniversary of VE day.
    { date: '2020-05-08', name: 'Early May bank holiday (VE day)' },
    { date: '2020-05-25', name: 'Spring bank holiday' },
    { date: '2020-08-31', name: 'Summer bank holiday' },
    { date: '2020-12-25', name: 'Christmas Day' },
    { date: '2020-12-28', name: 'Boxing Day (substitute day)' },
  ],
  2022: [
    { date: '2022-01-03', name: 'New Year’s Day (substitute day)' },
    { date: '2022-04-15', name: 'Good Friday' },
    { date: '2022-04-18', name: 'Easter Monday' },
    { date: '2022-05-02', name: 'Early May bank holiday' },
    // Moved from Monday 30 May for the Platinum Jubilee weekend.
    { date: '2022-06-02', name: 'Spring bank holiday' },
    { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
    { date: '2022-08-29', name: 'Summer bank holiday' },
    { date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
    { date: '2022-12-26', name: 'Boxing Day' },
    { date: '2022-12-27', name: 'Christmas Day (substitute day)' },
  ],
  2023: [
    { date: '2023-01-02', name: 'New Year’s Day (substitute day)' },
    { date: '2023-04-07', name: 'Good Friday' },
    { date: '2023-04-10', name: 'Easter Monday' },
    { date: '2023-05-01', name: 'Early May bank holiday' },
    { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' },
    { date: '2023-05-29', name: 'Spring bank holiday' },
    { date: '2023-08-28', name: 'Summer bank holiday' },
    { date: '2023-12-25', name: 'Christmas Day' },
    { date: '2023-12-26', name: 'Boxing Day' },
  ],
};

/** The years GOV.UK's list covers: inside them its list is authoritative. */
export const PUBLISHED_YEARS = { first: 2012, last: 2028 } as const;

/** England and Wales bank holidays of `year`, in date order. */
export function bankHolidays(year: number): BankHoliday[] {
  const oneOffs = PUBLISHED_ONE_OFF_YEARS[year];
  return oneOffs ? oneOffs.map((h) => ({ ...h })) : standingRuleHolidays(year);
}

/** Looks holidays up by date across years, computing each year once. */
export function bankHolidayLookup(): (date: string) => string | null {
  const byYear = new Map<number, Map<string, string>>();
  return (date) => {
    const year = Number(date.slice(0, 4));
    let days = byYear.get(year);
    if (!days) {
      days = new Map(bankHolidays(year).map((h) => [h.date, h.name]));
      byYear.set(year, days);
    }
    return days.get(date) ?? null;
  };
}
