/**
 * Tabs as the WAI-ARIA pattern wants them: one tab stop, arrows / Home / End move between tabs and open them,
 * the panel is labelled by its tab and reachable with Tab.
 */
import { useRef, type ReactNode } from 'react';

export interface TabDef<T extends string> {
  id: T;
  label: string;
}

export function Tabs<T extends string>({
  label,
  tabs,
  current,
  onSelect,
  idPrefix,
  children,
}: {
  label: string;
  tabs: readonly TabDef<T>[];
  current: T;
  onSelect: (id: T) => void;
  idPrefix: string;
  children: ReactNode;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const move = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.id);
    listRef.current?.querySelector<HTMLButtonElement>(`#${idPrefix}-onglet-${tab.id}`)?.focus();
  };
  const currentIndex = tabs.findIndex((t) => t.id === current);
  return (
    <>
      <div
        ref={listRef}
        role="tablist"
        aria-label={label}
        className="tabs"
        onKeyDown={(e) => {
          const keys: Record<string, number> = { ArrowRight: currentIndex + 1, ArrowLeft: currentIndex - 1, Home: 0, End: tabs.length - 1 };
          const target = keys[e.key];
          if (target === undefined) return;
          e.preventDefault();
          move(target);
        }}
      >
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`${idPrefix}-onglet-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === current}
            aria-controls={`${idPrefix}-panneau`}
            tabIndex={tab.id === current ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div id={`${idPrefix}-panneau`} role="tabpanel" aria-labelledby={`${idPrefix}-onglet-${current}`} className="tab-panel" tabIndex={-1}>
        {children}
      </div>
    </>
  );
}
