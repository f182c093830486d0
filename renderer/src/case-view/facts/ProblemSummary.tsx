/** « 3 points à compléter ou corriger », folded: each one a link to its field. */
import { ProblemLinks } from '../documents/ProblemLinks.js';
import { useCaseWorkspace } from '../case-workspace.js';

export function ProblemSummary() {
  const { problems } = useCaseWorkspace();
  if (problems.length === 0) {
    return <p className="summary-ok">Le dossier est complet et cohérent.</p>;
  }
  return (
    <details className="problem-summary">
      <summary>
        {problems.length === 1 ? '1 point à compléter ou corriger' : `${problems.length} points à compléter ou corriger`}
      </summary>
      <ProblemLinks problems={problems} />
    </details>
  );
}
