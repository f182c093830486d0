/**
 * Handlebars' runtime alone (no parser, no compiler): the package's runtime.d.ts declares nothing. Its default
 * export is an environment as the full package's, without the compiling half.
 */
declare module 'handlebars/runtime.js' {
  import type Handlebars from 'handlebars';
  interface HandlebarsRuntime extends Pick<typeof Handlebars, 'template' | 'registerHelper' | 'VERSION'> {
    create(): HandlebarsRuntime;
  }
  const runtime: HandlebarsRuntime;
  export default runtime;
}
