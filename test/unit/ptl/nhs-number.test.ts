import { describe, expect, it } from 'vitest';
import { isValidNhsNumber, normaliseNhsNumber } from '../../../server/src/contract/nhs-number.js';
import { NhsNumberSchema } from '../../../server/src/contract/ptl.js';

// Rows of shared/domain/nhs-waiting-times.md §3.3, each with the reason the table gives.
describe('isValidNhsNumber — the §3.3 table', () => {
  it.each([
    ['943 476 5919', 'Σ 299, rem 2, check 9'],
    ['999 000 0018', 'Σ 245, rem 3, check 8 (test-range style)'],
    ['999 000 0026', 'Σ 247, rem 5, check 6'],
    ['987 654 3210', 'Σ 330, rem 0, 11 → 0'],
  ])('%s is valid (%s)', (number) => {
    expect(isValidNhsNumber(number)).toBe(true);
  });

  it.each([
    ['987 654 4321', 'the commonly quoted format example: check 2 ≠ 1'],
    ['943 476 5991', 'last two digits transposed: check 4 ≠ 1'],
  ])('%s is invalid (%s)', (number) => {
    expect(isValidNhsNumber(number)).toBe(false);
  });

  it('123 456 789x is invalid whatever the last digit (check would be 10)', () => {
    for (let x = 0; x <= 9; x++) expect(isValidNhsNumber(`123 456 789${x}`)).toBe(false);
  });

  it('999 000 000x is invalid for every x (check would be 10)', () => {
    for (let x = 0; x <= 9; x++) expect(isValidNhsNumber(`999 000 000${x}`)).toBe(false);
  });

  it('000 000 0000 passes the arithmetic but is rejected as a sanity rule', () => {
    expect(isValidNhsNumber('000 000 0000')).toBe(false);
    expect(isValidNhsNumber('0000000000')).toBe(false);
  });
});

describe('isValidNhsNumber — what people type', () => {
  it('accepts spaces and hyphens in any grouping, or none', () => {
    for (const typed of ['9434765919', '943 476 5919', '943-476-5919', ' 943 4765919 ', '943  476-5919']) {
      expect(isValidNhsNumber(typed)).toBe(true);
    }
    expect(normaliseNhsNumber('943-476 5919')).toBe('9434765919');
  });

  it('rejects wrong lengths', () => {
    for (const typed of ['', '943476591', '94347659190', '943 476 59', '0943 476 5919']) {
      expect(isValidNhsNumber(typed)).toBe(false);
    }
  });

  it('rejects letters and other characters', () => {
    for (const typed of ['943476591O', 'A434765919', '943.476.5919', '943/476/5919', '+943476591', '９４３４７６５９１９']) {
      expect(isValidNhsNumber(typed)).toBe(false);
    }
  });

  it('catches every single-digit typo of a valid number', () => {
    const valid = '9434765919';
    for (let i = 0; i < 10; i++) {
      for (let d = 0; d <= 9; d++) {
        const typo = valid.slice(0, i) + d + valid.slice(i + 1);
        if (typo !== valid) expect(isValidNhsNumber(typo)).toBe(false);
      }
    }
  });
});

describe('NhsNumberSchema', () => {
  it('stores the number as 10 digits and names the problem when it fails', () => {
    expect(NhsNumberSchema.parse(' 943-476-5919 ')).toBe('9434765919');
    expect(NhsNumberSchema.safeParse('943 476 591').error?.issues[0]?.message).toBe('An NHS number has 10 digits');
    expect(NhsNumberSchema.safeParse('987 654 4321').error?.issues[0]?.message).toMatch(/Modulus 11/);
  });
});
