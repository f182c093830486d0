/** A reason an evidence file cannot be reproduced, phrased for the user (French, without the file name). */
export class EvidenceProblem extends Error {
  override name = 'EvidenceProblem';
  /** The original is still worth embedding in the PDF as an attachment (a PDF protected by a password). */
  readonly attach: boolean;

  constructor(message: string, options: { attach?: boolean } = {}) {
    super(message);
    this.attach = options.attach === true;
  }
}
