/** Shown while Réglages holds no sender: typed once there, the identity fills every new case. */
export function SettingsSuggestion() {
  return (
    <p className="notice settings-suggestion">
      Astuce : indiquez votre nom et votre adresse dans les <a href="#/reglages">Réglages</a> ; ils seront repris dans chaque nouveau dossier.
    </p>
  );
}
