import { describe, expect, it } from 'vitest';
import { at } from '../testing/pages';
import { parseCommand } from '.';
import { readSelection, SELECTION_HINT } from './selection';

const read = (text: string, areaCode?: string) => readSelection(text, { ...at, ...(areaCode && { areaCode }) });

describe('a person with contact details is a lead', () => {
  it.each([
    ['Call Jane Roe at 512.555.0199', { firstName: 'Jane', lastName: 'Roe', phone: '+15125550199' }],
    ['Jane Roe <jane@x.com>', { firstName: 'Jane', lastName: 'Roe', email: 'jane@x.com' }],
    ['Text Marcus Bell on (737) 555-0142', { firstName: 'Marcus', lastName: 'Bell', phone: '+17375550142' }],
    [
      'Please contact Priya Natarajan at priya.n@gmail.com',
      { firstName: 'Priya', lastName: 'Natarajan', email: 'priya.n@gmail.com' },
    ],
    ['Priya Natarajan\n737 555 0123', { firstName: 'Priya', lastName: 'Natarajan', phone: '+17375550123' }],
    [
      'Jane Roe\nBroker Associate | Keller Williams Realty\nc: (512) 555-0199\njane.roe@kw.com',
      {
        firstName: 'Jane',
        lastName: 'Roe',
        phone: '+15125550199',
        email: 'jane.roe@kw.com',
        notes: 'Broker Associate, Keller Williams Realty',
      },
    ],
    [
      'Best regards,\nDr. Amara Okafor, MBA\nSenior Loan Officer, Riverbend Home Lending\nOffice 512-555-0100 | Cell 512-555-0142\namara@riverbend.com',
      { firstName: 'Amara', lastName: 'Okafor', phone: '+15125550142', email: 'amara@riverbend.com' },
    ],
    [
      '--\nLukas Becker\nRelocation Consultant\n+49 30 1234 5678\nlukas.becker@example.de',
      { firstName: 'Lukas', lastName: 'Becker', phone: '+493012345678', email: 'lukas.becker@example.de' },
    ],
    [
      'Thanks!\r\nMaría José García-López\r\nM: +1 305 555 0177',
      { firstName: 'María', lastName: 'José García-López', phone: '+13055550177' },
    ],
  ])('%j', (text, params) => {
    const reading = read(text);
    expect(reading).toMatchObject({ kind: 'lead', command: { intent: 'add_lead', params } });
    // The sentence the panel runs reads back to the same card, as the worker will read it.
    if (reading.kind === 'lead') expect(parseCommand(reading.sentence, at)).toEqual(reading.command);
  });

  it('keeps what is not a name, a phone or an email in the notes, never a stray connector', () => {
    const reading = read('Call Jane Roe at 512.555.0199');
    expect(reading.kind === 'lead' && reading.command.params.notes).toBeFalsy();
    const bracketed = read('Jane Roe <jane@x.com>');
    expect(bracketed.kind === 'lead' && bracketed.command.params.notes).toBeFalsy();
  });

  it('completes a seven-digit phone with the agent’s area code', () => {
    expect(read('Ken Alvarez 555-0144', '512')).toMatchObject({ kind: 'lead', command: { params: { phone: '+15125550144' } } });
  });
});

describe('a bare email or phone is a contact to look up', () => {
  it.each([
    ['jane.roe@kw.com', 'jane.roe@kw.com'],
    ['  Email: Jane.Roe@KW.com ', 'jane.roe@kw.com'],
    ['<jane@x.com>', 'jane@x.com'],
    ['512.555.0199', '+15125550199'],
    ['(512) 555-0199', '+15125550199'],
    ['Cell: 512-555-0199', '+15125550199'],
    ['Call 1-800-555-0100', '+18005550100'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('%j', (text, query) => {
    const reading = read(text);
    expect(reading).toMatchObject({ kind: 'lookup', query });
    if (reading.kind === 'lookup')
      expect(parseCommand(reading.sentence, at)).toMatchObject({ intent: 'find_contact', params: { query } });
  });
});

describe('an address is the property’s details', () => {
  it.each([
    ['3341 P St NW\nWashington, DC 20007', '3341 P St NW, Washington, DC 20007'],
    ['3341 P St NW, Washington, DC', '3341 P St NW, Washington, DC'],
    ['77 Rainey St Apt 1402\nAustin, TX 78701', '77 Rainey St Apt 1402, Austin, TX 78701'],
    ['901 W 9th St #304\r\nAustin TX 78703\r\nUSA', '901 W 9th St #304, Austin TX 78703'],
    ['4512 Avenue F, Austin, TX 78751', '4512 Avenue F, Austin, TX 78751'],
  ])('%j', (text, address) => {
    const reading = read(text);
    expect(reading).toMatchObject({ kind: 'address', address });
    if (reading.kind === 'address')
      expect(parseCommand(reading.sentence, at)).toMatchObject({ intent: 'property_details', params: { address } });
  });

  it('an office address in a signature stays with the lead', () => {
    expect(read('Jane Roe\n1801 S MoPac Expy Ste 100, Austin TX\n512-555-0199').kind).toBe('lead');
  });
});

describe('anything else', () => {
  it('a sentence that is a command is that command', () => {
    expect(read('Remind me to call Dana Whitfield tomorrow at 3pm')).toMatchObject({
      kind: 'command',
      command: { intent: 'create_task' },
    });
  });

  it.each(['Charming bungalow with updated kitchen and a large backyard.', 'Jane Roe', 'Offers due Monday', '   '])(
    '%j is text for the command box, with a hint',
    (text) => {
      expect(read(text)).toEqual({ kind: 'text', text: text.trim(), hint: SELECTION_HINT });
    },
  );
});
