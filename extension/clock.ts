import { wallTimeIn } from '../shared/agenda';

/** The agent's zone: the browser's. */
export const agentZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The agent's wall-clock time (YYYY-MM-DDTHH:mm) and zone: what relative dates resolve against, and
 * what "late" and "today" are measured by.
 */
export function agentNow(at = new Date()): { now: string; tz: string } {
  const tz = agentZone();
  return { now: wallTimeIn(tz, at), tz };
}
