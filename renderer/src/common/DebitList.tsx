/**
 * A list of sums debited (the subscription's charges, the contested operations): date, amount, label; « Ajouter »
 * puts the focus in the new line's date. The « Ajouter » button carries the list's path, so that a link to a list
 * still empty lands on it.
 */
import { focusField } from '../draft/focus-field.js';
import { AmountField, DateField, TextField } from './fields.js';
import { useField } from './fields-context.js';

export function DebitList({ base, legend, itemLabel, addLabel }: { base: string; legend: string; itemLabel: string; addLabel: string }) {
  const list = useField(base);
  const items: unknown[] = Array.isArray(list.value) ? list.value : [];
  const add = () => {
    list.update([...items, {}]);
    const path = `${list.casePath}[${items.length}].date`;
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
              <button type="button" className="button-quiet" onClick={() => list.update(items.length > 1 ? items.filter((_x, i) => i !== index) : undefined)} aria-label={`Retirer : ${itemLabel.toLocaleLowerCase('fr-FR')} ${index + 1}`}>
                Retirer
              </button>
            </li>
          ))}
        </ol>
      )}
      <p className="items-footer">
        <button type="button" className="button-secondary" data-field-path={list.casePath} onClick={add}>
          {addLabel}
        </button>
      </p>
    </fieldset>
  );
}
