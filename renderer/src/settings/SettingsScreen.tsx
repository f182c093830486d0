/** « Réglages »: who writes the letters, from where, where documents go, and the e-mail size limit. Saved as typed. */
import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../../core/common/api/contract.js';
import { useApi } from '../api/api-context.js';
import { RecoursApiError, userMessage } from '../api/errors.js';
import { AddressFields } from '../common/AddressFields.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { SelectField, TextField } from '../common/fields.js';
import { FieldsProvider, useField } from '../common/fields-context.js';
import { Progress } from '../common/Progress.js';
import { SaveStatus } from '../common/SaveStatus.js';
import { ScreenTitle } from '../common/ScreenTitle.js';
import { Section } from '../common/Section.js';
import { TITLE_OPTIONS } from '../case-view/options.js';
import { setAt } from '../draft/paths.js';
import { useAutoSave } from '../draft/use-auto-save.js';
import { MEGABYTE, settingsProblems, toSettings } from './settings-form.js';

export function SettingsScreen() {
  const api = useApi();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.getSettings({}).then(
      (s) => live && setSettings(s),
      (e: unknown) => live && setError(userMessage(e, 'la lecture des réglages')),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return (
    <section className="screen settings">
      <ScreenTitle documentTitle="Réglages">Réglages</ScreenTitle>
      <Progress active={!settings && !error} label="Lecture des réglages…" />
      <ErrorMessage message={error} />
      {settings && <SettingsForm initial={settings} />}
    </section>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const api = useApi();
  const save = useCallback(
    async (form: Record<string, unknown>) => {
      if (settingsProblems(form).length > 0) {
        throw new RecoursApiError({ code: 'invalid-request', message: 'Réglages non enregistrés : corrigez le champ signalé.' });
      }
      await api.saveSettings({ settings: toSettings(form) });
    },
    [api],
  );
  const { value, state, change, latest } = useAutoSave<Record<string, unknown>>({ ...initial }, save, { what: 'l’enregistrement des réglages' });
  return (
    <>
      <SaveStatus state={state} />
      <FieldsProvider value={value} problems={settingsProblems(value)} onChange={(path, v) => change(setAt(latest.current, path, v))}>
        <Section title="Vous, l’expéditeur des lettres">
          <p className="hint field-wide">Repris dans chaque nouveau dossier.</p>
          <SelectField path="sender.title" label="Civilité" options={TITLE_OPTIONS} emptyLabel="— non précisée —" />
          <TextField path="sender.firstName" label="Prénom" autoComplete="given-name" />
          <TextField path="sender.lastName" label="Nom" autoComplete="family-name" />
          <AddressFields base="sender.address" required={false} />
          <TextField path="sender.email" label="Adresse e-mail" type="email" autoComplete="email" />
          <TextField path="sender.phone" label="Téléphone" type="tel" autoComplete="tel" />
        </Section>
        <Section title="Lettres et documents">
          <TextField path="defaultPlace" label="Lieu d’écriture par défaut" hint="« Lyon » donne « Lyon, le 25 novembre 2026 »" />
          <TextField path="documentsDir" label="Dossier où copier les documents produits" hint="Chemin complet. Vide : les documents restent seulement dans le dossier de l’affaire." className="field-wide" />
          <MegabytesField path="emailSizeLimit" label="Taille maximale d’un e-mail (Mo)" hint="Au-delà, les pièces sont envoyées à part. 20 Mo conviennent à la plupart des messageries." />
        </Section>
      </FieldsProvider>
    </>
  );
}

/** A size in bytes, typed in megabytes. */
function MegabytesField({ path, label, hint }: { path: string; label: string; hint: string }) {
  const field = useField(path);
  const [text, setText] = useState(() => (typeof field.value === 'number' ? String(Math.round((field.value / MEGABYTE) * 10) / 10).replace('.', ',') : ''));
  return (
    <div className={`field ${field.messages.length > 0 ? 'field-has-problem' : ''}`}>
      <label htmlFor={field.id}>{label}</label>
      <p className="hint" id={field.hintId}>
        {hint}
      </p>
      <input
        id={field.id}
        data-field-path={field.casePath}
        type="text"
        inputMode="decimal"
        aria-describedby={`${field.hintId} ${field.messagesId}`}
        aria-invalid={field.messages.length > 0 || undefined}
        value={text}
        onBlur={field.touch}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value.replace(',', '.'));
          field.update(e.target.value.trim() === '' ? undefined : Number.isFinite(n) && n >= 0 ? Math.round(n * MEGABYTE) : e.target.value);
        }}
      />
      <div className="field-problems" id={field.messagesId} aria-live="polite">
        {field.messages.map((m) => (
          <p key={m}>{m}</p>
        ))}
      </div>
    </div>
  );
}
