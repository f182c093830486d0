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

function inputProps(field: FieldState, hint: string | undefined) {
  return {
    id: field.id,
    'data-field-path': field.casePath,
    'aria-describedby': describedBy(field, hint),
    'aria-invalid': field.messages.length > 0 ? true : undefined,
    onBlur: field.touch,
  } as const;
}

function FieldShell({ field, label, hint, required, className, children }: Omit<CommonProps, 'path'> & { field: FieldState; children: ReactNode }) {
  return (
    <div className={`field ${field.messages.length > 0 ? 'field-has-problem' : ''} ${className ?? ''}`}>
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
        {field.messages.map((m) => (
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

/** A calendar date (the browser's date picker), saved as YYYY-MM-DD. */
export function DateField(props: CommonProps) {
  const field = useField(props.path);
  return (
    <FieldShell field={field} {...props}>
      <input
        {...inputProps(field, props.hint)}
        type="date"
        value={typeof field.value === 'string' ? field.value : ''}
        onChange={(e) => field.update(e.target.value === '' ? undefined : e.target.value)}
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
