import { describe, expect, it } from 'vitest';
import { buildIndex, type Entry, search } from './search-index';

const entry = (id: string, kind: Entry['kind'], label: string, detail = '', words = '', at = 1): Entry => ({
  id,
  kind,
  label,
  detail,
  words,
  at,
});

const index = buildIndex([
  entry('c1', 'contact', 'Maria Garcia', '(512) 555-0142 · maria@garcia.example', '+15125550142', 10),
  entry('c2', 'contact', 'Mario Gómez', 'mario@gomez.example', '+15125550199', 20),
  entry('c3', 'contact', 'Dana Whitfield', '', '+15125550166', 5),
  entry('c4', 'contact', 'Garcia Marquez', '', '', 1),
  entry(
    'l1',
    'listing',
    '1200 Barton Hills Dr',
    'Austin, TX 78704 · $725,000 · 3 bd',
    '1200 Barton Hills Dr, Austin, TX 78704 78704 TX123',
    30,
  ),
  entry('l2', 'listing', '77 Rainey St APT 1402', 'Austin, TX 78701', '78701', 40),
]);
const ids = (query: string, limit = 8) => search(index, query, limit).map((h) => h.entry.id);

describe('the palette index', () => {
  it('finds every word typed, the last one begun', () => {
    expect(ids('maria g')).toEqual(['c1']);
    expect(ids('barton hi')).toEqual(['l1']);
    expect(ids('austin')).toEqual(['l2', 'l1']);
  });

  it('ranks a match at the start of the label first, then newer first among equals', () => {
    // "Garcia Marquez" begins with the word; "Maria Garcia" has it second.
    expect(ids('garcia')).toEqual(['c4', 'c1']);
    expect(ids('mari')).toEqual(['c2', 'c1']);
  });

  it('ignores accents and case', () => {
    expect(ids('GOMEZ')).toEqual(['c2']);
  });

  it('finds a phone by its digits, with or without the country code, and the local number', () => {
    expect(ids('5125550166')).toEqual(['c3']);
    expect(ids('555-0142')).toEqual(['c1']);
    expect(ids('+1 512 555 0199')).toEqual(['c2']);
  });

  it('forgives one slip of the keys once a word has four letters', () => {
    expect(ids('whitfeild')).toEqual(['c3']);
    expect(ids('dana whitfeild')).toEqual(['c3']);
    expect(ids('bartno')).toEqual(['l1']);
    expect(ids('xq')).toEqual([]);
  });

  it('answers with the MLS number and the zip', () => {
    expect(ids('tx123')).toEqual(['l1']);
    expect(ids('78701')).toEqual(['l2']);
  });

  it('keeps to the limit and answers nothing for nothing', () => {
    expect(ids('a', 2)).toHaveLength(2);
    expect(ids('   ')).toEqual([]);
    expect(search(buildIndex([]), 'maria')).toEqual([]);
  });
});
