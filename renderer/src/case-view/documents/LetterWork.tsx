/** The chosen letter at work: what it still needs, optionally the production buttons, and its live preview. */
import type { ReactNode } from 'react';
import { useCaseWorkspace } from '../case-workspace.js';
import { ClosedRemedy } from './ClosedRemedy.js';
import { LivePreview } from './LivePreview.js';
import { MissingFacts } from './MissingFacts.js';
import { useMissingFacts } from './use-missing-facts.js';

/** `preview: false` for a text pasted into a form: its actions show the text itself, not a laid-out letter. */
export function LetterWork({ actions, preview = true }: { actions?: ReactNode; preview?: boolean }) {
  const { caseId, template, draft, chooseTemplate } = useCaseWorkspace();
  const { problems, conditions, error } = useMissingFacts(caseId, template?.id ?? null, draft);
  return (
    <>
      <ClosedRemedy conditions={conditions} onChoose={chooseTemplate} />
      <MissingFacts problems={problems} error={error} closed={conditions.length > 0} />
      {actions}
      {preview && actions && <h3>Aperçu</h3>}
      {preview && <LivePreview listed={problems} />}
    </>
  );
}
