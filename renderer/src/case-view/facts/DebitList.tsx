/**
 * A list of sums debited (the subscription's charges, the contested operations): date, amount, label; « Ajouter »
 * puts the focus in the new line's date. The « Ajouter » button carries the list's path, so that a link to a list
 * still empty lands on it.
 */
import { AmountField, DateField, TextField } from '../../common/fields.js';
import { focusField } from '../../draft/focus-field.js';
import { getAt } from '../../draft/paths.js';
import { useCaseWorkspace } from '../case-workspace.js';

export function DebitList({ base, legend, itemLabel, addLabel }: { base: string; legend: string; itemLabel: string; addLabel: string }) {
  const { draft, update } = useCaseWorkspace();
  const raw = getAt(draft, base);
  const items = Array.isArray(raw) ? raw : [];
  const add = () => {
    update(`${base}[${items.length}]`, {});
    const path = `${base}[${items.length}].date`;
    // The new line exists once React has rendered it.
    setTimeout(() => focusField(document, path), 0);
  };
  return (
    <fieldset className="items field-wide">
      <legend>{legend}</legend>
      {items.length > 0 && (
        <ol className="item-list">
          {items.map((_item, index) => (
            <li key={index} className="item-row">
              <DateField path={`${base}[${index}].date`} label={`${itemLabel} ${index + 1} : date`} required />
              <AmountField path={`${base}[${index}].amount`} label="Montant (€)" required />
              <TextField path={`${base}[${index}].label`} label="Libellé sur le relevé" />
              <button type="button" className="button-quiet" onClick={() => update(`${base}[${index}]`, undefined)} aria-label={`Retirer : ${itemLabel.toLocaleLowerCase('fr-FR')} ${index + 1}`}>
                Retirer
              </button>
            </li>
          ))}
        </ol>
      )}
      <p className="items-footer">
        <button type="button" className="button-secondary" data-field-path={base} onClick={add}>
          {addLabel}
        </button>
      </p>
    </fieldset>
  );
}
