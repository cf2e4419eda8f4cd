/** "2026-03-11T15:00" in America/Chicago → "2026-03-11T15:00:00-05:00", for CRMs that want an instant. */
export function zonedIso(local: string, tz: string): string {
  const [date, time = '00:00'] = local.split('T');
  const offset =
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
      .formatToParts(new Date(`${date}T${time}:00Z`))
      .find((p) => p.type === 'timeZoneName')
      ?.value.replace('GMT', '') || '+00:00';
  return `${date}T${time}:00${offset === '' ? '+00:00' : offset}`;
}
