/** The settings as the form edits them, and back to what core accepts (every sender field present). */
import type { Settings } from '../../../core/common/api/contract.js';
import type { Problem } from '../draft/problems.js';

export const MEGABYTE = 1024 * 1024;

export function toSettings(form: Record<string, unknown>): Settings {
  const sender = (form.sender ?? null) as Record<string, unknown> | null;
  const address = (sender?.address ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const hasSender = sender !== null && Object.keys(sender).length > 0;
  return {
    sender: hasSender
      ? {
          ...(sender.title === 'M.' || sender.title === 'Mme' ? { title: sender.title } : {}),
          firstName: text(sender.firstName),
          lastName: text(sender.lastName),
          address: {
            lines: Array.isArray(address.lines) ? address.lines.map(text) : [],
            postalCode: text(address.postalCode),
            city: text(address.city),
            ...(text(address.country) ? { country: text(address.country) } : {}),
          },
          ...(text(sender.email) ? { email: text(sender.email) } : {}),
          ...(text(sender.phone) ? { phone: text(sender.phone) } : {}),
        }
      : null,
    defaultPlace: text(form.defaultPlace),
    documentsDir: text(form.documentsDir),
    emailSizeLimit: typeof form.emailSizeLimit === 'number' && Number.isInteger(form.emailSizeLimit) && form.emailSizeLimit >= 0 ? form.emailSizeLimit : 0,
  };
}

export function settingsProblems(form: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const email = (form.sender as Record<string, unknown> | undefined)?.email;
  if (typeof email === 'string' && email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
    problems.push({ path: 'sender.email', message: `Adresse e-mail (sender.email) : « ${email} » n’est pas une adresse e-mail valide` });
  }
  const limit = form.emailSizeLimit;
  if (limit !== undefined && !(typeof limit === 'number' && Number.isInteger(limit) && limit >= 0)) {
    problems.push({ path: 'emailSizeLimit', message: 'Taille maximale (emailSizeLimit) : indiquez un nombre entier de mégaoctets, par exemple 20' });
  }
  return problems;
}
