import { AlignmentType, LevelFormat, LevelSuffix } from 'docx';
import type { INumberingOptions } from 'docx';
import { LETTER_FONT_FAMILY } from '../fonts.js';
import { LETTER_GEOMETRY as G, LETTER_LABELS } from '../../common/document/page-geometry.js';
import { twips } from './page-geometry.js';

/** References of the two list definitions, as Word sees them: real numbering, not typed dashes or numbers. */
export const NumberingReference = {
  bullet: 'liste-tirets',
  ordered: 'liste-numerotee',
} as const;

/** The marker at its place from the margin, the text at the list's indent. */
const levelIndent = { left: twips(G.listIndent), hanging: twips(G.listIndent - G.listMarkerLeft) };

/** Bulleted lists use the French dash « – »; numbered lists « 1. », « 2. »… */
export function letterNumbering(): INumberingOptions {
  return {
    config: [
      {
        reference: NumberingReference.bullet,
        levels: [
          {
            level: 0,
            format: LevelFormat.BULLET,
            text: LETTER_LABELS.bullet,
            alignment: AlignmentType.LEFT,
            suffix: LevelSuffix.TAB,
            style: { paragraph: { indent: levelIndent }, run: { font: LETTER_FONT_FAMILY } },
          },
        ],
      },
      {
        reference: NumberingReference.ordered,
        levels: [
          {
            level: 0,
            format: LevelFormat.DECIMAL,
            text: '%1.',
            start: 1,
            alignment: AlignmentType.LEFT,
            suffix: LevelSuffix.TAB,
            style: { paragraph: { indent: levelIndent }, run: { font: LETTER_FONT_FAMILY } },
          },
        ],
      },
    ],
  };
}
