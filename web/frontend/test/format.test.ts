import { describe, expect, it } from 'vitest';
import { quantity } from '../src/format';

describe('quantity', () => {
  it('writes es-PE numbers with at least the decimals asked for and at most three', () => {
    expect(quantity(18.25, 'L')).toBe('18.25 L');
    expect(quantity('1395', 'L')).toBe('1,395.0 L');
    expect(quantity(12.3456, 'kg')).toBe('12.346 kg');
    expect(quantity(40, 'L', 0)).toBe('40 L');
  });

  it('rounds to whole units for a counter that must fit a narrow phone', () => {
    expect(quantity(1395.04, 'L', 0, 0)).toBe('1,395 L');
    expect(quantity(12345.6, 'kg', 0, 0)).toBe('12,346 kg');
  });
});
