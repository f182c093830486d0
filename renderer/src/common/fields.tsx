/**
 * Form fields bound to a path of the surrounding FieldsProvider: a real <label>, an optional hint, and the
 * problems for that path right under the input, announced politely and linked with aria-describedby.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { amountText, parseAmount } from './amount.js';
import { useField, type FieldState } from './fields-context.js';

interface CommonProps {
  path: string;
  label: string;
  hint?: string;
  required?: boolean;
  className?: string;
}

function describedBy(field: FieldState, hint: string | undefined): string {
  return [hint ? field.hintId : '', field.messagesId].filter(Boolean).join(' ');
}

export function inputProps(field: FieldState, hint: string | undefined) {
  return {
    id: field.id,
    'data-field-path': field.casePath,
    'aria-describedby': describedBy(field, hint),
    'aria-invalid': field.messages.length > 0 ? true : undefined,
    onBlur: field.touch,
  } as const;
}

/** Label, hint, the input given as children, and the problems under it: the frame of every field. */
export function FieldShell({ field, label, hint, required, className, children, extraMessages = [] }: Omit<CommonProps, 'path'> & { field: FieldState; children: ReactNode; extraMessages?: readonly string[] }) {
  const messages = [...new Set([...field.messages, ...extraMessages])];
  return (
    <div className={`field ${messages.length > 0 ? 'field-has-problem' : ''} ${className ?? ''}`}>
      <label htmlFor={field.id}>
        {label}
        {required && <span className="required"> (obligatoire)</span>}
      </label>
      {hint && (
        <p className="hint" id={field.hintId}>
          {hint}
        </p>
      )}
      {children}
      <div className="field-problems" id={field.messagesId} aria-live="polite">
        {messages.map((m) => (
          <p key={m}>{m}</p>
        ))}
      </div>
    </div>
  );
}

/** Text: an empty field is removed from the draft (never saved as ""). */
export function TextField(props: CommonProps & { type?: 'text' | 'email' | 'tel'; autoComplete?: string; placeholder?: string }) {
  const field = useField(props.path);
  return (
    <FieldShell field={field} {...props}>
      <input
        {...inputProps(field, props.hint)}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete ?? 'off'}
        placeholder={props.placeholder}
        value={typeof field.value === 'string' ? field.value : field.value === undefined ? '' : String(field.value)}
        onChange={(e) => field.update(e.target.value === '' ? undefined : e.target.value)}
      />
    </FieldShell>
  );
}

export function TextAreaField(props: CommonProps & { rows?: number }) {
  const field = useField(props.path);
  return (
    <FieldShell field={field} {...props}>
      <textarea
        {...inputProps(field, props.hint)}
        rows={props.rows ?? 4}
        value={typeof field.value === 'string' ? field.value : ''}
        onChange={(e) => field.update(e.target.value === '' ? undefined : e.target.value)}
      />
    </FieldShell>
  );
}

/** Said instead of « champ obligatoire » when the browser holds a date that does not exist (30 février). */
export const IMPOSSIBLE_DATE = 'Cette date n’existe pas : vérifiez le jour et le mois (un 30 février, un 31 avril…).';

/**
 * A calendar date (the browser's date picker), saved as YYYY-MM-DD. A date that does not exist leaves the input
 * empty for the page (badInput): it is then named as such, and the date saved before is kept.
 */
export function DateField(props: CommonProps) {
  const field = useField(props.path);
  const [impossible, setImpossible] = useState(false);
  const check = (input: HTMLInputElement) => {
    const bad = input.validity.badInput;
    setImpossible(bad);
    return bad;
  };
  const shown: FieldState = impossible ? { ...field, messages: [IMPOSSIBLE_DATE] } : field;
  return (
    <FieldShell field={shown} {...props}>
      <input
        {...inputProps(shown, props.hint)}
        type="date"
        value={impossible || typeof field.value !== 'string' ? '' : field.value}
        onBlur={(e) => {
          check(e.target);
          field.touch();
        }}
        onChange={(e) => {
          if (check(e.target)) return;
          field.update(e.target.value === '' ? undefined : e.target.value);
        }}
      />
    </FieldShell>
  );
}

/** An amount in euros, typed the French way. Keeps the user's text while it means the saved number. */
export function AmountField(props: CommonProps) {
  const field = useField(props.path);
  const [text, setText] = useState(() => amountText(field.value));
  useEffect(() => {
    // Follow a change made elsewhere (reload, another field), not the echo of what is being typed.
    setText((current) => (parseAmount(current) === field.value ? current : amountText(field.value)));
  }, [field.value]);
  return (
    <FieldShell field={field} {...props}>
      <span className="input-with-unit">
        <input
          {...inputProps(field, props.hint)}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          placeholder="1 299,90"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            field.update(parseAmount(e.target.value));
          }}
        />
        <span aria-hidden="true">€</span>
      </span>
    </FieldShell>
  );
}

/** A whole number (quantity, days). */
export function IntegerField(props: CommonProps & { min?: number; max?: number }) {
  const field = useField(props.path);
  return (
    <FieldShell field={field} {...props}>
      <input
        {...inputProps(field, props.hint)}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        step={1}
        value={typeof field.value === 'number' ? field.value : typeof field.value === 'string' ? field.value : ''}
        onChange={(e) => {
          const raw = e.target.value;
          field.update(raw === '' ? undefined : /^-?\d+(?:\.\d+)?$/.test(raw) ? Number(raw) : raw);
        }}
      />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: CommonProps & { options: readonly Option[]; emptyLabel?: string }) {
  const field = useField(props.path);
  const value = typeof field.value === 'string' ? field.value : '';
  return (
    <FieldShell field={field} {...props}>
      <select {...inputProps(field, props.hint)} value={value} onChange={(e) => field.update(e.target.value === '' ? undefined : e.target.value)}>
        {(value === '' || !props.required) && <option value="">{props.emptyLabel ?? '— choisir —'}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A yes/no fact: unchecked removes it from the draft. */
/** A yes / no / not known fact (« renewal notice received »): the empty choice removes it. */
export function YesNoField(props: CommonProps & { yes: string; no: string }) {
  const field = useField(props.path);
  const value = field.value === true ? 'oui' : field.value === false ? 'non' : '';
  return (
    <FieldShell field={field} {...props}>
      <select {...inputProps(field, props.hint)} value={value} onChange={(e) => field.update(e.target.value === 'oui' ? true : e.target.value === 'non' ? false : undefined)}>
        <option value="">— je ne sais pas —</option>
        <option value="oui">{props.yes}</option>
        <option value="non">{props.no}</option>
      </select>
    </FieldShell>
  );
}

export function CheckboxField(props: CommonProps) {
  const field = useField(props.path);
  return (
    <div className={`field field-checkbox ${props.className ?? ''}`}>
      <input
        {...inputProps(field, props.hint)}
        type="checkbox"
        checked={field.value === true}
        onChange={(e) => field.update(e.target.checked ? true : undefined)}
      />
      <label htmlFor={field.id}>{props.label}</label>
      {props.hint && (
        <p className="hint" id={field.hintId}>
          {props.hint}
        </p>
      )}
      <div className="field-problems" id={field.messagesId} aria-live="polite">
        {field.messages.map((m) => (
          <p key={m}>{m}</p>
        ))}
      </div>
    </div>
  );
}
