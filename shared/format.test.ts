import { describe, expect, it } from 'vitest';
import { formatClock, formatPhone, formatWhen, fullName } from './format';

describe('formatWhen', () => {
  it('reads a local day or day and time as people do', () => {
    expect(formatWhen('2026-03-13')).toBe('Fri, Mar 13');
    expect(formatWhen('2026-03-13T10:00')).toBe('Fri, Mar 13, 10:00 AM');
    expect(formatWhen('2026-03-13T15:30')).toBe('Fri, Mar 13, 3:30 PM');
  });

  it('leaves what it cannot read as it was', () => {
    expect(formatWhen(undefined)).toBeUndefined();
    expect(formatWhen('next friday')).toBe('next friday');
    expect(formatWhen('2026-13-45')).toBe('2026-13-45');
  });
});

describe('fullName', () => {
  it('joins what is there', () => {
    expect(fullName({ firstName: 'Jake & Emily', lastName: 'Turner' })).toBe('Jake & Emily Turner');
    expect(fullName({ firstName: 'Cher' })).toBe('Cher');
  });
});

describe('formatPhone', () => {
  it('reads a US number the US way, others internationally, and leaves the rest', () => {
    expect(formatPhone('+15125550110')).toBe('(512) 555-0110');
    expect(formatPhone('+442071838750')).toBe('+44 20 7183 8750');
    expect(formatPhone('call me')).toBe('call me');
  });
});

describe('formatClock', () => {
  it('reads the time of a local date-time, and nothing of a date alone', () => {
    expect(formatClock('2026-03-13T15:30')).toBe('3:30 PM');
    expect(formatClock('2026-03-13T09:05')).toBe('9:05 AM');
    expect(formatClock('2026-03-13T00:00')).toBe('12:00 AM');
    expect(formatClock('2026-03-13')).toBeUndefined();
    expect(formatClock(undefined)).toBeUndefined();
  });
});
