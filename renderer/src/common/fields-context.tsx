/**
 * The fields of a form read and write one object (a case draft, the settings, a journal entry being typed)
 * by path, and show the problems core reported for their path.
 */
import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import { getAt, isFilled } from '../draft/paths.js';
import { fieldId, messageForField, problemsAt, type Problem } from '../draft/problems.js';

interface FieldsValue {
  value: Record<string, unknown>;
  problems: readonly Problem[];
  update: (path: string, value: unknown) => void;
  /** Prefix of the element ids, so that two forms on one screen never share an id. */
  idPrefix: string;
  /** Prefix of the paths the fields announce (data-field-path), when the object is a part of the case. */
  pathPrefix: string;
}

const FieldsContext = createContext<FieldsValue | null>(null);

export function FieldsProvider({
  value,
  problems = [],
  onChange,
  idPrefix = '',
  pathPrefix = '',
  children,
}: {
  value: Record<string, unknown>;
  problems?: readonly Problem[];
  onChange: (path: string, value: unknown) => void;
  idPrefix?: string;
  pathPrefix?: string;
  children: ReactNode;
}) {
  return <FieldsContext.Provider value={{ value, problems, update: onChange, idPrefix, pathPrefix }}>{children}</FieldsContext.Provider>;
}

export interface FieldState {
  id: string;
  path: string;
  /** The path in the case, for « show me this field » (data-field-path). */
  casePath: string;
  value: unknown;
  /** Messages to show now: a field's problems appear once it holds something or the user has left it. */
  messages: string[];
  update: (value: unknown) => void;
  touch: () => void;
  hintId: string;
  messagesId: string;
}

export function useField(path: string): FieldState {
  const context = useContext(FieldsContext);
  if (!context) throw new Error(`Champ « ${path} » hors d’un formulaire.`);
  const [touched, setTouched] = useState(false);
  const value = getAt(context.value, path);
  const reveal = touched || isFilled(value);
  const id = `${context.idPrefix}${fieldId(`${context.pathPrefix}${path}`)}`;
  const unique = useId();
  return {
    id,
    path,
    casePath: `${context.pathPrefix}${path}`,
    value,
    messages: reveal ? problemsAt(context.problems, path).map(messageForField) : [],
    update: (next) => {
      setTouched(true);
      context.update(path, next);
    },
    touch: () => setTouched(true),
    hintId: `${unique}-aide`,
    messagesId: `${unique}-problemes`,
  };
}
