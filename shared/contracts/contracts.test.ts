import { describe, expect, it } from 'vitest';
import {
  ApiErrorBody,
  ContactBrief,
  DraftCommand,
  isDraftCommand,
  isWrite,
  isWriteCommand,
  PageContext,
  ParsedCommand,
  SearchResponse,
  WRITE_INTENTS,
  WriteCommand,
} from '.';

describe('ParsedCommand', () => {
  it.each([
    { intent: 'add_lead', confidence: 0.9, params: { firstName: 'John', lastName: 'Smith', phone: '+15125550142' } },
    { intent: 'create_task', confidence: 0.8, params: { contactId: '123', title: 'Call her', due: '2026-03-13' } },
    { intent: 'schedule_showing', confidence: 0.8, params: { address: '1 Main St', start: '2026-03-13T16:00' } },
    {
      intent: 'search_properties',
      confidence: 0.95,
      params: { location: 'Austin', bedsMin: 3, priceMax: 500000, propertyType: 'condo' },
    },
    {
      intent: 'draft_message',
      confidence: 0.7,
      params: { contact: 'Sarah', channel: 'sms', purpose: 'follow up on the showing' },
    },
    { intent: 'create_task', confidence: 0.8, params: { title: 'Call her', due: '2028-02-29T23:59' } },
    { intent: 'add_note', confidence: 0.8, params: { contact: 'Ann', text: 'Line one\nline two' } },
    { intent: 'unknown', confidence: 0.1, params: {} },
  ])('accepts $intent', (command) => {
    expect(ParsedCommand.parse(command)).toEqual(command);
  });

  it.each([
    ['a delete intent', { intent: 'delete_contact', confidence: 1, params: { contactId: '1' } }],
    ['a phone that is not E.164', { intent: 'add_lead', confidence: 1, params: { firstName: 'A', phone: '512-555-0142' } }],
    ['a confidence over 1', { intent: 'unknown', confidence: 1.5, params: {} }],
    ['a due date in another form', { intent: 'create_task', confidence: 1, params: { title: 't', due: 'Friday' } }],
    ['an unknown property type', { intent: 'search_properties', confidence: 1, params: { propertyType: 'castle' } }],
    ['a month 13', { intent: 'create_task', confidence: 1, params: { title: 't', due: '2026-13-45' } }],
    ['February 30', { intent: 'create_task', confidence: 1, params: { title: 't', due: '2026-02-30' } }],
    ['year 9999', { intent: 'create_task', confidence: 1, params: { title: 't', due: '9999-09-09' } }],
    ['hour 25', { intent: 'schedule_showing', confidence: 1, params: { address: '1 Main St', start: '2026-03-13T25:99' } }],
    ['a title with a control character', { intent: 'create_task', confidence: 1, params: { title: 'Call\u0007 her' } }],
    ['a title over two lines', { intent: 'create_task', confidence: 1, params: { title: 'Call\nher' } }],
    ['a name with a bidi override', { intent: 'add_lead', confidence: 1, params: { firstName: 'Ann\u202Egnam' } }],
  ])('refuses %s', (_label, command) => {
    expect(ParsedCommand.safeParse(command).success).toBe(false);
  });

  it('marks exactly the CRM writes as needing confirmation', () => {
    expect([...WRITE_INTENTS].sort()).toEqual([
      'add_lead',
      'add_note',
      'complete_task',
      'create_task',
      'log_call',
      'save_listing',
      'schedule_showing',
    ]);
    for (const intent of [
      'search_properties',
      'property_details',
      'comparables',
      'find_contact',
      'draft_message',
      'agenda',
      'unknown',
    ] as const)
      expect(isWrite(intent)).toBe(false);
  });

  it('narrows a command to a write or a draft by its intent', () => {
    const note = ParsedCommand.parse({ intent: 'add_note', confidence: 1, params: { contact: 'Ann', text: 'hi' } });
    const draft = ParsedCommand.parse({ intent: 'draft_message', confidence: 1, params: { channel: 'sms', purpose: 'hi' } });
    expect([isWriteCommand(note), isDraftCommand(note)]).toEqual([true, false]);
    expect([isWriteCommand(draft), isDraftCommand(draft)]).toEqual([false, true]);
    expect(WriteCommand.safeParse(draft).success).toBe(false);
    expect(DraftCommand.safeParse(note).success).toBe(false);
  });

  it('refuses a field a command does not have, naming it', () => {
    const extra = { intent: 'search_properties', confidence: 1, params: { location: 'Austin', maxPrice: 500000 } };
    expect(ParsedCommand.safeParse(extra).error?.issues).toMatchObject([
      { code: 'unrecognized_keys', keys: ['maxPrice'], path: ['params'] },
    ]);
  });
});

describe('PageContext', () => {
  it('accepts a listing with normalised fields', () => {
    const page = {
      kind: 'listing',
      url: 'https://www.zillow.com/homedetails/x/1_zpid/',
      site: 'zillow',
      listing: {
        address: '450 7th St APT 1N, Hoboken, NJ 07030',
        street: '450 7th St APT 1N',
        state: 'NJ',
        zip: '07030',
        price: 379000,
        baths: 1.5,
      },
    };
    expect(PageContext.parse(page)).toEqual(page);
  });

  it.each([
    ['a three-letter state', { state: 'NJX' }],
    ['a nine-digit zip', { zip: '07030-1234' }],
    ['a price as text', { price: '$379,000' }],
  ])('refuses %s', (_label, fields) => {
    const page = { kind: 'listing', url: 'https://x.test/', site: 'generic', listing: { address: 'a', ...fields } };
    expect(PageContext.safeParse(page).success).toBe(false);
  });
});

describe('ApiErrorBody', () => {
  it('keeps the message of an error whose code this extension does not know yet', () => {
    const body = { error: { code: 'calendar_full', message: 'That hour is taken.', requestId: 'r1' } };
    expect(ApiErrorBody.parse(body).error).toMatchObject({ code: 'error', message: 'That hour is taken.' });
  });
});

describe('answers', () => {
  const listing = {
    id: 'ATX-5512',
    address: '1200 Barton Hills Dr, Austin, TX 78704',
    listingAgent: { name: 'Eric Brown', license: 'TX-1' },
    virtualTour: 'https://example.com/tour',
  };

  it('drop a field this version does not know, at every level, where a request would refuse it', () => {
    const answer = SearchResponse.parse({ listings: [listing], total: 1, source: { provider: 'sample', sample: true } });
    expect(answer.listings[0]).toEqual({
      id: 'ATX-5512',
      address: '1200 Barton Hills Dr, Austin, TX 78704',
      listingAgent: { name: 'Eric Brown' },
    });
    const { id: _, ...onPage } = listing;
    expect(
      PageContext.safeParse({ kind: 'listing', url: 'https://www.zillow.com/x', site: 'zillow', listing: onPage }).success,
    ).toBe(false);
  });

  it('keep a saved listing in a brief', () => {
    const brief = ContactBrief.safeParse({
      contact: { id: '7', firstName: 'Maria' },
      activity: [],
      tasks: [],
      showings: [],
      saved: [{ listing }],
      unavailable: [],
      provider: 'local',
      today: '2026-06-01',
    });
    expect(brief.error).toBeUndefined();
  });
});
