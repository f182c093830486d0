/**
 * The folder a file sits in says which runtime it may touch: lint enforces it, and this test proves that
 * the lint rules really refuse a forbidden import (a rule that never fires would pass silently).
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('import boundaries', () => {
  it('core/common may not use Node built-ins', async () => {
    expect(await errorsFor('core/common/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([
      "'node:fs' import is restricted from being used by a pattern. core/common tourne partout : pas de module Node.",
    ]);
  });
  it('core/common may not use the DOM or Node globals', async () => {
    expect(await errorsFor('core/common/x.ts', 'export const x = () => document.title + process.cwd();\n')).toHaveLength(2);
  });
  it('core/common may not depend on core/node', async () => {
    expect(await errorsFor('core/common/letter/x.ts', "import { loadLetterFonts } from '../../node/fonts.js';\nexport const x = loadLetterFonts;\n")).toHaveLength(1);
  });
  it('core may not import Electron or React', async () => {
    expect(await errorsFor('core/node/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([
      "'electron' import is restricted from being used by a pattern. Electron n’est permis que dans electron/.",
    ]);
    expect(await errorsFor('core/common/x.ts', "import React from 'react';\nexport const x = React;\n")).toEqual([
      "'react' import is restricted from being used by a pattern. React n’est permis que dans renderer/.",
    ]);
    expect(await errorsFor('cli/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
  });
  it('core/node may use Node built-ins', async () => {
    expect(await errorsFor('core/node/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([]);
  });
});
