import { describe, expect, it } from 'vitest';
import { matchTasks } from './tasks';

const tasks = [
  { title: 'Send the seller disclosure', done: false },
  { title: 'Call Smith about the inspection', done: false },
  { title: 'Call lender re: pre-approval', done: false },
  { title: 'Order appraisal', done: true },
  { title: 'Call Ellen back', done: false },
  { title: 'Think about a closing gift', done: false },
];
const titles = (said: string | undefined) => matchTasks(said, tasks).map((t) => t.title);

describe('which open task the agent means', () => {
  it('finds a task by any of its words, plural or not', () => {
    expect(titles('disclosure')).toEqual(['Send the seller disclosure']);
    expect(titles('the disclosures task')).toEqual(['Send the seller disclosure']);
    expect(titles('inspection')).toEqual(['Call Smith about the inspection']);
    expect(titles('insp')).toEqual(['Call Smith about the inspection']);
    expect(titles('calling back')).toEqual(['Call Ellen back']);
    expect(titles('closing gift')).toEqual(['Think about a closing gift']);
    expect(titles('the closing gift task')).toEqual(['Think about a closing gift']);
  });
  it('offers every match when the words fit several, and every open task when none were said', () => {
    expect(titles('call')).toEqual(['Call Smith about the inspection', 'Call lender re: pre-approval', 'Call Ellen back']);
    expect(titles(undefined)).toHaveLength(5);
    expect(titles('the task')).toHaveLength(5);
  });
  it('never guesses: words no open task has match nothing, and a done task is not offered', () => {
    expect(titles('escrow deposit')).toEqual([]);
    expect(titles('call escrow')).toEqual([]);
    expect(titles('appraisal')).toEqual([]);
  });
});
