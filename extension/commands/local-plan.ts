import { parse } from '../../shared/commands';
import { suggest } from '../../shared/commands/suggest';
import { isWrite, type PlanResponse, type Target } from '../../shared/contracts';
import type { PlanContext } from '../api/client';
import { uncheckedName } from '../api/explain';
import { agentNow } from '../clock';

/**
 * The plan the panel makes itself when the worker cannot be reached: the same local parser the
 * worker runs first, without its CRM lookup. A write still gets its card and waits in the outbox;
 * a contact named on it is matched by name when it is sent.
 */
export function planLocally(text: string, { page, recent, areaCode }: PlanContext, now = new Date()): PlanResponse {
  const options = { ...agentNow(now), page, recent, areaCode };
  const { command, references } = parse(text, options);
  if (command.intent === 'unknown') {
    const { understood, suggestions } = suggest(text, options);
    return {
      command,
      via: 'local',
      needsConfirmation: false,
      message: 'Estait could not tell what to do with that.',
      understood,
      suggestions,
    };
  }
  const { params } = command;
  const contact = 'contact' in params ? params.contact : undefined;
  const target: Target | undefined =
    isWrite(command.intent) && contact && !('contactId' in params && params.contactId)
      ? { query: contact, status: 'unchecked', contacts: [], message: uncheckedName(contact) }
      : undefined;
  return {
    command,
    via: 'local',
    needsConfirmation: isWrite(command.intent),
    ...(references.length && { references }),
    ...(target && { target }),
  };
}
