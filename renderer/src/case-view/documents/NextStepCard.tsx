/** The document Recours recommends next, first on the tab: why, and what to watch. */
import type { NextStepInfo } from '../../../../core/common/api/contract.js';
import { ProblemLinks } from './ProblemLinks.js';

export function NextStepCard({ step, onPrepare, chosen }: { step: NextStepInfo | null; onPrepare: () => void; chosen: boolean }) {
  if (!step) return <section className="next-step" aria-busy="true" aria-label="Prochaine étape conseillée" />;
  return (
    <section className="next-step" aria-labelledby="etape-titre">
      <h2 id="etape-titre">Prochaine étape conseillée</h2>
      <p className="next-step-label">{step.label}</p>
      <p>{step.reason}</p>
      {step.waitingFor && step.waitingFor.length > 0 && (
        <div className="next-step-waiting">
          <p>En attente de :</p>
          <ProblemLinks problems={step.waitingFor} />
        </div>
      )}
      {step.warnings.length > 0 && (
        <ul className="warnings">
          {step.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {step.templateId && !chosen && (
        <button type="button" className="button-primary" onClick={onPrepare}>
          Préparer cette lettre
        </button>
      )}
    </section>
  );
}
