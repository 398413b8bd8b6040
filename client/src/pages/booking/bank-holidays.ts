import { api } from '../../lib/api';

/** Bank holiday names by date, read once per year from `GET /api/booking/bank-holidays` (the server's list is the one slots are skipped by). */
const years = new Map<number, Promise<Map<string, string>>>();

function namesFor(year: number): Promise<Map<string, string>> {
  let names = years.get(year);
  if (!names) {
    names = api.booking.bankHolidays(year).then((result) => {
      if (!result.ok) {
        years.delete(year); // try again next time rather than remember a failure
        return new Map<string, string>();
      }
      return new Map(result.data.dates.map((d) => [d.date, d.name]));
    });
    years.set(year, names);
  }
  return names;
}

/** The names of the bank holidays among `dates` (dates that are not one are left out). */
export async function bankHolidayNames(dates: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(dates.map((d) => Number(d.slice(0, 4))))];
  const maps = await Promise.all(wanted.map(namesFor));
  const found = new Map<string, string>();
  for (const date of dates) {
    for (const map of maps) {
      const name = map.get(date);
      if (name) found.set(date, name);
    }
  }
  return found;
}
