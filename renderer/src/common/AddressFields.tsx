/** A postal address: two lines (street, complement), postal code, city, country. */
import { FieldShell, inputProps, TextField } from './fields.js';
import { useField } from './fields-context.js';

function AddressLine({ base, index, label, lines, hint, required }: { base: string; index: number; label: string; lines: string[]; hint?: string; required: boolean }) {
  const whole = useField(`${base}.lines`);
  const field = useField(`${base}.lines[${index}]`);
  return (
    <FieldShell field={field} label={label} hint={hint} required={required} className="field-wide" extraMessages={index === 0 ? whole.messages : []}>
      <input
        {...inputProps(field, hint)}
        data-field-path={index === 0 ? whole.casePath : field.casePath}
        type="text"
        autoComplete="off"
        value={lines[index] ?? ''}
        onChange={(e) => {
          const next = [...lines];
          next[index] = e.target.value;
          for (let i = 0; i < next.length; i += 1) next[i] ??= '';
          // Trailing empty lines are dropped; an empty first line before a filled second one is kept, for core to report.
          while (next.length > 0 && (next[next.length - 1] ?? '') === '') next.pop();
          field.touch();
          whole.update(next.length > 0 ? next : undefined);
        }}
      />
    </FieldShell>
  );
}

export function AddressFields({ base, required = true }: { base: string; required?: boolean }) {
  const whole = useField(`${base}.lines`);
  const lines = Array.isArray(whole.value) ? whole.value.map((l) => (typeof l === 'string' ? l : '')) : [];
  return (
    <>
      <AddressLine base={base} index={0} label="Adresse" lines={lines} hint="Numéro et rue" required={required} />
      <AddressLine base={base} index={1} label="Complément d’adresse" lines={lines} hint="Bâtiment, appartement, boîte postale…" required={false} />
      <TextField path={`${base}.postalCode`} label="Code postal" required={required} autoComplete="off" />
      <TextField path={`${base}.city`} label="Ville" required={required} />
      <TextField path={`${base}.country`} label="Pays" hint="Seulement s’il n’est pas la France" />
    </>
  );
}
