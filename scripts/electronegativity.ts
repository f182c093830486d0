/**
 * Security gate for CI (`npm run security`): runs @doyensec/electronegativity on electron/ offline and fails
 * (exit 1) on any finding that is not in the reviewed allow-list with a reason — the scanner itself always
 * exits 0. Also fails when an allow-list entry no longer matches a finding (the list must not outlive the code)
 * and when the scanner did not run or wrote no report.
 *
 *   tsx scripts/electronegativity.ts [--sarif out/electronegativity.sarif]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Finding {
  rule: string;
  file: string;
  line: number;
  level: string;
  message: string;
}

export interface Accepted {
  rule: string;
  file: string;
  reason: string;
}

export interface GateResult {
  accepted: Finding[];
  rejected: Finding[];
  /** Allow-list entries that matched nothing. */
  stale: Accepted[];
}

/** The findings of a SARIF 2.1 report written by electronegativity. */
export function findingsOf(sarif: unknown): Finding[] {
  const runs = (sarif as { runs?: unknown })?.runs;
  if (!Array.isArray(runs)) throw new Error('Rapport SARIF illisible : « runs » absent.');
  const findings: Finding[] = [];
  for (const run of runs) {
    for (const result of (run as { results?: unknown[] }).results ?? []) {
      const r = result as {
        ruleId?: string;
        level?: string;
        message?: { text?: string };
        locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }[];
      };
      const location = r.locations?.[0]?.physicalLocation;
      findings.push({
        rule: r.ruleId ?? '?',
        file: (location?.artifactLocation?.uri ?? '?').replace(/\\/g, '/'),
        line: location?.region?.startLine ?? 0,
        level: r.level ?? '?',
        message: r.message?.text ?? '',
      });
    }
  }
  return findings;
}

/** Reads and checks the allow-list: every entry names a rule, a file and a real reason. */
export function parseAllowList(json: unknown): Accepted[] {
  const list = (json as { accepted?: unknown })?.accepted;
  if (!Array.isArray(list)) throw new Error('Liste d’acceptation illisible : « accepted » absent.');
  return list.map((entry, i) => {
    const e = entry as Partial<Accepted>;
    if (typeof e.rule !== 'string' || typeof e.file !== 'string' || typeof e.reason !== 'string' || e.reason.trim().length < 20) {
      throw new Error(`Liste d’acceptation, entrée ${i + 1} : il faut « rule », « file » et une « reason » qui explique pourquoi c’est sûr.`);
    }
    return { rule: e.rule, file: e.file, reason: e.reason };
  });
}

/** Findings are matched on rule and file (not line, which moves with every edit). */
export function evaluate(findings: readonly Finding[], allowList: readonly Accepted[]): GateResult {
  const matches = (a: Accepted, f: Finding) => a.rule === f.rule && a.file === f.file;
  return {
    accepted: findings.filter((f) => allowList.some((a) => matches(a, f))),
    rejected: findings.filter((f) => !allowList.some((a) => matches(a, f))),
    stale: allowList.filter((a) => !findings.some((f) => matches(a, f))),
  };
}

export function report(result: GateResult): string {
  const lines: string[] = [];
  for (const f of result.accepted) lines.push(`  accepté   ${f.rule}  ${f.file}:${f.line}`);
  for (const f of result.rejected) lines.push(`  REFUSÉ    ${f.rule}  ${f.file}:${f.line}  (${f.level}) ${f.message}`);
  for (const a of result.stale) lines.push(`  PÉRIMÉ    ${a.rule}  ${a.file}  : plus aucun constat ne correspond, retirez l’entrée de la liste`);
  const verdict =
    result.rejected.length === 0 && result.stale.length === 0
      ? `Contrôle de sécurité Electron réussi : ${result.accepted.length} constat(s), tous examinés et acceptés.`
      : `Contrôle de sécurité Electron en échec : ${result.rejected.length} constat(s) non acceptés, ${result.stale.length} entrée(s) périmée(s). ` +
        'Corrigez le code, ou ajoutez le constat à scripts/electronegativity-allowlist.json avec la raison pour laquelle il est sûr.';
  return [...lines, verdict].join('\n');
}

function main(): number {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const flag = process.argv.indexOf('--sarif');
  const sarifPath = resolve(root, flag > 0 ? (process.argv[flag + 1] ?? '') : 'out/electronegativity.sarif');
  mkdirSync(dirname(sarifPath), { recursive: true });
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity');
  // -e: without it the scanner downloads Electron's release list and stops offline.
  // AvailableSecurityFixesGlobalCheck also needs the network; Electron's version is pinned in package.json.
  const args = ['-i', 'electron', '-e', '45.5.0', '-r', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', sarifPath];
  const run = spawnSync(bin, args, { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  if (run.status !== 0 || !existsSync(sarifPath)) {
    process.stderr.write(`electronegativity n’a pas produit de rapport (code ${run.status}).\n${run.stderr ?? ''}\n`);
    return 1;
  }
  const findings = findingsOf(JSON.parse(readFileSync(sarifPath, 'utf8')));
  const allowList = parseAllowList(JSON.parse(readFileSync(join(root, 'scripts', 'electronegativity-allowlist.json'), 'utf8')));
  const result = evaluate(findings, allowList);
  process.stdout.write(`${report(result)}\nRapport SARIF : ${sarifPath}\n`);
  return result.rejected.length === 0 && result.stale.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main();
