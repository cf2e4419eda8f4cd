import type { ParsedCommand, Reference } from '../contracts';
import { CONFIDENCE } from './confidence';
import { type ParseOptions, sentence } from './context';
import { addLead, bareContact } from './intents/add_lead';
import { addNote } from './intents/add_note';
import { agenda } from './intents/agenda';
import { comparables } from './intents/comparables';
import { completeTask } from './intents/complete_task';
import { createTask } from './intents/create_task';
import { draftMessage } from './intents/draft_message';
import { findContact } from './intents/find_contact';
import { guard } from './intents/guard';
import { logCall } from './intents/log_call';
import { propertyDetails } from './intents/property_details';
import { saveListing } from './intents/save_listing';
import { scheduleShowing } from './intents/schedule_showing';
import { searchProperties } from './intents/search_properties';
import { decline, type Rule } from './rule';

export type { ParseOptions } from './context';

/**
 * The intents in the order they are tried (after the guard): the most specific sentence
 * shapes ("Maria is interested in this house", "add a note", "log a call", "schedule a showing")
 * before the broad ones ("add …", "find …"), and last a bare name with a phone or email, which is
 * a lead. The day and a task done come first: each is a whole sentence of its own shape, which
 * the broad rules would misread ("task done: order appraisal" as a new task, "show me my day" as
 * a contact search).
 */
const RULES: readonly Rule[] = [
  agenda,
  completeTask,
  saveListing,
  addNote,
  logCall,
  scheduleShowing,
  draftMessage,
  createTask,
  addLead,
  comparables,
  propertyDetails,
  searchProperties,
  findContact,
  bareContact,
];

export type Parsed = { command: ParsedCommand; references: Reference[] };

/**
 * One typed sentence → a ParsedCommand and what its pointing words ("him", "this place") were taken
 * to mean, locally and synchronously. Anything it cannot read with confidence is `unknown`: a
 * confident wrong action is the worst outcome.
 */
export function parse(text: string, options: ParseOptions): Parsed {
  const s = sentence(text, options);
  if (s.text.length < 2 || s.text.length > 1000) return { command: decline(), references: [] };
  const refusal = guard(s);
  if (refusal) return { command: refusal, references: [] };
  // A rule that is unsure does not stop the others: a signature mentioning "Home Lending" is still
  // a lead. A guess below CONFIDENCE.act is never acted on: the closest one is reported as a decline.
  let closest = 0.1;
  for (const rule of RULES) {
    s.references.length = 0;
    const command = rule(s);
    if (!command) continue;
    if (command.confidence >= CONFIDENCE.act) return { command, references: [...s.references] };
    closest = Math.max(closest, command.confidence);
  }
  return { command: decline(closest), references: [] };
}

export const parseCommand = (text: string, options: ParseOptions): ParsedCommand => parse(text, options).command;
