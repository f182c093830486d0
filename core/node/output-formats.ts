/** The formats a letter is written in. Apart from generate.ts so that parsing `--format` loads nothing else. */
export const OUTPUT_FORMATS = ['pdf', 'docx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
