/**
 * A letter takes well under a second: where it is written in a thread (the web bridge's heavy work, the command
 * line's PDF thread), this limit only stops one that hangs. Apart, so that starting the PDF thread loads nothing else.
 */
export const LETTER_TIME_LIMIT_MS = 2 * 60_000;
