/** The forms the screens show and read: amounts « 1 299,90 », sizes from the one formatter of core/common/format. */
import { describe, expect, it } from 'vitest';
import { formatSize } from '../../core/common/format/size.js';
import { formatFileSize } from '../../core/node/mail/index.js';
import { amountText, parseAmount } from '../../renderer/src/common/amount.js';
import { fileSize } from '../../renderer/src/common/format.js';

describe('amounts in the fields', () => {
  it('shows a saved amount in French form, with a thin space between thousands and two decimals', () => {
    expect(amountText(1299.9)).toBe('1\u202F299,90');
    expect(amountText(49)).toBe('49,00');
  });

  it('reads what a French user types, and the decimal point too', () => {
    expect(parseAmount('1 299,90')).toBe(1299.9);
    expect(parseAmount('1\u202F299,90')).toBe(1299.9);
    expect(parseAmount('1299.90')).toBe(1299.9);
    expect(parseAmount(amountText(1299.9))).toBe(1299.9);
  });
});

describe('one size formatter', () => {
  it('counts in decimal units everywhere: the screens, the dossier and the e-mail warning agree', () => {
    expect(formatSize(1_500_000)).toBe('1,5\u00a0Mo');
    expect(formatSize(3_000_000)).toBe('3\u00a0Mo');
    expect(formatSize(48_000)).toBe('48\u00a0Ko');
    for (const bytes of [820, 48_000, 1_048_576, 12_400_000]) {
      expect(fileSize(bytes)).toBe(formatSize(bytes));
      expect(formatFileSize(bytes)).toBe(formatSize(bytes));
    }
  });
});
