/**
 * « Faits »: every fact a letter may need, in the sections of app/field-routes.ts. The sections the dispute usually
 * needs come first and open; the others stay folded until they hold something (a link to one of their fields
 * opens them). Every field saves as it is typed and shows core's problems for it underneath; with a letter chosen,
 * its preview follows alongside.
 */
import { useId, type ReactNode } from 'react';
import { FACTS_SECTIONS, SECTION_DATA, SECTIONS_FOR_DISPUTE, type FactsSection } from '../../app/field-routes.js';
import type { DisputeType } from '../../../../core/common/case/schema.js';
import { FieldsProvider } from '../../common/fields-context.js';
import { Section } from '../../common/Section.js';
import { getAt, isFilled } from '../../draft/paths.js';
import { useCaseWorkspace } from '../case-workspace.js';
import { LivePreviewPanel } from '../documents/LivePreviewPanel.js';
import { SECTION_VIEWS } from './FactsSections.js';
import { ProblemSummary } from './ProblemSummary.js';

/** Always shown open: every case has them. */
const ALWAYS_OPEN: readonly FactsSection[] = ['probleme', 'vous', 'destinataire', 'lettre'];
const PARTIES: readonly FactsSection[] = ['commande', 'vous', 'destinataire'];
/** Le problème, then what this dispute needs, then the parties, then the rest, and the letter last. */
export function sectionOrder(disputeType: unknown): FactsSection[] {
  const relevant = SECTIONS_FOR_DISPUTE[disputeType as DisputeType] ?? ['commande'];
  const rest = FACTS_SECTIONS.map((s) => s.id).filter((id) => id !== 'probleme' && id !== 'lettre' && !relevant.includes(id));
  const parties = rest.filter((id) => PARTIES.includes(id));
  const others = rest.filter((id) => !parties.includes(id));
  return ['probleme', ...relevant, ...parties, ...others, 'lettre'];
}

function FoldedSection({ title, open, id, children }: { title: string; open: boolean; id: FactsSection; children: ReactNode }) {
  const headingId = useId();
  return (
    <details className="section-details" open={open || undefined} data-section={id}>
      <summary>
        <h2 id={headingId}>{title}</h2>
      </summary>
      <div className="field-grid" role="group" aria-labelledby={headingId}>
        {children}
      </div>
    </details>
  );
}

export function FactsTab() {
  const { draft, problems, update, template } = useCaseWorkspace();
  const disputeType = getAt(draft, 'dispute.type');
  const relevant = SECTIONS_FOR_DISPUTE[disputeType as DisputeType] ?? ['commande'];
  return (
    <div className={`facts-layout ${template ? 'with-preview' : ''}`}>
      <div className="facts-form">
        <ProblemSummary />
        <FieldsProvider value={draft} problems={problems} onChange={update}>
          {sectionOrder(disputeType).map((id) => {
            const title = FACTS_SECTIONS.find((s) => s.id === id)?.title ?? id;
            const View = SECTION_VIEWS[id];
            if (ALWAYS_OPEN.includes(id)) {
              return (
                <Section key={id} title={title}>
                  <View />
                </Section>
              );
            }
            const open = relevant.includes(id) || SECTION_DATA[id].some((p) => isFilled(getAt(draft, p)));
            return (
              <FoldedSection key={id} id={id} title={title} open={open}>
                <View />
              </FoldedSection>
            );
          })}
        </FieldsProvider>
      </div>
      <LivePreviewPanel />
    </div>
  );
}
