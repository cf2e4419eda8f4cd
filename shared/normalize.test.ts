import { describe, expect, it } from 'vitest';
import { type AddressParts, fold, joinAddress, splitAddress, toMoney, toNumber, toStateCode, toZip } from './normalize';

describe('normalize', () => {
  it.each([
    ['1,850', 1850],
    ['1,000sqft', 1000],
    ['2.5 ba', 2.5],
    ['4.0', 4],
    [3, 3],
    ['—', undefined],
    ['--', undefined],
    ['n/a', undefined],
    ['', undefined],
    [Number.NaN, undefined],
  ])('toNumber(%j) = %j', (input, out) => expect(toNumber(input)).toBe(out));

  it.each([
    ['$1,795,000', 1795000],
    ['$1.2M', 1200000],
    ['450k', 450000],
    ['$2,225+', 2225],
    ['USD 379000', 379000],
    ['call for price', undefined],
  ])('toMoney(%j) = %j', (input, out) => expect(toMoney(input)).toBe(out));

  it('states, zips', () => {
    expect(toStateCode('nj')).toBe('NJ');
    expect(toStateCode('New Jersey')).toBe('NJ');
    expect(toStateCode('District of Columbia')).toBe('DC');
    expect(toStateCode('Ontario')).toBeUndefined();
    expect(toZip('07030-1234')).toBe('07030');
    expect(toZip(7030)).toBe('07030');
    expect(toZip('7030')).toBeUndefined();
  });

  it.each([
    ['450 7th St APT 1N, Hoboken, NJ 07030', { street: '450 7th St APT 1N', city: 'Hoboken', state: 'NJ', zip: '07030' }],
    ['Hoboken, NJ 07030', { city: 'Hoboken', state: 'NJ', zip: '07030' }],
    ['7436 Arrowood Road, Bethesda, MD', { street: '7436 Arrowood Road', city: 'Bethesda', state: 'MD' }],
    [
      '12 Pine St, Unit 4, Denver, Colorado 80202, USA',
      { street: '12 Pine St, Unit 4', city: 'Denver', state: 'CO', zip: '80202' },
    ],
    [
      '29 E 9th St APT 10,\u00a0New York, NY 10003',
      { street: '29 E 9th St APT 10', city: 'New York', state: 'NY', zip: '10003' },
    ],
    ['somewhere nice', { street: 'somewhere nice' }],
  ] as [string, AddressParts][])('splitAddress(%j)', (line, parts) => {
    expect(splitAddress(line)).toEqual(parts);
    if (parts.state) expect(joinAddress(parts)).toBe(joinAddress(splitAddress(joinAddress(parts))));
  });

  it.each([
    ['José Ñúñez', 'jose nunez'],
    ['JOSE  NUNEZ', 'jose nunez'],
    ['  Zoë\u00a0Brontë ', 'zoe bronte'],
    ['François Côté', 'francois cote'],
    ['Straße', 'strasse'],
    ['ẞ', 'ss'],
    ['Søren Østergaard', 'soren ostergaard'],
    ['Łukasz Wałęsa', 'lukasz walesa'],
    ['Æsa Lærke', 'aesa laerke'],
    ['Đorđe', 'dorde'],
    ['İlkay Şahin', 'ilkay sahin'],
    ['Nguyễn Văn', 'nguyen van'],
    ["Mary-Jane O'Brien", "mary-jane o'brien"],
    ['', ''],
  ])('fold(%j) = %j', (input, out) => expect(fold(input)).toBe(out));
});
