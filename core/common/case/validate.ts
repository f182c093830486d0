/** Validation of a case with every problem reported in French, with the field path. */
import type { z } from 'zod';
import { caseSchema, CASE_FORMAT, type CaseFile } from './schema.js';
import { fieldLabel, formatPath } from './labels.js';
import { caseLimitProblems } from './limits.js';
import { parseContext } from './parse-context.js';

export interface Problem {
  /** Path of the field, e.g. "order.items[0].unitPrice" ("" for the whole case). */
  path: string;
  /** French message for the user, naming the field. */
  message: string;
}

export type CaseValidation = { ok: true; value: CaseFile; problems: [] } | { ok: false; problems: Problem[] };

const TYPE_NAMES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  boolean: 'vrai ou faux (true / false)',
  array: 'une liste',
  object: 'un objet { … }',
  record: 'un objet { … }',
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function quote(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return `« ${s && s.length > 60 ? `${s.slice(0, 57)}…` : s} »`;
}

/** What is wrong with one value, in French, without naming the field (the caller names it). */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const value = valueAt(data, issue.path);
  const params = (issue as { params?: { kind?: string } }).params;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'champ obligatoire manquant';
      if (issue.expected === 'number' && typeof value === 'string')
        return `${quote(value)} doit être un nombre (par exemple 1299.90, sans symbole €)`;
      return `doit être ${TYPE_NAMES[issue.expected] ?? issue.expected}, pas ${quote(value)}`;
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? `champ inconnu « ${issue.keys[0]} » (faute de frappe ?)`
        : `champs inconnus ${issue.keys.map((k) => `« ${k} »`).join(', ')} (fautes de frappe ?)`;
    case 'invalid_value':
      if (issue.path.length === 1 && issue.path[0] === 'format')
        return `format de dossier non reconnu ${quote(value)} : attendu « ${CASE_FORMAT} »`;
      return `valeur ${quote(value)} inconnue ; valeurs possibles : ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string') return 'ne doit pas être vide';
      if (issue.origin === 'array') return `doit contenir au moins ${String(issue.minimum)} élément(s)`;
      if (issue.origin === 'number') return issue.minimum === 0 ? 'doit être positif ou nul' : `doit être au moins ${String(issue.minimum)}`;
      return 'valeur trop petite';
    case 'too_big':
      if (issue.origin === 'array') return `doit contenir au plus ${String(issue.maximum)} éléments`;
      return `doit être au plus ${String(issue.maximum)}`;
    case 'invalid_format':
      switch (fieldKind(issue.path)) {
        case 'email':
          return `${quote(value)} n’est pas une adresse e-mail valide`;
        case 'currency':
          return `${quote(value)} n’est pas un code de devise (EUR, USD…)`;
        case 'id':
          return `${quote(value)} : la clé d’une pièce ne contient que des lettres, des chiffres, « - » et « _ »`;
      }
      return `${quote(value)} n’a pas le format attendu`;
    case 'custom':
      switch (params?.kind) {
        case 'date':
          return `${quote(value)} n’est pas une date réelle (format attendu AAAA-MM-JJ, par exemple 2026-11-25)`;
        case 'cents':
          return `${quote(value)} : un montant a au plus deux décimales`;
        case 'amazon-order':
          return `${quote(value)} n’est pas un numéro de commande Amazon (attendu : 3, 7 et 7 chiffres, par exemple 402-1234567-8901234)`;
        default:
          return issue.message;
      }
    case 'not_multiple_of':
      return 'doit être un nombre entier';
    default:
      return issue.message;
  }
}

function fieldKind(path: readonly PropertyKey[]): string {
  const last = String(path[path.length - 1] ?? '');
  if (last === 'email') return 'email';
  if (last === 'currency') return 'currency';
  if (last === 'id' && path[0] === 'evidence') return 'id';
  return '';
}

/** Prefixes the message with the field's French name and its path: « date de commande (order.date) : … ». */
export function problemFromIssue(issue: z.core.$ZodIssue, data: unknown): Problem {
  const path = formatPath(issue.path);
  const label = fieldLabel(issue.path);
  const where = path ? (label ? `${label} (${path})` : path) : 'dossier';
  const message = describeIssue(issue, data);
  return { path, message: `${where[0]?.toUpperCase()}${where.slice(1)} : ${message}` };
}

export function validateCase(data: unknown): CaseValidation {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problems: [{ path: '', message: 'Le dossier doit être un objet JSON { … }.' }] };
  }
  // Limits first: a huge or deep value is refused before the schema walks it.
  const limits = caseLimitProblems(data);
  if (limits.length > 0) return { ok: false, problems: limits };
  const result = caseSchema.safeParse(data, parseContext(caseSchema));
  if (result.success) return { ok: true, value: result.data, problems: [] };
  return { ok: false, problems: result.error.issues.map((i) => problemFromIssue(i, data)) };
}
