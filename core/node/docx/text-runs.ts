import { NoBreakHyphen, Tab, TextRun } from 'docx';
import type { Run } from '../../common/document/model.js';

interface Emphasis {
  bold?: boolean;
  italic?: boolean;
}

/**
 * One model run as Word runs. The text is written character for character (no-break spaces, « », ’ stay as they are;
 * docx escapes what XML needs); a line feed becomes a line break and a tab a real tab.
 */
export function textRuns(run: Run): TextRun[] {
  const emphasis = {
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
  };
  if (!/[\t\n\r]|\d-\d/.test(run.text)) return [new TextRun({ text: run.text, ...emphasis })];

  // Strings are never given as `children`: docx would turn a part reading « CURRENT » into a page-number field.
  const out: TextRun[] = [];
  run.text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((line, lineIndex) => {
      let lineBreak = lineIndex > 0;
      const breakOption = () => {
        const option = lineBreak ? { break: 1 } : {};
        lineBreak = false;
        return option;
      };
      line.split('\t').forEach((part, partIndex) => {
        if (partIndex > 0) out.push(new TextRun({ children: [new Tab()], ...emphasis, ...breakOption() }));
        // A hyphen between digits (order numbers such as 402-1234567-8901234) never ends a line.
        part.split(/(?<=\d)-(?=\d)/).forEach((piece, pieceIndex) => {
          if (pieceIndex > 0) out.push(new TextRun({ children: [new NoBreakHyphen()], ...emphasis }));
          if (piece !== '' || lineBreak) out.push(new TextRun({ text: piece, ...emphasis, ...breakOption() }));
        });
      });
    });
  return out;
}

/** Model runs as Word runs, in order. */
export function runsToDocx(runs: readonly Run[]): TextRun[] {
  return runs.flatMap(textRuns);
}

/** A plain string with an optional emphasis, as Word runs. */
export function plainRuns(text: string, emphasis: Emphasis = {}): TextRun[] {
  return textRuns({ text, ...emphasis });
}
