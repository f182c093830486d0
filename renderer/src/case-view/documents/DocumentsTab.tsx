/**
 * « Documents »: the recommended next letter first, then the catalogue for this dispute; for the chosen letter,
 * what it still needs, the buttons to produce it, and its live preview; then the documents already produced.
 */
import { useEffect, useRef, useState } from 'react';
import type { NextStepInfo, TemplateInfo } from '../../../../core/common/api/contract.js';
import { DISPUTE_LABELS } from '../../../../core/common/case/labels.js';
import { useApi } from '../../api/api-context.js';
import { userMessage } from '../../api/errors.js';
import { ErrorMessage } from '../../common/ErrorMessage.js';
import { getAt } from '../../draft/paths.js';
import { useCaseWorkspace } from '../case-workspace.js';
import { DocumentHistory } from './DocumentHistory.js';
import { FormTextPanel } from './FormTextPanel.js';
import { GeneratePanel } from './GeneratePanel.js';
import { LetterWork } from './LetterWork.js';
import { NextStepCard } from './NextStepCard.js';
import { TemplateCatalogue } from './TemplateCatalogue.js';

type DisputeType = keyof typeof DISPUTE_LABELS;

export function DocumentsTab() {
  const api = useApi();
  const { caseId, draft, stored, problems, template, chooseTemplate } = useCaseWorkspace();
  const [step, setStep] = useState<NextStepInfo | null>(null);
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const type = getAt(draft, 'dispute.type');
  const disputeType = typeof type === 'string' && type in DISPUTE_LABELS ? (type as DisputeType) : undefined;
  const sentCount = stored.documents.filter((d) => d.sent).length;
  // A provisional advice is asked again once the case becomes complete.
  const complete = problems.length === 0;

  useEffect(() => {
    let live = true;
    api.nextStep({ id: caseId }).then(
      (s) => live && setStep(s),
      (e: unknown) => live && setError(userMessage(e, 'le conseil de la prochaine étape')),
    );
    return () => {
      live = false;
    };
  }, [api, caseId, sentCount, complete]);

  useEffect(() => {
    let live = true;
    api.listTemplates(disputeType ? { disputeType } : {}).then(
      (list) => live && setTemplates(list),
      (e: unknown) => live && setError(userMessage(e, 'le chargement du catalogue')),
    );
    return () => {
      live = false;
    };
  }, [api, disputeType]);

  // Nothing chosen yet: start on the recommended letter, so that its preview is already there.
  useEffect(() => {
    if (template || !step?.templateId || !templates) return;
    const recommended = templates.find((t) => t.id === step.templateId);
    if (recommended) chooseTemplate(recommended);
  }, [template, step, templates, chooseTemplate]);

  // A letter chosen by the user: the focus goes to its work area (missing facts, production, preview).
  const workTitle = useRef<HTMLHeadingElement>(null);
  const focusWork = useRef(false);
  const choose = (t: TemplateInfo) => {
    focusWork.current = true;
    chooseTemplate(t);
  };
  useEffect(() => {
    if (!focusWork.current || !template) return;
    focusWork.current = false;
    workTitle.current?.focus();
    workTitle.current?.scrollIntoView?.({ block: 'start' });
  }, [template]);

  const recommended = templates?.find((t) => t.id === step?.templateId) ?? null;
  return (
    <div className="documents-layout">
      <div className="documents-choice">
        <ErrorMessage message={error} />
        <NextStepCard step={step} chosen={!!recommended && template?.id === recommended.id} onPrepare={() => recommended && choose(recommended)} />
        <TemplateCatalogue templates={templates} chosenId={template?.id ?? null} recommendedId={step?.templateId ?? null} onChoose={choose} />
        <DocumentHistory />
      </div>
      {template && (
        <section className="documents-work" aria-labelledby="lettre-choisie">
          <h2 id="lettre-choisie" ref={workTitle} tabIndex={-1}>
            {template.title}
          </h2>
          {/* Keyed by letter: the messages and files of one letter never stay under the next. */}
          {template.online ? (
            <LetterWork actions={<FormTextPanel key={template.id} template={template} />} preview={false} />
          ) : (
            <LetterWork actions={<GeneratePanel key={template.id} template={template} />} />
          )}
        </section>
      )}
    </div>
  );
}
