/**
 * The UI's own text follows French typography as the letters do — no-break spaces before : ; ! ? and inside
 * « », « n° 5 », typographic apostrophes — through the very function the letters use (core/common), applied to
 * every text the page shows rather than to each string of each component, so that none is forgotten.
 *
 * A MutationObserver fixes text nodes as React writes them. Idempotent: rewriting a node it already fixed changes
 * nothing, so its own writes end there. Form fields (what the user types) and code are left as they are.
 */
import { frenchTypography } from '../../../core/common/format/typography.js';

const UNTOUCHED = new Set(['TEXTAREA', 'INPUT', 'SCRIPT', 'STYLE', 'CODE', 'PRE']);
/** Attributes a sighted user reads. */
const VISIBLE_ATTRIBUTES = ['placeholder', 'title'] as const;

function fixText(node: Text): void {
  const parent = node.parentElement;
  if (!parent || UNTOUCHED.has(parent.tagName) || parent.isContentEditable) return;
  const text = node.nodeValue ?? '';
  if (!/[:;!?'"«»]|n° /.test(text)) return;
  // Across a node boundary (« dans <a>Documents</a> : … »), the function cannot see the word before: fix the edge here.
  const fixed = frenchTypography(text)
    .replace(/^ :/, '\u00A0:')
    .replace(/^ ([;!?»])/, '\u202F$1')
    .replace(/« $/, '«\u202F');
  if (fixed !== text) node.nodeValue = fixed;
}

function fixElement(element: Element): void {
  for (const name of VISIBLE_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value) {
      const fixed = frenchTypography(value);
      if (fixed !== value) element.setAttribute(name, fixed);
    }
  }
}

function fixTree(root: Node): void {
  if (root.nodeType === Node.TEXT_NODE) return fixText(root as Text);
  if (root.nodeType !== Node.ELEMENT_NODE) return;
  const element = root as Element;
  if (UNTOUCHED.has(element.tagName)) return;
  fixElement(element);
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) fixText(n as Text);
    else fixElement(n as Element);
  }
}

/** Keeps the text under `root` in French typography from now on; returns the function that stops it. */
export function keepFrenchTypography(root: HTMLElement): () => void {
  fixTree(root);
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'characterData') fixTree(m.target);
      else if (m.type === 'attributes') fixElement(m.target as Element);
      else m.addedNodes.forEach(fixTree);
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: [...VISIBLE_ATTRIBUTES] });
  return () => observer.disconnect();
}
