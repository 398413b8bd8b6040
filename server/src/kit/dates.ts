const englandDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in England (waits are counted in English calendar days, not UTC ones). */
export function todayInEngland(now: Date = new Date()): string {
  return englandDate.format(now);
}
