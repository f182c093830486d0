/** The DOCX writer for letters. */
export { writeLetterDocx } from './letter-docx.js';
export type { WriteLetterDocxOptions } from './letter-docx.js';
export { StyleId } from './styles.js';
