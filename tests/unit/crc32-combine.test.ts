import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Combine } from '../../core/node/docx/zip-archive.js';

describe('crc32Combine', () => {
  it('gives the CRC-32 of A then B from the CRCs of A and B and the length of B', () => {
    const lengths = [0, 1, 2, 3, 7, 8, 31, 32, 33, 255, 256, 1000, 4096, 65537, 380100];
    for (let i = 0; i < 40; i++) lengths.push(Math.floor(Math.random() * 200_000));
    for (const lengthB of lengths) {
      const lengthA = [0, 1, 32, Math.floor(Math.random() * 5000)][lengthB % 4]!;
      const whole = randomBytes(lengthA + lengthB);
      const [a, b] = [whole.subarray(0, lengthA), whole.subarray(lengthA)];
      expect(crc32Combine(crc32(a), crc32(b), lengthB), `${lengthA} + ${lengthB}`).toBe(crc32(whole));
    }
  });

  it('agrees with zip’s check value ("123456789" → CBF43926) however the bytes are split', () => {
    const bytes = new TextEncoder().encode('123456789');
    for (let at = 0; at <= bytes.length; at++) {
      expect(crc32Combine(crc32(bytes.subarray(0, at)), crc32(bytes.subarray(at)), bytes.length - at)).toBe(0xcbf43926);
    }
  });
});
