/** The articles of the order: description, quantity, unit price; add and remove lines. */
import { formatAmount } from '../../../../core/common/format/money.js';
import { AmountField, IntegerField, TextField } from '../../common/fields.js';
import { getAt } from '../../draft/paths.js';
import { useCaseWorkspace } from '../case-workspace.js';

export function OrderItems() {
  const { draft, update } = useCaseWorkspace();
  const raw = getAt(draft, 'order.items');
  const items = Array.isArray(raw) ? (raw as Record<string, unknown>[]) : [];
  const sum = items.reduce((s, i) => s + (typeof i.quantity === 'number' && typeof i.unitPrice === 'number' ? i.quantity * i.unitPrice : 0), 0);
  const rows = items.length > 0 ? items : [{}];
  return (
    <fieldset className="items">
      <legend>Articles commandés</legend>
      <ol className="item-list">
        {rows.map((_item, index) => (
          <li key={index} className="item-row">
            <TextField path={`order.items[${index}].description`} label={`Article ${index + 1} : description`} required className="field-wide" />
            <IntegerField path={`order.items[${index}].quantity`} label="Quantité" min={1} required />
            <AmountField path={`order.items[${index}].unitPrice`} label="Prix unitaire (€)" required />
            {items.length > 1 && (
              <button type="button" className="button-quiet" onClick={() => update(`order.items[${index}]`, undefined)} aria-label={`Retirer l’article ${index + 1}`}>
                Retirer
              </button>
            )}
          </li>
        ))}
      </ol>
      <p className="items-footer">
        <button type="button" className="button-secondary" onClick={() => update(`order.items[${rows.length}]`, { quantity: 1 })}>
          Ajouter un article
        </button>
        {sum > 0 && <span className="hint"> Somme des articles : {formatAmount(Math.round(sum * 100) / 100)}</span>}
      </p>
    </fieldset>
  );
}
