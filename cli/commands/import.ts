import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Command, Io } from '../command.js';
import { parse, UsageError } from '../command.js';
import { CASE_FORMAT } from '../../core/common/case/schema.js';
import { describeValue, factLabel, proposalCurrency } from '../../core/common/import/describe.js';
import { mergeFacts, type ImportProposal, type MergeResult } from '../../core/common/import/proposal.js';
import { formatShortDate } from '../../core/common/format/dates.js';
import { formatAmount } from '../../core/common/format/money.js';
import { plainSpaces } from '../../core/common/format/typography.js';
import { writeFileAtomic } from '../../core/node/atomic-write.js';
import { AMAZON_EU } from '../../core/node/api/new-case.js';
import { beyondLimit, IMPORT_LIMITS, ImportProblem } from '../../core/node/import/problem.js';
import { exhibitEntry } from '../../core/node/import/exhibit.js';

type Draft = Record<string, unknown>;

async function readInput(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImportProblem(path, 'ce n’est pas un fichier ordinaire');
    if (info.size > IMPORT_LIMITS.zipBytes) throw new ImportProblem(path, `le fichier ${beyondLimit(IMPORT_LIMITS.zipBytes)}`);
    return new Uint8Array(await readFile(path));
  } catch (e) {
    if (e instanceof ImportProblem) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImportProblem(path, code === 'ENOENT' ? 'fichier introuvable' : code === 'EACCES' ? 'accès refusé' : `lecture impossible (${code ?? String(e)})`);
  }
}

async function readDraft(path: string): Promise<Draft> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ImportProblem(path, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'dossier introuvable' : 'lecture impossible');
  }
  try {
    const data: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) return data as Draft;
  } catch {
    // reported below
  }
  throw new ImportProblem(path, 'ce n’est pas un dossier Recours (JSON illisible)');
}

/** Copies the imported file into the case's pieces/ folder and adds it to the evidence list. */
async function withExhibit(draft: Draft, casePath: string, source: string, proposal: ImportProposal): Promise<{ draft: Draft; copy: string | null }> {
  const caseDir = dirname(resolve(casePath));
  const evidence = Array.isArray(draft.evidence) ? (draft.evidence as { id?: string; file?: string }[]) : [];
  const inside = relative(caseDir, resolve(source));
  const file = !inside.startsWith('..') && !inside.startsWith('/') ? inside.split('\\').join('/') : `pieces/${basename(source)}`;
  const entry = exhibitEntry(proposal, file, evidence);
  if (!entry) return { draft, copy: null };
  return { draft: { ...draft, evidence: [...evidence, entry] }, copy: file === inside ? null : join(caseDir, file) };
}

function printFacts(io: Io, proposal: ImportProposal, merge?: MergeResult) {
  const currency = proposalCurrency(proposal);
  io.out(`Faits trouvés dans « ${proposal.source} » :`);
  for (const f of proposal.facts) io.out(`  - ${factLabel(f.path)} (${f.path}) : ${plainSpaces(describeValue(f.path, f.value, currency))}\n      lu dans : « ${f.excerpt} »`);
  for (const note of proposal.notes) io.out(`  Note : ${plainSpaces(note)}`);
  if (!merge) return;
  if (merge.added.length > 0) io.out(`Ajouté au dossier : ${merge.added.map((f) => f.path).join(', ')}.`);
  if (merge.same.length > 0) io.out(`Déjà au dossier, identique : ${merge.same.map((f) => f.path).join(', ')}.`);
  for (const c of merge.conflicts) {
    io.out(`Conflit — ${factLabel(c.path)} (${c.path}) : le dossier indique « ${plainSpaces(describeValue(c.path, c.current, currency))} », le fichier « ${plainSpaces(describeValue(c.path, c.proposed, currency))} ». Non modifié : corrigez le dossier vous-même si le fichier a raison.`);
  }
}

