/** Beside the chosen letter: why its remedy is not open for this case (core's readiness check), and the letter that serves. */
import type { ConditionInfo, TemplateInfo } from '../../../../core/common/api/contract.js';

export function ClosedRemedy({ conditions, onChoose }: { conditions: readonly ConditionInfo[]; onChoose: (t: TemplateInfo) => void }) {
  if (conditions.length === 0) return null;
  return (
    <section className="closed-remedy" aria-labelledby="recours-ferme">
      <h3 id="recours-ferme">Ce recours n’est pas ouvert pour ce dossier</h3>
      <ul className="warnings">
        {conditions.map((c) => (
          <li key={c.message}>
            {c.message}
            {c.instead && (
              <>
                {' '}
                <button type="button" className="button-secondary" onClick={() => c.instead && onChoose(c.instead)}>
                  Préparer plutôt « {c.instead.title} »
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
