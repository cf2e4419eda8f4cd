/**
 * The Wise Agent fake's API, after its API page (wiseagent.com/docs/api.asp): one endpoint,
 * /http/webconnect.asp, the call chosen by requestType, Bearer token, form-encoded POSTs: getUser;
 * getContacts (email, phone digits, nameQuery — only the first applies; page, page_size);
 * getSingleContact (clientID); webcontact (CFirst, CLast, Source required; an existing email gives
 * NewContact:false); addContactNote (note, subject, clientids); getContactNotes (ClientID, subject,
 * page, page_size; each note with its Subject, Note and NoteDate, which is how a listing saved to a
 * contact is kept); addClientCustom (ClientID, Key unique per contact, Value; CustomData comes back as
 * JSON in a string); tasks POST (Description, TaskNote, TaskDue MM/DD/YYYY, ContactID), GET ({Page,
 * TotalCount, Data}) and PUT (TaskID, Completed yes/no…); addPlannerEvent (eventName, eventStartDate
 * yyyy-mm-dd, eventStartTime hh:mm 12-hour, eventAMPM…); getCalendar (startDate, endDate "MM/DD/YYYY
 * HH:mm" or "YYYY-MM-DD HH:mm", Arizona time); getContacts also filters by DateUpdatedUTC ("updated
 * since", UTC). Rows and times: see wiseagent-day.ts. Categories and some answers come back as JSON
 * inside a string, as the page shows them. A missing scope → 403.
 */
import type { ServerResponse } from 'node:http';
import { type Recorded, sendJson } from './http';
import { arizona, type Held, NEVER, type Task, updateTask, utc } from './wiseagent-day';
import { form, type WiseAgentOAuth } from './wiseagent-oauth';

export const WISEAGENT_USER = { First: 'Dana', Last: 'Whitfield', Email: 'dana@whitfieldhomes.test' };

const FIELDS = [
  'CEmail',
  'CFirst',
  'CLast',
  'Categories',
  'ClientID',
  'Company',
  'Completed',
  'ContactID',
  'ContactStatus',
  'DateUpdatedUTC',
  'Description',
  'EstimatedTime',
  'HomePhone',
  'InsideTeamId',
  'Key',
  'MobilePhone',
  'Priority',
  'Rank',
  'Source',
  'TaskDue',
  'TaskID',
  'TaskNote',
  'Value',
  'WorkPhone',
  'clientID',
  'clientids',
  'email',
  'endDate',
  'eventAMPM',
  'eventEndAMPM',
  'eventEndDate',
  'eventEndTime',
  'eventName',
  'eventStartDate',
  'eventStartTime',
  'nameQuery',
  'note',
  'page',
  'page_size',
  'phone',
  'requestType',
  'startDate',
  'subject',
] as const;

const digits = (s: string) => s.replace(/\D/g, '').slice(-10);
/** "2026-03-12", "10:30", "AM" → "3/12/2026 10:30:00 AM", the calendar's own way of writing it. */
const calendarDate = (date: string, time = '12:00', ampm = 'AM') => {
  const [y, m, d] = date.split('-').map(Number);
  return `${m}/${d}/${y} ${time}:00 ${ampm}`;
};
/** "3/12/2026 10:30:00 AM", "03/12/2026 22:30" or "2026-03-12 22:30" → minutes since the epoch, for range checks. */
const minutes = (value: string) => {
  const us = /^(\d+)\/(\d+)\/(\d{4}) (\d+):(\d+)(?::\d+)?(?: (AM|PM))?$/.exec(value);
  if (us) {
    const hour = us[6] ? (Number(us[4]) % 12) + (us[6] === 'PM' ? 12 : 0) : Number(us[4]);
    return Date.UTC(Number(us[3]), Number(us[1]) - 1, Number(us[2]), hour, Number(us[5])) / 60_000;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(value);
  if (iso) return Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]), Number(iso[4] ?? 0), Number(iso[5] ?? 0)) / 60_000;
  return Number.NaN;
};

