/**
 * The helpers a template may call: small, pure, in French. Arguments arrive protected from the markup
 * (see markup.ts) and are unprotected before use; results that carry user text are protected again.
 */
import type { HelperOptions } from 'handlebars';
import { addDays, addMonths, formatLongDate, formatShortDate, isRealIsoDate } from '../format/dates.js';
import { formatAmount, formatDuration } from '../format/money.js';
import { exhibitLabel } from '../case/exhibits.js';
import { protect, unprotect } from './markup.js';

type Value = unknown;

/** Strings compared as the user typed them (protected markup characters restored); other values unchanged. */
const plain = (v: Value): Value => (typeof v === 'string' ? unprotect(v) : v);

function asDate(helper: string, v: Value): string {
  const s = typeof v === 'string' ? unprotect(v) : '';
  if (!isRealIsoDate(s)) throw new Error(`{{${helper}}} attend une date AAAA-MM-JJ, reçu « ${String(v)} »`);
  return s;
}

function asNumber(helper: string, v: Value): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(unprotect(v)) : NaN;
  if (!Number.isFinite(n)) throw new Error(`{{${helper}}} attend un nombre, reçu « ${String(v)} »`);
  return n;
}

const NUMBER_WORDS = [
  'zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix',
  'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf', 'vingt',
];

/** « quatre », « une » (feminine) up to twenty; digits beyond, as French prose does. */
function countInWords(n: number, gender: 'm' | 'f'): string {
  if (!Number.isInteger(n) || n < 0 || n > 20) return String(n);
  return n === 1 && gender === 'f' ? 'une' : (NUMBER_WORDS[n] ?? String(n));
}

/** Helper functions by name. The last argument Handlebars passes is its options object. */
export const HELPERS: Record<string, (...args: Value[]) => Value> = {
  /** {{date order.date}} → « 3 octobre 2026 » */
  date: (v) => formatLongDate(asDate('date', v)),
  /** {{dateCourte order.date}} → « 03/10/2026 » */
  dateCourte: (v) => formatShortDate(asDate('dateCourte', v)),
  /** {{montant order.total}} → « 1 299,00 € »; {{montant x "USD"}} */
  montant: (v, currency, _options?) =>
    formatAmount(asNumber('montant', v), typeof currency === 'string' ? unprotect(currency) : 'EUR'),
  /** {{jours 14}} → « 14 jours »; {{mois 2}} → « 2 mois » */
  jours: (v) => formatDuration(asNumber('jours', v), 'jour'),
  mois: (v) => formatDuration(asNumber('mois', v), 'mois'),
  /** {{plusJours order.date 30}} → ISO date, to feed {{date …}} */
  plusJours: (d, n) => addDays(asDate('plusJours', d), asNumber('plusJours', n)),
  plusMois: (d, n) => addMonths(asDate('plusMois', d), asNumber('plusMois', n)),
  /** {{piece "facture"}} → « (pièce n° 3) », by the exhibit's stable key */
  piece: function (this: Value, key: Value, options: Value) {
    const root = (options as HelperOptions).data?.root as { evidence?: { key: string; number: number }[] } | undefined;
    const wanted = typeof key === 'string' ? unprotect(key) : String(key);
    const found = root?.evidence?.find((e) => unprotect(e.key) === wanted);
    if (!found) throw new Error(`{{piece}} : aucune pièce de clé « ${wanted} » dans le dossier`);
    return `(${exhibitLabel(found.number)})`;
  },
  /** {{numeroPiece number}} → « pièce n° 3 » inside an {{#each evidence}} */
  numeroPiece: (n) => exhibitLabel(asNumber('numeroPiece', n)),
  /** {{paragraphes dispute.facts}}: keeps the user's blank lines as paragraph breaks */
  paragraphes: (v) => (typeof v === 'string' ? unprotect(v, true).split(/\n\s*\n/).map((p) => protect(p.trim())).filter(Boolean).join('\n\n') : ''),
  /** {{pluriel contacts.length "reprise" "reprises"}} → « 3 reprises », « 1 reprise » */
  pluriel: (n, one, many) => {
    const count = asNumber('pluriel', n);
    return `${count}\u00A0${String(Math.abs(count) >= 2 ? many : one)}`;
  },
  /** {{reprises contacts.length}} → « à une reprise », « à quatre reprises » (in words up to twenty, as French prose writes them) */
  reprises: (n) => {
    const count = asNumber('reprises', n);
    return `à ${countInWords(count, 'f')}\u00A0${Math.abs(count) >= 2 ? 'reprises' : 'reprise'}`;
  },
  /** {{majuscules x}} */
  majuscules: (v) => (typeof v === 'string' ? v.toLocaleUpperCase('fr-FR') : v),
  /** {{#if (egal a b)}}. Case data arrives protected (« non-delivery » has a protected « - »): compare plain text. */
  egal: (a, b) => plain(a) === plain(b),
  /** {{#if (parmi dispute.type "non-delivery" "late-delivery")}} */
  parmi: (v, ...rest) => rest.slice(0, -1).map(plain).includes(plain(v)),
  /** {{de respondent.name}} → « d’Amazon EU S.à r.l. », « de MaisonConfort SAS » (elision before a vowel). */
  de: (v) => {
    if (typeof v !== 'string') return v;
    return /^[aeiouyàâäéèêëîïôöùûü]/iu.test(unprotect(v).trim()) ? `d’${v.trim()}` : `de ${v.trim()}`;
  },
  /** {{citation decision.summary}}: the user's sentence without its final full stop, to sit inside « … ». */
  citation: (v) => (typeof v === 'string' ? protect(unprotect(v).trim().replace(/[.\s]+$/u, '')) : v),
  ou: (...args) => args.slice(0, -1).some(Boolean),
  et: (...args) => args.slice(0, -1).every(Boolean),
  non: (v) => !v,
};

/** Handlebars' own block helpers that templates may use besides ours. */
export const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with'] as const;
