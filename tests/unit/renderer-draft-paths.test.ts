/**
 * The UI edits a case by field path. Clearing a field must remove it (core then says « champ obligatoire
 * manquant », never « ne doit pas être vide » for an optional field left blank), and list items keep their place.
 */
import { describe, expect, it } from 'vitest';
import { getAt, parsePath, setAt } from '../../renderer/src/draft/paths.js';
import { parseAmount } from '../../renderer/src/common/amount.js';

describe('draft paths', () => {
  it('reads the paths core reports problems with', () => {
    expect(parsePath('order.items[0].unitPrice')).toEqual(['order', 'items', 0, 'unitPrice']);
    expect(getAt({ order: { items: [{ unitPrice: 12 }] } }, 'order.items[0].unitPrice')).toBe(12);
  });

  it('writes without touching the original, creating what is missing', () => {
    const draft = { dispute: { type: 'refund' } };
    const next = setAt(draft, 'order.items[0].description', 'Casque');
    expect(next).toEqual({ dispute: { type: 'refund' }, order: { items: [{ description: 'Casque' }] } });
    expect(draft).toEqual({ dispute: { type: 'refund' } });
  });

  it('removes a cleared field, and the group it leaves empty', () => {
    const draft = { order: { carrier: 'DPD' }, letter: { place: 'Lyon', date: '2026-11-25' } };
    expect(setAt(draft, 'order.carrier', undefined)).toEqual({ letter: { place: 'Lyon', date: '2026-11-25' } });
    expect(setAt(draft, 'letter.date', undefined)).toEqual({ order: { carrier: 'DPD' }, letter: { place: 'Lyon' } });
  });

  it('removes a list item without shifting what the user is typing in the others', () => {
    const draft = { contacts: [{ summary: 'a' }, { summary: 'b' }, { summary: 'c' }] };
    expect(setAt(draft, 'contacts[1]', undefined)).toEqual({ contacts: [{ summary: 'a' }, { summary: 'c' }] });
    expect(setAt(draft, 'contacts[1].summary', undefined)).toEqual({ contacts: [{ summary: 'a' }, {}, { summary: 'c' }] });
    expect(setAt({ contacts: [{ summary: 'a' }] }, 'contacts[0]', undefined)).toEqual({});
  });
});

describe('amounts typed the French way', () => {
  it('reads commas, spaces and the euro sign, and keeps anything else as typed for core to name', () => {
    expect(parseAmount('849,99')).toBe(849.99);
    expect(parseAmount('1 249,50 €')).toBe(1249.5);
    expect(parseAmount('12.5')).toBe(12.5);
    expect(parseAmount('')).toBeUndefined();
    expect(parseAmount('douze')).toBe('douze');
  });
});
