import { addDays, sortEvents, sortTasks } from '../../shared/agenda';
import { BRIEF_ENTRIES, type ContactBrief } from '../../shared/contracts';
import type { CrmProvider } from '../crm/provider';
import { ApiError } from '../errors';
import { readParts } from './parts';

/** How far ahead a brief looks for the next showing. */
const SHOWINGS_AHEAD_DAYS = 60;

/**
 * Who this is, what was last said, what is due and what is next, read from the CRM in parallel: the
 * contact, its notes and calls, open tasks, upcoming showings and saved listings.
 */
export async function readBrief(crm: CrmProvider, contactId: string, today: string): Promise<ContactBrief> {
  const [contact, { values, unavailable }] = await Promise.all([
    crm.getContact(contactId),
    readParts({
      activity: { part: 'activity', read: crm.activity(contactId, BRIEF_ENTRIES), empty: [] },
      tasks: { part: 'tasks', read: crm.openTasks({ contactId }), empty: [] },
      showings: {
        part: 'showings',
        read: crm.events({ from: today, to: addDays(today, SHOWINGS_AHEAD_DAYS), contactId }),
        empty: [],
      },
      saved: { part: 'saved', read: crm.savedListings(contactId), empty: [] },
    }),
  ]);
  if (!contact) throw new ApiError(404, 'contact_not_found', 'That contact is not in your CRM.');
  return {
    contact,
    activity: values.activity,
    tasks: sortTasks(values.tasks.filter((t) => !t.done)),
    showings: sortEvents(values.showings),
    saved: values.saved,
    unavailable,
    provider: crm.name,
    today,
  };
}
