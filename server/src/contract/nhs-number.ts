/** Strips the spaces and hyphens people type (943 476 5919, 943-476-5919). */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/**
 * The NHS number Modulus 11 check: weights 10..2 on the first nine digits, check digit
 * 11 − (sum mod 11), where 11 means 0 and 10 means no valid number has that prefix. All zeros
 * passes the arithmetic but is rejected as a sanity rule.
 */
export function isValidNhsNumber(input: string): boolean {
  const digits = normaliseNhsNumber(input);
  if (!/^\d{10}$/.test(digits) || digits === '0000000000') return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return false;
  return check === Number(digits[9]);
}
