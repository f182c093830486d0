/**
 * The CI gate over electronegativity: a finding passes only if the reviewed allow-list names it with a reason.
 * (The scanner itself runs in `npm run security`; it needs ~15 s waiting for a network it never gets.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, findingsOf, parseAllowList, report } from '../../scripts/electronegativity.js';

const root = new URL('../..', import.meta.url).pathname;

/** The shape electronegativity 1.10.3 writes (trimmed from a real report of this repository). */
const sarif = {
  runs: [
    {
      tool: { driver: { name: 'Electronegativity' } },
      results: [
        { ruleId: 'CSP_GLOBAL_CHECK', level: 'warning', message: { text: 'No CSP has been detected in the target application' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///' }, region: { startLine: 1 } } }] },
        { ruleId: 'OPEN_EXTERNAL_JS_CHECK', level: 'note', message: { text: 'Review the use of openExternal' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'main/web-security.ts' }, region: { startLine: 44 } } }] },
        { ruleId: 'SANDBOX_JS_CHECK', level: 'warning', message: { text: 'Use sandbox for untrusted origins' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'main\\print-document.ts' }, region: { startLine: 20 } } }] },
      ],
    },
  ],
};

const allowList = parseAllowList({
  accepted: [
    { rule: 'CSP_GLOBAL_CHECK', file: 'file:///', reason: 'Set by the protocol handler on every response.' },
    { rule: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/web-security.ts', reason: 'Only https: URLs, parsed, reach openExternal.' },
    { rule: 'NODE_INTEGRATION_JS_CHECK', file: 'main/old-window.ts', reason: 'A window that no longer exists in the code.' },
  ],
});

describe('electronegativity gate', () => {
  it('accepts listed findings, refuses the others, and flags entries that match nothing', () => {
    const result = evaluate(findingsOf(sarif), allowList);
    expect(result.accepted.map((f) => f.rule)).toEqual(['CSP_GLOBAL_CHECK', 'OPEN_EXTERNAL_JS_CHECK']);
    expect(result.rejected).toEqual([
      { rule: 'SANDBOX_JS_CHECK', file: 'main/print-document.ts', line: 20, level: 'warning', message: 'Use sandbox for untrusted origins' },
    ]);
    expect(result.stale.map((a) => a.file)).toEqual(['main/old-window.ts']);
    const text = report(result);
    expect(text).toContain('  REFUSÉ    SANDBOX_JS_CHECK  main/print-document.ts:20  (warning) Use sandbox for untrusted origins');
    expect(text).toContain('  PÉRIMÉ    NODE_INTEGRATION_JS_CHECK  main/old-window.ts  : plus aucun constat ne correspond, retirez l’entrée de la liste');
    expect(text.split('\n').at(-1)).toMatch(/^Contrôle de sécurité Electron en échec : 1 constat\(s\) non acceptés, 1 entrée\(s\) périmée\(s\)\./);
  });

  it('passes when every finding is accepted', () => {
    const result = evaluate(findingsOf({ runs: [{ results: sarif.runs[0]!.results.slice(0, 2) }] }), allowList.slice(0, 2));
    expect(result.rejected).toEqual([]);
    expect(report(result).split('\n').at(-1)).toBe('Contrôle de sécurité Electron réussi : 2 constat(s), tous examinés et acceptés.');
  });

  it('refuses an allow-list entry without a real reason, and a report that is not SARIF', () => {
    expect(() => parseAllowList({ accepted: [{ rule: 'X', file: 'main/a.ts', reason: 'ok' }] })).toThrow(
      'Liste d’acceptation, entrée 1 : il faut « rule », « file » et une « reason » qui explique pourquoi c’est sûr.',
    );
    expect(() => findingsOf({ version: '2.1.0' })).toThrow('Rapport SARIF illisible');
  });

  it('has a reviewed allow-list whose entries name files that exist', () => {
    const list = parseAllowList(JSON.parse(readFileSync(join(root, 'scripts', 'electronegativity-allowlist.json'), 'utf8')));
    expect(list.length).toBeGreaterThan(0);
    for (const entry of list) {
      if (entry.file !== 'file:///') expect(existsSync(join(root, 'electron', entry.file)), entry.file).toBe(true);
    }
  });
});
