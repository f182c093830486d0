/** Reading the size a user gives to --max-size, and the quality ladder it chooses from. */
import { describe, expect, it } from 'vitest';
import { QUALITY_LADDER, firstFitting, parseSize } from '../../core/node/dossier/budget.js';

describe('parseSize', () => {
  it('reads the forms people type, in decimal units like mail services', () => {
    expect(parseSize('10MB')).toBe(10_000_000);
    expect(parseSize('10Mo')).toBe(10_000_000);
    expect(parseSize('10 Mo')).toBe(10_000_000);
    expect(parseSize('10M')).toBe(10_000_000);
    expect(parseSize('10mb')).toBe(10_000_000);
    expect(parseSize('500KB')).toBe(500_000);
    expect(parseSize('500 ko')).toBe(500_000);
    expect(parseSize('1,5 Mo')).toBe(1_500_000);
    expect(parseSize('2.5MB')).toBe(2_500_000);
    expect(parseSize('2MiB')).toBe(2 * 1024 * 1024);
    expect(parseSize('1G')).toBe(1_000_000_000);
    expect(parseSize('20000')).toBe(20_000);
  });

  it('refuses what is not a size', () => {
    for (const bad of ['', 'dix Mo', '10 XB', '-3MB', '0', 'MB', '10 M B']) expect(parseSize(bad), bad).toBeNull();
  });
});

describe('quality ladder', () => {
  it('goes from print quality (200 dpi) down to 100 dpi, never up', () => {
    expect(QUALITY_LADDER[0]).toEqual({ dpi: 200, quality: 80, mozjpeg: false });
    expect(QUALITY_LADDER.at(-1)?.dpi).toBe(100);
    for (let i = 1; i < QUALITY_LADDER.length; i++) {
      const [a, b] = [QUALITY_LADDER[i - 1], QUALITY_LADDER[i]];
      expect(b && a && b.dpi <= a.dpi && b.quality <= a.quality).toBe(true);
    }
  });

  it('finds the first step that fits, asking for as few estimates as a binary search needs', async () => {
    const sizes = [100, 90, 80, 70, 60, 50, 40, 30, 20];
    const asked: number[] = [];
    const estimate = async (step: number) => {
      asked.push(step);
      return sizes[step] ?? 0;
    };
    expect(await firstFitting(estimate, 65, 1)).toBe(4);
    expect(asked.length).toBeLessThanOrEqual(5);
    expect(await firstFitting(async (s) => sizes[s] ?? 0, 10, 1)).toBeNull();
  });
});
