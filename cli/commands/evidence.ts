import { basename, dirname, resolve } from 'node:path';
import type { Command } from '../command.js';
import { loadCaseOrReport, parse, singleCasePath } from '../command.js';
import { exhibitLabel, exhibitsOf } from '../../core/common/case/exhibits.js';
import { formatShortDate } from '../../core/common/format/dates.js';
import { formatSize } from '../../core/node/evidence/format.js';

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const evidenceCommand: Command = {
  name: 'evidence',
  usage: `  recours evidence DOSSIER.json [--json]
      Liste les pièces : type réel, pages, date, empreinte SHA-256 et problèmes trouvés.
      Code de sortie 0 si toutes les pièces sont reproductibles, 1 sinon.`,
  async run(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } });
    const casePath = singleCasePath(positionals, 'recours evidence DOSSIER.json');
    const caseFile = await loadCaseOrReport(casePath, io.out);
    if (!caseFile) return 1;
    // The evidence readers (sharp, file-type, ExifReader) load only when this command runs.
    const { inspectEvidenceFile } = await import('../../core/node/evidence/index.js');
    const caseDir = dirname(resolve(casePath));
    const entries = caseFile.evidence ?? [];
    const exhibits = exhibitsOf(caseFile);
    const reports = await Promise.all(
      exhibits.map((e, i) => inspectEvidenceFile(resolve(caseDir, e.file), { name: entries[i]?.originalName ?? basename(e.file) })),
    );
    const unusable = reports.filter((r) => r.unreadable !== undefined).length;
    if (values.json) {
      io.out(JSON.stringify(exhibits.map((e, i) => ({ number: e.number, key: e.key, title: e.title, file: e.file, ...reports[i] })), null, 2));
      return unusable > 0 ? 1 : 0;
    }
    if (exhibits.length === 0) {
      io.out(`Le dossier « ${casePath} » ne cite aucune pièce (champ evidence).`);
      return 0;
    }
    exhibits.forEach((e, i) => {
      const r = reports[i];
      if (!r) return;
      const name = entries[i]?.originalName ?? basename(e.file);
      const date = e.date ?? r.takenAt;
      io.out(`${capitalised(exhibitLabel(e.number))} — ${e.title} (clé « ${e.key} »)`);
      io.out(`  Fichier : ${name}${r.size > 0 ? ` — ${r.label}, ${formatSize(r.size)}` : ''}`);
      const facts = [
        `pages : ${r.pages ?? '—'}`,
        `date : ${date ? `${formatShortDate(date)}${!e.date && r.takenAt ? ' (prise de vue)' : ''}` : '—'}`,
      ];
      io.out(`  ${capitalised(facts.join(' ; '))}`);
      io.out(`  SHA-256 : ${r.sha256 || '—'}`);
      for (const problem of r.problems) io.out(`  ${problem === r.unreadable ? 'Non reproductible' : 'Attention'} : ${problem}`);
    });
    io.out(unusable === 0 ? `${exhibits.length} pièce(s), toutes reproductibles.` : `${exhibits.length} pièce(s), dont ${unusable} non reproductible(s).`);
    return unusable > 0 ? 1 : 0;
  },
};
