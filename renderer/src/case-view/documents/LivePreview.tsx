/**
 * The chosen letter's preview on the current draft. When it cannot be drawn yet, says why — without repeating
 * the missing facts already listed above it.
 */
import type { Problem } from '../../draft/problems.js';
import { Progress } from '../../common/Progress.js';
import { useCaseWorkspace } from '../case-workspace.js';
import { LetterPreview } from './LetterPreview.js';
import { ProblemLinks } from './ProblemLinks.js';
import { useLetterPreview } from './use-letter-preview.js';

export function LivePreview({ listed }: { listed: readonly Problem[] | null }) {
  const { caseId, template, draft } = useCaseWorkspace();
  const { preview, error, busy } = useLetterPreview(caseId, template?.id ?? null, draft);
  const known = new Set((listed ?? []).map((p) => p.path));
  const others = preview ? preview.problems.filter((p) => !known.has(p.path)) : [];
  return (
    <div className="live-preview">
      <Progress active={busy && !preview} label="Préparation de l’aperçu…" />
      {error && <p className="error-text">{error}</p>}
      {preview?.document ? (
        <LetterPreview document={preview.document} />
      ) : preview ? (
        <div className="preview-blocked">
          {others.length > 0 ? (
            <>
              <p>L’aperçu apparaîtra quand ces points seront réglés :</p>
              <ProblemLinks problems={others} />
            </>
          ) : (
            <p>L’aperçu apparaîtra dès que les informations ci-dessus seront données.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
