/** Every letter that serves this dispute; the chosen one is pressed. */
import type { TemplateInfo } from '../../../../core/common/api/contract.js';

export function TemplateCatalogue({
  templates,
  chosenId,
  recommendedId,
  onChoose,
}: {
  templates: readonly TemplateInfo[] | null;
  chosenId: string | null;
  recommendedId: string | null;
  onChoose: (template: TemplateInfo) => void;
}) {
  return (
    <section className="catalogue" aria-labelledby="catalogue-titre">
      <h2 id="catalogue-titre">Les lettres pour ce litige</h2>
      {templates === null ? (
        <p className="hint">Chargement du catalogue…</p>
      ) : templates.length === 0 ? (
        <p>Aucune lettre ne correspond encore à ce type de litige.</p>
      ) : (
        <ul className="template-list">
          {templates.map((t) => (
            <li key={t.id}>
              <button type="button" className="template-choice" aria-pressed={t.id === chosenId} onClick={() => onChoose(t)}>
                <span className="template-kind">
                  {t.kindLabel}
                  {t.id === recommendedId && <span className="badge">Conseillée</span>}
                </span>
                <span className="template-title">{t.title}</span>
                <span className="template-description">{t.description}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
