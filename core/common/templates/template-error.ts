/** An error in a template, located by template, line and column (1-based) for the person editing it. */
export class TemplateError extends Error {
  constructor(
    readonly templateId: string,
    readonly detail: string,
    readonly line?: number,
    readonly column?: number,
    /** Which part of the template file: the body, or a header field such as « subject ». */
    readonly part = 'corps',
  ) {
    const where = line !== undefined ? `, ligne ${line}${column !== undefined ? `, colonne ${column}` : ''}` : '';
    const partText = part === 'corps' ? '' : ` (champ « ${part} » de l’en-tête)`;
    super(`Modèle « ${templateId} »${partText}${where} : ${detail}`);
    this.name = 'TemplateError';
  }
}
