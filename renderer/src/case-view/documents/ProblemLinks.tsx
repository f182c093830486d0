/**
 * A list of problems, each a link to the field concerned: following it opens the right tab and puts the focus
 * in the field. The link's text is the field's name; the detail follows unless it only says « needed ».
 */
import type { Problem } from '../../draft/problems.js';
import { routeHash } from '../../app/routes.js';
import { tabForPath } from '../../app/field-routes.js';
import { useCaseWorkspace } from '../case-workspace.js';

function split(problem: Problem): { label: string; detail: string } {
  const marker = problem.path ? ` (${problem.path}) : ` : '';
  const at = marker ? problem.message.indexOf(marker) : -1;
  if (at < 0) return { label: problem.message, detail: '' };
  const detail = problem.message.slice(at + marker.length);
  return { label: problem.message.slice(0, at), detail: /^nécessaire pour/.test(detail) ? '' : detail };
}

export function ProblemLinks({ problems }: { problems: readonly Problem[] }) {
  const { caseId, showField } = useCaseWorkspace();
  return (
    <ul className="problem-links">
      {problems.map((problem) => {
        const { label, detail } = split(problem);
        return (
          <li key={`${problem.path}|${problem.message}`}>
            <a
              href={routeHash({ screen: 'case', caseId, tab: tabForPath(problem.path) })}
              onClick={(e) => {
                e.preventDefault();
                showField(problem.path);
              }}
            >
              {label}
            </a>
            {detail && <span> : {detail}</span>}
          </li>
        );
      })}
    </ul>
  );
}
