/**
 * Everything the tabs of an open case share: the draft being typed (auto-saved), the problems core found in it,
 * the stored parts (pieces, documents), the letter chosen for the preview, and « show me this field ».
 */
import { createContext, useContext } from 'react';
import type { StoredCase, TemplateInfo } from '../../../core/common/api/contract.js';
import type { Draft } from '../draft/paths.js';
import type { Problem } from '../draft/problems.js';
import type { SaveState } from '../draft/use-auto-save.js';

export interface CaseWorkspace {
  caseId: string;
  stored: StoredCase;
  draft: Draft;
  problems: readonly Problem[];
  saveState: SaveState;
  update: (path: string, value: unknown) => void;
  /** Waits until the draft on screen is saved: before anything core does from the stored case. */
  flush: () => Promise<void>;
  /** Takes a case core changed itself (pieces added, letter sent), keeping what the user is typing. */
  adoptStored: (stored: StoredCase, draftKeys: readonly string[]) => void;
  /** The letter chosen in « Documents »: its missing facts and preview follow the draft. */
  template: TemplateInfo | null;
  chooseTemplate: (template: TemplateInfo | null) => void;
  /** Opens the tab that holds a field and puts the focus in it. */
  showField: (path: string) => void;
}

export const CaseWorkspaceContext = createContext<CaseWorkspace | null>(null);

export function useCaseWorkspace(): CaseWorkspace {
  const workspace = useContext(CaseWorkspaceContext);
  if (!workspace) throw new Error('Onglet hors d’un dossier ouvert.');
  return workspace;
}
