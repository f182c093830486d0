/**
 * « La lettre »: where and when it is written, how it is sent, the period asked. Every field is optional: the
 * place defaults to the claimant's city (core does the same when composing), the mode to the one the letter
 * recommends, the period to the letter's own.
 */
import { DateField, IntegerField, SelectField, TextField } from '../../common/fields.js';
import { getAt } from '../../draft/paths.js';
import { useCaseWorkspace } from '../case-workspace.js';
import { SENDING_OPTIONS } from '../options.js';
import { Section } from './Section.js';

export function LetterSection() {
  const { draft } = useCaseWorkspace();
  const city = getAt(draft, 'claimant.address.city');
  const placeHint = typeof city === 'string' && city.trim() ? `Par défaut, votre ville\u00A0: ${city.trim()}` : 'Par défaut, votre ville';
  return (
    <Section title="La lettre">
      <TextField path="letter.place" label="Lieu d’écriture" hint={placeHint} />
      <DateField path="letter.date" label="Date de la lettre" hint="Par défaut, le jour où elle est produite" />
      <SelectField path="letter.sending" label="Mode d’envoi" options={SENDING_OPTIONS} emptyLabel="— celui conseillé pour la lettre —" />
      <TextField path="letter.registeredNumber" label="Numéro de recommandé" />
      <IntegerField path="letter.responseDays" label="Délai de réponse demandé (jours)" min={1} max={90} hint="Par défaut, celui de la lettre choisie" />
    </Section>
  );
}
