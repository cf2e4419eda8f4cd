import { SETTINGS_KEYS } from '../settings';
import { signOutIfMoved } from './session';

/** A new worker address signs out of the old worker: the session was issued there and goes nowhere else. */
export function onSettingsChanged(changes: Record<string, unknown>, area: string): void {
  if (area === 'local' && SETTINGS_KEYS.workerUrl in changes) void signOutIfMoved();
}
