import type { ParsedCommand } from '../contracts';
import { type ParseOptions, sentence } from './context';
import { findContact } from './intents/find-contact';
import { guard } from './intents/guard';
import { addLead } from './intents/lead';
import { draftMessage } from './intents/message';
import { addNote } from './intents/note';
import { comparables, propertyDetails } from './intents/property';
import { searchProperties } from './intents/search';
import { scheduleShowing } from './intents/showing';
import { createTask } from './intents/task';
import { decline, type Rule } from './rule';

export type { ParseOptions } from './context';

/**
 * The intents in the order they are tried: the guard first, then the most specific sentence
 * shapes ("add a note", "schedule a showing") before the broad ones ("add …", "find …").
 */
const RULES: readonly Rule[] = [
  guard,
  addNote,
  scheduleShowing,
  createTask,
  draftMessage,
  addLead,
  comparables,
  propertyDetails,
  searchProperties,
  findContact,
];

/**
 * One typed sentence → a ParsedCommand, locally and synchronously. Anything it cannot read with
 * confidence is `unknown`: a confident wrong action is the worst outcome.
 */
export function parseCommand(text: string, options: ParseOptions): ParsedCommand {
  const s = sentence(text, options);
  if (s.text.length < 2 || s.text.length > 1000) return decline();
  for (const rule of RULES) {
    const command = rule(s);
    // A guess below 0.5 is not acted on: it is reported as a decline, with how close it came.
    if (command) return command.confidence < 0.5 ? decline(command.confidence) : command;
  }
  return decline(0.1);
}
