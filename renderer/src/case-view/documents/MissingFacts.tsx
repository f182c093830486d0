/** For the chosen letter: the facts it still needs, each a link to its field. */
import { useId } from 'react';
import type { Problem } from '../../draft/problems.js';
import { ProblemLinks } from './ProblemLinks.js';

export function MissingFacts({ problems, error, closed = false }: { problems: readonly Problem[] | null; error: string | null; closed?: boolean }) {
  const titleId = useId();
  return (
    <section className="missing-facts" aria-labelledby={titleId} aria-live="polite">
      <h3 id={titleId}>Ce qu’il manque pour cette lettre</h3>
      {error && <p className="error-text">{error}</p>}
      {problems === null ? (
        <p className="hint">Vérification…</p>
      ) : problems.length === 0 ? (
        closed ? (
          <p>Rien ne manque, mais le recours de cette lettre n’est pas ouvert (voir ci-dessus).</p>
        ) : (
          <p className="summary-ok">Rien ne manque : la lettre peut être produite.</p>
        )
      ) : (
        <>
          <p>Complétez {problems.length === 1 ? 'cette information' : `ces ${problems.length} informations`} :</p>
          <ProblemLinks problems={problems} />
        </>
      )}
    </section>
  );
}
