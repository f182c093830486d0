/** What every API method works with: the store, the settings, the template catalogue (loaded once), today's date. */
import { ApiError } from '../../common/api/contract.js';
import { loadTemplateRegistry, type TemplateRegistry } from '../template-registry.js';
import type { CompiledTemplate } from '../../common/templates/compile.js';
import type { CaseStore } from '../store/case-store.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { HeavyWork } from './core-modules.js';

export interface ApiContext {
  store: CaseStore;
  settings: SettingsStore;
  registry(): TemplateRegistry;
  template(id: string): CompiledTemplate;
  today(): string;
  now(): Date;
  log(message: string): void;
  /** Letters and dossiers: core's functions, or the host's, which run them off its main thread. */
  heavy: HeavyWork;
}

/** Each template is parsed and compiled once: the live preview must not re-read templates at every keystroke. */
export function templateCatalogue(templatesDir: string | undefined, log: (m: string) => void) {
  let registry: TemplateRegistry | null = null;
  const get = (): TemplateRegistry => {
    registry ??= loadTemplateRegistry(templatesDir, (e) => log(`Modèle ignoré : ${e.message}`));
    return registry;
  };
  return {
    registry: get,
    template(id: string): CompiledTemplate {
      const t = get().get(id);
      if (!t) throw new ApiError({ code: 'not-found', message: `Modèle de courrier « ${id} » introuvable.` });
      return t;
    },
  };
}
