/**
 * Minimal typings for `hyphen` 1.14 (Liang patterns). The package has no `exports` map and is CommonJS:
 * import the language file itself, default export, e.g. `import hy from 'hyphen/fr/index.js'`.
 */
declare module 'hyphen/fr/index.js' {
  export interface HyphenateOptions {
    /** Inserted at every hyphenation point. Default U+00AD. */
    hyphenChar?: string;
    /** Words shorter than this are left alone. Default 5. */
    minWordLength?: number;
    /** Words with explicit points marked by '-'. */
    exceptions?: string[];
  }
  export interface Hyphenator {
    hyphenate(text: string, options?: HyphenateOptions): Promise<string>;
    hyphenateSync(text: string, options?: HyphenateOptions): string;
  }
  const hyphenator: Hyphenator;
  export default hyphenator;
}