/** The calls on /http/webconnect.asp over the agent's rows, for the tokens `oauth` issued. */
export function wiseAgentApi({ contacts, notes, tasks, events }: Held, oauth: WiseAgentOAuth, nextId: () => number) {
  const SCOPES: Record<string, string> = {
    getUser: 'profile',
    getContacts: 'contacts',
    getSingleContact: 'contacts',
    webcontact: 'contacts',
    addContactNote: 'contacts',
    getContactNotes: 'contacts',
    addClientCustom: 'contacts',
    tasks: 'team',
    addPlannerEvent: 'calendar',
    getCalendar: 'calendar',
  };
  const page = <T>(rows: T[], q: Record<string, string>) => {
    const size = Number(q.page_size || 100);
    const from = (Math.max(1, Number(q.page || 1)) - 1) * size;
    return rows.slice(from, from + size);
  };
  const quoted = (value: unknown) => JSON.stringify(value);

  return (req: Recorded, res: ServerResponse) => {
    const token = oauth.bearer(req);
    if (!token || token.revoked)
      return sendJson(res, 401, { error: 'invalid_grant', error_description: 'The access token is invalid' });
    if (token.expires < Date.now())
      return sendJson(res, 401, { error: 'invalid_grant', error_description: 'The token has expired' });
    // Absent fields read as '', as Wise Agent's ASP page reads them.
    const given: Record<string, string> = req.method === 'GET' ? req.query : { ...req.query, ...form(req) };
    const p = Object.fromEntries(FIELDS.map((f) => [f, given[f] ?? ''])) as Record<(typeof FIELDS)[number], string>;
    const type = p.requestType;
    const scope = SCOPES[type];
    if (!scope) return sendJson(res, 400, { error: `Unknown requestType ${type}` });
    if (!token.scope.includes(scope)) return sendJson(res, 403, { error: `The '${scope}' scope was not granted` });

    if (type === 'getUser' && req.method === 'GET') return sendJson(res, 200, quoted([WISEAGENT_USER]));
    if (type === 'getContacts' && req.method === 'GET') {
      const found = p.email
        ? contacts.filter((c) => c.CEmail.toLowerCase() === p.email.toLowerCase())
        : p.phone
          ? contacts.filter((c) => [c.MobilePhone, c.HomePhone, c.WorkPhone].some((x) => x && digits(x) === digits(p.phone)))
          : p.nameQuery
            ? contacts.filter((c) =>
                [c.CFirst, c.CLast, c.Company, `${c.CFirst} ${c.CLast}`].some((x) =>
                  x.toLowerCase().includes(p.nameQuery.toLowerCase()),
                ),
              )
            : p.DateUpdatedUTC
              ? contacts.filter((c) => c.DateUpdatedUTC.slice(0, 16) >= p.DateUpdatedUTC.replace(' ', 'T'))
              : contacts;
      return sendJson(res, 200, page(found, p));
    }
    if (type === 'getSingleContact' && req.method === 'GET')
      return sendJson(
        res,
        200,
        contacts.filter((c) => String(c.ClientID) === p.clientID),
      );
    if (type === 'webcontact' && req.method === 'POST') {
      if (!p.CFirst || !p.CLast || !p.Source)
        return sendJson(res, 400, { success: 'false', error: 'CFirst, CLast and Source are required' });
      const existing = p.CEmail && contacts.find((c) => c.CEmail.toLowerCase() === p.CEmail.toLowerCase());
      if (existing) {
        if (p.MobilePhone && !existing.MobilePhone) existing.MobilePhone = p.MobilePhone;
        existing.DateUpdatedUTC = new Date().toISOString().slice(0, 19);
        return sendJson(res, 200, {
          success: 'true',
          data: { ClientID: existing.ClientID, NewContact: false, Message: "Use 'updateContact' request to update contacts." },
        });
      }
      const id = nextId();
      contacts.push({
        ClientID: id,
        CFirst: p.CFirst,
        CLast: p.CLast,
        CEmail: p.CEmail,
        MobilePhone: p.MobilePhone,
        HomePhone: p.HomePhone,
        WorkPhone: p.WorkPhone,
        Company: p.Company,
        Source: p.Source,
        Categories: quoted(
          p.Categories.split(';')
            .filter(Boolean)
            .map((name) => ({ name })),
        ),
        Rank: p.Rank || 'Unranked',
        Status: p.ContactStatus || null,
        DateAddedUTC: new Date().toISOString().slice(0, 19),
        DateUpdatedUTC: new Date().toISOString().slice(0, 19),
        ContactUrl: `https://thewiseagent.com/secure/client/summary?clientId=${id}`,
        CustomData: '[]',
      });
      return sendJson(res, 200, { success: 'true', data: { ClientID: id, NewContact: true } });
    }
    if (type === 'addClientCustom' && req.method === 'POST') {
      const contact = contacts.find((c) => String(c.ClientID) === p.ClientID);
      if (!contact || !p.Key)
        return sendJson(res, 200, { success: false, message: 'There was an error while inserting the data' });
      const custom = JSON.parse(contact.CustomData) as { Key: string; Value: string }[];
      if (custom.some((x) => x.Key === p.Key))
        return sendJson(res, 200, {
          success: false,
          message: `Duplicate Key '${p.Key}' cannot be inserted for ClientID ${contact.ClientID}`,
        });
      custom.push({ Key: p.Key, Value: p.Value });
      contact.CustomData = JSON.stringify(custom);
      return sendJson(res, 200, { success: true, ClientCustomID: nextId() });
    }
    if (type === 'addContactNote' && req.method === 'POST') {
      const ids = p.clientids.split(',').filter(Boolean).map(Number);
      if (!p.note || !ids.length || ids.some((id) => !contacts.some((c) => c.ClientID === id)))
        return sendJson(res, 400, { success: 'false', error: 'note and valid clientids are required' });
      const added = ids.map((ClientID) => {
        const note = { NoteID: nextId(), ClientID, Subject: p.subject, Note: p.note, NoteDate: arizona(new Date()) };
        notes.push(note);
        return { ClientID, NoteID: note.NoteID };
      });
      return sendJson(res, 200, quoted([{ success: 'true', data: added }]));
    }
    if (type === 'getContactNotes' && req.method === 'GET') {
      const found = notes.filter(
        (n) => (!p.ClientID || String(n.ClientID) === p.ClientID) && (!p.subject || n.Subject === p.subject),
      );
      return sendJson(res, 200, page(found, p));
    }
    if (type === 'tasks' && req.method === 'POST') {
      if (!p.Description) return sendJson(res, 400, { success: false, error: 'Description is required' });
      if (p.TaskDue && !/^\d{2}\/\d{2}\/\d{4}$/.test(p.TaskDue))
        return sendJson(res, 400, { success: false, error: 'TaskDue must be MM/DD/YYYY' });
      if (p.TaskNote.length > 2048)
        return sendJson(res, 400, { success: false, error: 'TaskNote is limited to 2048 characters' });
      const task: Task = {
        TaskID: String(nextId()),
        TaskDue: p.TaskDue,
        Completed: /^yes$/i.test(p.Completed) ? 'true' : 'false',
        Priority: p.Priority || '0',
        Description: p.Description,
        AssignedTo: '',
        InsideTeamId: p.InsideTeamId || '0',
        DateCreated: utc(new Date()),
        DateModified: utc(new Date()),
        EstimatedTime: p.EstimatedTime || '0',
        CompletedDate: /^yes$/i.test(p.Completed) ? utc(new Date()) : NEVER,
        TaskNote: p.TaskNote,
        ContactID: p.ContactID || '0',
      };
      tasks.push(task);
      return sendJson(res, 200, quoted({ success: true, TaskID: Number(task.TaskID) }));
    }
    if (type === 'tasks' && req.method === 'GET') {
      const rows = tasks.map(({ TaskNote: _, ...t }) => t);
      return sendJson(res, 200, { Page: Number(p.page || 1), TotalCount: rows.length, Data: page(rows, p) });
    }
    if (type === 'tasks' && req.method === 'PUT') {
      const { status, body } = updateTask(tasks, p);
      return sendJson(res, status, body);
    }
    if (type === 'addPlannerEvent' && req.method === 'POST') {
      if (!p.eventName || !/^\d{4}-\d{2}-\d{2}$/.test(p.eventStartDate))
        return sendJson(res, 400, { success: 'false', error: 'eventName and eventStartDate (yyyy-mm-dd) are required' });
      if (p.eventStartTime && (!/^(0?[1-9]|1[0-2]):[0-5]\d$/.test(p.eventStartTime) || !/^(AM|PM)$/.test(p.eventAMPM)))
        return sendJson(res, 400, { success: 'false', error: 'eventStartTime is 12-hour hh:mm with eventAMPM' });
      events.push({
        PlannerID: nextId(),
        Subject: p.eventName,
        StartDate: calendarDate(p.eventStartDate, p.eventStartTime, p.eventAMPM),
        EndDate: calendarDate(
          p.eventEndDate || p.eventStartDate,
          p.eventEndTime || p.eventStartTime,
          p.eventEndAMPM || p.eventAMPM,
        ),
        Memo: null,
        AllDayEvent: false,
        Completed: false,
        location: '',
        Attendees: '',
      });
      return sendJson(res, 200, quoted([{ success: 'true' }]));
    }
    if (type === 'getCalendar' && req.method === 'GET') {
      const from = minutes(p.startDate);
      const to = minutes(p.endDate);
      if (Number.isNaN(from) || Number.isNaN(to)) return sendJson(res, 400, { error: 'startDate and endDate are required' });
      return sendJson(
        res,
        200,
        events.filter((e) => minutes(e.StartDate) >= from && minutes(e.StartDate) <= to),
      );
    }
    return sendJson(res, 405, { error: `${req.method} is not supported for ${type}` });
  };
}
