/** Minimal typings for `linebreak` 1.1 (Unicode UAX #14 line-break opportunities). */
declare module 'linebreak' {
  export interface Break {
    /** Index (UTF-16) just after the break opportunity. */
    position: number;
    /** True for a mandatory break (LF, CR, line/paragraph separators). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    /** Next break opportunity, or null at the end of the text. */
    nextBreak(): Break | null;
  }
}
