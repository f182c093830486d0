/** Another party who may receive a letter (bank, mediator, conciliator, court, DDPP): name, service, address, e-mail, website. */
import { AddressFields } from './AddressFields.js';
import { TextField } from './fields.js';

export function PartyFields({ base, nameLabel }: { base: string; nameLabel: string }) {
  return (
    <>
      <TextField path={`${base}.name`} label={nameLabel} className="field-wide" />
      <TextField path={`${base}.department`} label="Service" />
      <AddressFields base={`${base}.address`} />
      <TextField path={`${base}.email`} label="Adresse e-mail" type="email" />
      <TextField path={`${base}.website`} label="Site internet" />
    </>
  );
}
