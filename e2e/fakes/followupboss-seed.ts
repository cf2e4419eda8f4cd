/**
 * Seeding the Follow Up Boss fake for tests, over HTTP (tests may run inside workerd): records with
 * their own times through POST /__fake/seed, which answers them with their ids.
 */
type Row = Record<string, unknown>;
export type FubSeed = Partial<Record<'people' | 'notes' | 'calls' | 'tasks' | 'appointments' | 'events', Row[]>>;
type Seeded = Required<{ [K in keyof FubSeed]: (Row & { id: number })[] }>;

export async function seedFollowUpBoss(url: string, seed: FubSeed): Promise<Seeded> {
  const res = await fetch(`${url}/__fake/seed`, { method: 'POST', body: JSON.stringify(seed) });
  return (await res.json()) as Seeded;
}

/**
 * A lead's day in FUB on `today` (the agent's zone at `offset`, e.g. "-06:00"): a person with two
 * notes and two calls, open tasks (one overdue, one due today at 16:30, one undated, one for next
 * week), a done task, a showing task today at 11:00 and an appointment today at 09:30.
 */
export async function seedAgentDay(url: string, { today, offset, email }: { today: string; offset: string; email: string }) {
  const at = (date: string, time: string) => new Date(`${date}T${time}:00${offset}`).toISOString();
  const day = (n: number) => {
    const d = new Date(`${today}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
  const {
    people: [person],
  } = await seedFollowUpBoss(url, {
    people: [
      {
        firstName: 'Maria',
        lastName: 'Garcia',
        emails: [{ value: email }],
        phones: [{ value: '+15125550101' }],
        source: 'Zillow',
        created: at(day(-20), '10:00'),
      },
    ],
  });
  const personId = person?.id ?? 0;
  const seeded = await seedFollowUpBoss(url, {
    notes: [
      { personId, subject: 'Pre-approval', body: 'Pre-approved for 650k with First Bank.', created: at(day(-3), '09:00') },
      { personId, body: '<p>Loves <b>Barton Hills</b> &amp; the yard</p>', isHtml: true, created: at(day(-1), '14:00') },
    ],
    calls: [
      { personId, phone: '+15125550101', outcome: 'Left Message', note: 'About the HOA', created: at(day(-2), '11:00') },
      { personId, phone: '+15125550101', note: 'Connected. Wants a second showing', created: at(today, '08:15') },
    ],
    tasks: [
      { personId, name: 'Send comps', type: 'Follow Up', dueDate: day(-2) },
      { personId, name: 'Call about the offer', type: 'Call', dueDateTime: at(today, '16:30') },
      { personId, name: 'Ask for a referral', type: 'Follow Up' },
      { personId, name: 'Check in after closing', type: 'Follow Up', dueDate: day(7) },
      {
        personId,
        name: 'Old done task',
        type: 'Follow Up',
        dueDate: day(-5),
        isCompleted: true,
        created: at(day(-6), '09:00'),
        updated: at(day(-5), '17:00'),
      },
      { personId, name: 'Showing at 12 Oak St', type: 'Showing', dueDateTime: at(today, '11:00') },
    ],
    appointments: [
      {
        title: 'Walkthrough',
        start: at(today, '09:30'),
        end: at(today, '10:00'),
        location: '1200 Barton Hills Dr, Austin, TX 78704',
        invitees: [
          { userId: 1, name: 'Owner Agent' },
          { personId, name: 'Maria Garcia' },
        ],
      },
    ],
  });
  return { personId, ...seeded };
}
