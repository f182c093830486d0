/** A letter takes well under a second: where it is written in a worker (the web bridge's heavy work), this limit only stops one that hangs. */
export const LETTER_TIME_LIMIT_MS = 2 * 60_000;
