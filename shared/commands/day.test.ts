import { describe, expect, it } from 'vitest';
import { type PageContext, ParsedCommand, type Recent } from '../contracts';
import { at, contactPage, listingPage } from '../testing/pages';
import { parse } from '.';

const parsed = (text: string, page?: PageContext, recent?: Recent, now = at) => {
  const result = parse(text, { ...now, page, recent });
  expect(ParsedCommand.parse(result.command)).toEqual(result.command);
  return result;
};
const read = (text: string, page?: PageContext, recent?: Recent, now = at) => parsed(text, page, recent, now).command;
/** Acted on: the intent, at a confidence the panel acts on. */
const acted = (text: string, page?: PageContext) => {
  const command = read(text, page);
  return command.confidence >= 0.5 ? command.intent : 'unknown';
};

describe('a task marked done', () => {
  it.each([
    ['done with the Smith call', undefined, { contact: 'Smith', task: 'call' }],
    ['mark the disclosure task done', contactPage, { contactId: '77', contact: 'Dana Whitfield', task: 'disclosure' }],
    ['I finished the inspection follow-up for Maria', undefined, { contact: 'Maria', task: 'inspection follow-up' }],
    ['completed: send CMA to John Lee', undefined, { contact: 'John Lee', task: 'send CMA' }],
    ['check off calling her back', contactPage, { contactId: '77', contact: 'Dana Whitfield', task: 'calling back' }],
    ['task done: order appraisal', undefined, { task: 'order appraisal' }],
    ["mark Maria's disclosure task as complete", undefined, { contact: 'Maria', task: 'disclosure' }],
    ['cross the appraisal off my list', undefined, { task: 'appraisal' }],
    ['done with the inspection for the Lees', undefined, { contact: 'Lee', task: 'inspection' }],
    // A thing agents keep as a task, with no one named: the card looks among all open tasks.
    ['done with the staging call', undefined, { task: 'staging call' }],
    ['completed the counteroffer call', undefined, { task: 'counteroffer call' }],
    ['finished the CMA', undefined, { task: 'CMA' }],
    ['mark the HOA task done for Rosalind', undefined, { contact: 'Rosalind', task: 'HOA' }],
  ])('%s', (text, page, params) => {
    const command = read(text, page);
    expect(command).toMatchObject({ intent: 'complete_task' });
    expect(command.params).toEqual(params);
    expect(command.confidence).toBeGreaterThanOrEqual(0.75);
  });

  it('never sets the task id: that is picked on the confirm card', () => {
    expect(read('mark the disclosure task done', contactPage).params).not.toHaveProperty('taskId');
  });

  it('points her at the contact in memory off a contact page, and says so', () => {
    const { command, references } = parsed('check off calling her back', undefined, { contact: { id: '9', name: 'Ana Ruiz' } });
    expect(command).toMatchObject({ intent: 'complete_task', params: { contactId: '9', contact: 'Ana Ruiz' } });
    expect(references).toEqual([{ said: 'her', to: 'Ana Ruiz', from: 'recent' }]);
  });

  it('a task of her named only by "task" is for the card to pick among her open tasks', () => {
    expect(read('mark her task done', contactPage)).toMatchObject({ intent: 'complete_task', params: { contactId: '77' } });
    expect(read('mark her task done', contactPage).params).not.toHaveProperty('task');
  });

  it.each([
    // No one in view for "her": the wrong person's task must not be closed.
    ['check off calling her back', undefined],
    // Things done that are not a task named, and more than one thing said.
    ['finished the walkthrough', undefined],
    ['done with her', contactPage],
    ['done with the call, she wants 3 beds', undefined],
  ])('unsure, declined: %s', (text, page) => {
    expect(acted(text, page)).toBe('unknown');
  });
});