export const importCommand: Command = {
  name: 'import',
  usage: `  recours import FICHIER [--order NUMÉRO] [--out DOSSIER.json | --into DOSSIER.json] [--json]
      Lit une commande dans l’export de données Amazon (.zip ou Retail.OrderHistory….csv), un e-mail (.eml) ou une facture PDF.
      Sans --order, un fichier de plusieurs commandes les liste. --out crée un dossier, --into complète un dossier
      (sans rien écraser : les conflits sont affichés) ; le fichier devient une pièce du dossier.`,
  async run(args, io) {
    const { values, positionals } = parse(args, { order: { type: 'string' }, out: { type: 'string' }, into: { type: 'string' }, json: { type: 'boolean' } });
    const [file, extra] = positionals;
    if (!file) throw new UsageError('indiquez le fichier à importer : recours import FICHIER');
    if (extra) throw new UsageError(`argument en trop « ${extra} »`);
    if (values.out && values.into) throw new UsageError('--out et --into s’excluent : choisissez un nouveau dossier ou un dossier existant');
    try {
      // The readers (postal-mime, fflate, pdf.js) are loaded only by this command.
      const { readImport } = await import('../../core/node/import/index.js');
      const outcome = await readImport(await readInput(file), basename(file), values.order !== undefined ? { order: values.order } : {});
      if (outcome.kind === 'orders') {
        if (values.json) io.out(JSON.stringify(outcome, null, 2));
        else {
          io.out(`« ${outcome.source} » contient ${outcome.orders.length} commandes ; choisissez-en une avec --order NUMÉRO :`);
          for (const o of outcome.orders) {
            const more = o.itemCount > 1 ? ` (+ ${o.itemCount - 1} article${o.itemCount > 2 ? 's' : ''})` : '';
            io.out(`  ${o.number}  ${o.date ? formatShortDate(o.date) : '??/??/????'}  ${o.total !== null ? plainSpaces(formatAmount(o.total, o.currency)).padStart(12) : '?'.padStart(12)}  ${o.firstItem.slice(0, 60)}${more}`);
          }
        }
        if (values.out || values.into) {
          io.err('Rien n’a été écrit : indiquez la commande à importer avec --order NUMÉRO.');
          return 1;
        }
        return 0;
      }
      const { proposal } = outcome;
      let merge: MergeResult | undefined;
      const target = values.out ?? values.into;
      if (target) {
        let base: Draft;
        if (values.out) {
          if (await stat(values.out).then(() => true, () => false)) throw new ImportProblem(values.out, 'ce fichier existe déjà : il n’a pas été remplacé (utilisez --into pour compléter un dossier)');
          const amazon = proposal.facts.some((f) => f.path === 'order.platform' && f.value === 'Amazon');
          base = { format: CASE_FORMAT, ...(amazon ? { respondent: structuredClone(AMAZON_EU) } : {}) };
        } else {
          base = await readDraft(values.into as string);
        }
        merge = mergeFacts(base, proposal.facts);
        const { draft, copy } = await withExhibit(merge.draft, target, file, proposal);
        if (copy) {
          await mkdir(dirname(copy), { recursive: true });
          await copyFile(file, copy);
        }
        await writeFileAtomic(target, `${JSON.stringify(draft, null, 2)}\n`);
      }
      if (values.json) {
        const currency = proposalCurrency(proposal);
        io.out(JSON.stringify({
          source: proposal.source,
          kind: proposal.kind,
          orderNumber: proposal.orderNumber,
          facts: proposal.facts.map((f) => ({ ...f, label: factLabel(f.path), text: plainSpaces(describeValue(f.path, f.value, currency)) })),
          notes: proposal.notes,
          ...(merge ? { added: merge.added.map((f) => f.path), same: merge.same.map((f) => f.path), conflicts: merge.conflicts } : {}),
        }, null, 2));
      } else {
        printFacts(io, proposal, merge);
        if (target) io.out(`Dossier écrit : ${target}. Pour voir ce qui reste à compléter : recours check ${target}`);
      }
      return 0;
    } catch (e) {
      if (e instanceof ImportProblem) {
        io.err(`Erreur : ${e.message}. Rien n’a été écrit.`);
        return 1;
      }
      throw e;
    }
  },
};
