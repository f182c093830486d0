/** Sizes as French readers write them: « 3,4 Mo », « 820 Ko », « 12 octets ». Decimal units (1 Ko = 1 000 octets), like disk makers, mail services and the --max-size option; used by the dossier and by the screens. */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes}\u00a0octet${bytes >= 2 ? 's' : ''}`;
  const units = ['Ko', 'Mo', 'Go', 'To'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.95 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = value < 10 ? 1 : 0;
  // « 3 Mo », not « 3,0 Mo ».
  const text = value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits }).replace(/,0$/, '');
  return `${text}\u00a0${units[unit]}`;
}