describe("the agent's day", () => {
  it.each([
    ["what's on today", { date: '2026-06-01' }],
    ['my day', {}],
    ['what do I have today', { date: '2026-06-01' }],
    ["what's on tomorrow", { date: '2026-06-02' }],
    ["today's tasks", { date: '2026-06-01' }],
    ["what's due", {}],
    ['agenda for Friday', { date: '2026-06-05' }],
    ['tasks due today', { date: '2026-06-01' }],
    ['how does my day look tomorrow', { date: '2026-06-02' }],
    ["what's on my plate", {}],
    ['show me my schedule for tomorrow', { date: '2026-06-02' }],
    ['anything overdue?', {}],
  ])('%s', (text, params) => {
    const command = read(text);
    expect(command).toMatchObject({ intent: 'agenda' });
    expect(command.params).toEqual(params);
  });

  it("resolves the day against the agent's now, in the agent's zone", () => {
    // 03:30 UTC on Tuesday is still Monday evening in Chicago: tomorrow is Tuesday.
    const late = { now: '2026-06-02T03:30:00Z', tz: 'America/Chicago' };
    expect(read("what's on tomorrow", undefined, undefined, late).params).toEqual({ date: '2026-06-02' });
  });
});

describe('who is Dana', () => {
  it.each([
    ['who is Dana', 'Dana'],
    ["who's Maria Garcia", 'Maria Garcia'],
    ['open Maria Garcia', 'Maria Garcia'],
    ['pull up John Lee', 'John Lee'],
    ['tell me about Dana', 'Dana'],
    ['open Maria Garcia in CRM', 'Maria Garcia'],
  ])('%s', (text, query) => {
    const command = read(text);
    expect(command).toMatchObject({ intent: 'find_contact', params: { query } });
    expect(command.confidence).toBeGreaterThanOrEqual(0.75);
  });

  it('"who is she" is the contact in view, and nobody when no one is', () => {
    const { command, references } = parsed('who is she', contactPage);
    expect(command).toMatchObject({ intent: 'find_contact', params: { query: 'Dana Whitfield' } });
    expect(references).toEqual([{ said: 'she', to: 'Dana Whitfield', from: 'page' }]);
    expect(acted('who is she')).toBe('unknown');
  });
});

describe('near misses', () => {
  it.each([
    // New tasks and call logs that say "done" or name a task.
    ['remind me to mark the disclosure task done', 'create_task'],
    ['add a task: finish the CMA for John Lee', 'create_task'],
    ['task: order appraisal', 'create_task'],
    ['called John, done', 'log_call'],
    ['log call with Tom – left voicemail', 'log_call'],
    // Finished things that are a search or a question.
    ['finished basement homes in Austin', 'search_properties', contactPage],
    ['is the disclosure task done?', 'unknown'],
    ["I'm done for today", 'unknown'],
    ['mark Maria as a hot lead', 'unknown'],
    // Questions about the market, the listing or someone, not the day.
    ["what's the hoa due on this", 'unknown', listingPage],
    ["what's up", 'unknown'],
    ['what do I have', 'unknown'],
    ["what's on this week", 'unknown'],
    ["what's due for Maria", 'unknown'],
    ['my day was long', 'unknown'],
    ['schedule a showing at 77 Lark Ln for tomorrow at 3', 'schedule_showing'],
    // "open", "pull up", "tell me about" something that is not a person.
    ['open house', 'unknown'],
    ['open the listing', 'unknown'],
    ['open in CRM', 'unknown'],
    ['open Zillow', 'unknown'],
    ['open settings', 'unknown'],
    ['pull up the listing', 'unknown'],
    ['tell me about Austin', 'unknown'],
    ['tell me about this house', 'property_details', listingPage],
    ['open house Saturday at 12 Oak St', 'unknown'],
  ] as [string, string, PageContext?][])('%s → %s', (text, intent, page) => {
    expect(acted(text, page)).toBe(intent);
  });

  it('"what\'s on the market in Austin" is never the agenda', () => {
    expect(read("what's on the market in Austin").intent).not.toBe('agenda');
  });
});
