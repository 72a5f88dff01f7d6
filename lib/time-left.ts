// "in 2 days", "dans 5 heures": how long until a deadline, in the reader's language, to the unit
// that matters at that distance (days beyond two days, hours beyond two hours, else minutes),
// rounded to the nearest.
export function timeLeft(deadline: Date, now: Date, locale: string): string {
  const minutes = Math.max(0, Math.round((deadline.getTime() - now.getTime()) / 60_000));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "always" });
  if (minutes >= 48 * 60) return format.format(Math.round(minutes / (24 * 60)), "day");
  if (minutes >= 120) return format.format(Math.round(minutes / 60), "hour");
  return format.format(minutes, "minute");
}
