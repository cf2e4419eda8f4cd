import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { CrmContact } from '../../shared/contracts';
import { fullName } from '../../shared/format';
import { localCrm } from '../crm/local';
import { findTarget } from '../crm/resolve';

/** A fresh book of contacts in the local CRM. */
async function book(...names: [string, string?][]) {
  const user = `agent-${crypto.randomUUID()}`;
  const crm = localCrm(env.DB, user);
  for (const [firstName, lastName] of names) await crm.createContact({ firstName, lastName }, { key: crypto.randomUUID() });
  return { crm, user };
}
const names = (contacts: CrmContact[]) => contacts.map(fullName);

describe('the local CRM', () => {
  it('finds names whatever their accents and case', async () => {
    const { crm } = await book(['José', 'Ñúñez'], ['Zoë', 'Brontë'], ['Jon', 'Smith']);
    for (const text of ['jose', 'nunez', 'Ñúñez', 'JOSE NUNEZ', 'José Núñez'])
      expect(names(await crm.searchContacts({ text })), text).toEqual(['José Ñúñez']);
    expect(names(await crm.searchContacts({ text: 'zoe bronte' }))).toEqual(['Zoë Brontë']);
  });

  it('folds contacts stored before the folded column existed, on the next search', async () => {
    const { crm, user } = await book();
    await env.DB.prepare(
      `INSERT INTO contacts (user_id, first_name, last_name, email, created_at) VALUES
       (?, 'Søren', 'Østergaard', 'SOREN@example.com', 0), (?, 'Łucja', 'Wałęsa', NULL, 0)`,
    )
      .bind(user, user)
      .run();
    expect(names(await crm.searchContacts({ text: 'soren' }))).toEqual(['Søren Østergaard']);
    expect(names(await crm.searchContacts({ text: 'lucja walesa' }))).toEqual(['Łucja Wałęsa']);
    const { results } = await env.DB.prepare('SELECT search_text FROM contacts WHERE user_id = ? ORDER BY id')
      .bind(user)
      .all<{ search_text: string }>();
    expect(results.map((r) => r.search_text)).toEqual([
      'soren ostergaard soren ostergaard soren@example.com',
      'lucja walesa lucja walesa',
    ]);
  });

  it('logs a call once per write key', async () => {
    const { crm, user } = await book(['Tom', 'Nguyen']);
    const [tom] = await crm.searchContacts({ text: 'tom' });
    if (!tom) throw new Error('no Tom');
    const call = { contact: tom, outcome: 'left_voicemail', notes: 'asked about the HOA' } as const;
    const first = await crm.logCall(call, { key: 'call-key-1' });
    const retry = await crm.logCall(call, { key: 'call-key-1', since: Date.now() });
    expect(retry).toEqual(first);
    const { results } = await env.DB.prepare('SELECT contact_id, outcome, notes FROM calls WHERE user_id = ?').bind(user).all();
    expect(results).toEqual([{ contact_id: Number(tom.id), outcome: 'left_voicemail', notes: 'asked about the HOA' }]);
  });
});

describe('findTarget', () => {
  it('one, many (whole first names first) or none, by name', async () => {
    const { crm } = await book(['Tomas', 'Reyes'], ['Tom', 'Nguyen'], ['Anna', 'Tomlin'], ['José', 'Ñúñez']);
    expect(await findTarget(crm, { contact: 'Tom Nguyen' })).toMatchObject({ query: 'Tom Nguyen', status: 'one' });
    expect(names((await findTarget(crm, { contact: 'nguyen' })).contacts)).toEqual(['Tom Nguyen']);
    expect(names((await findTarget(crm, { contact: 'jose nunez' })).contacts)).toEqual(['José Ñúñez']);
    const tom = await findTarget(crm, { contact: 'Tom' });
    expect(tom.status).toBe('many');
    expect(names(tom.contacts)).toEqual(['Tom Nguyen', 'Tomas Reyes', 'Anna Tomlin']);
    expect(names((await findTarget(crm, { contact: 'Tom Reyes' })).contacts)).toEqual(['Tomas Reyes']);
    expect(await findTarget(crm, { contact: 'Tom Smith' })).toMatchObject({ status: 'none', contacts: [] });
    expect(await findTarget(crm, { contact: 'Nobody' })).toMatchObject({ status: 'none', contacts: [] });
  });

  it('an exact full name wins over longer names that start the same', async () => {
    const { crm } = await book(['Chris', 'Wu'], ['Chris', 'Wuster']);
    expect(names((await findTarget(crm, { contact: 'chris wu' })).contacts)).toEqual(['Chris Wu']);
  });

  it('by id, email or phone; no reference is unchecked', async () => {
    const user = `agent-${crypto.randomUUID()}`;
    const crm = localCrm(env.DB, user);
    const rita = await crm.createContact(
      { firstName: 'Rita', lastName: 'Moreno', email: 'rita@example.com', phone: '+15125550190' },
      { key: crypto.randomUUID() },
    );
    expect(await findTarget(crm, { contactId: rita.id })).toEqual({ query: rita.id, status: 'one', contacts: [rita] });
    expect(await findTarget(crm, { contactId: '999999' })).toEqual({ query: '999999', status: 'none', contacts: [] });
    expect(await findTarget(crm, { email: 'rita@example.com' })).toMatchObject({ status: 'one', contacts: [rita] });
    expect(await findTarget(crm, { phone: '+15125550190' })).toMatchObject({ status: 'one', contacts: [rita] });
    expect(await findTarget(crm, { contact: '  ' })).toEqual({ query: '', status: 'unchecked', contacts: [] });
  });
});

describe('a contact id from a page', () => {
  it('counts only for the person the page describes: another CRM’s id that is someone else here gives way to the details', async () => {
    const { crm } = await book(['Marguerite', 'Oyelaran'], ['Dana', 'Whitfield']);
    const [marguerite] = await crm.searchContacts({ text: 'marguerite' });
    const [dana] = await crm.searchContacts({ text: 'dana' });
    if (!marguerite || !dana) throw new Error('not stored');
    const byStrayId = await findTarget(crm, { contactId: marguerite.id, contact: 'Dana Whitfield' });
    expect(byStrayId).toMatchObject({ status: 'one', contacts: [{ id: dana.id }] });
    expect(await findTarget(crm, { contactId: marguerite.id })).toMatchObject({
      status: 'one',
      contacts: [{ id: marguerite.id }],
    });
    expect(await findTarget(crm, { contactId: dana.id, contact: 'Dana' })).toMatchObject({ contacts: [{ id: dana.id }] });
  });
});
