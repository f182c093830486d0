import { useEffect, useRef, type ReactNode } from 'react';

/** The h1 of a screen: takes the focus when the screen opens, so that keyboard and screen-reader users start there. */
export function ScreenTitle({ children, documentTitle }: { children: ReactNode; documentTitle: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  useEffect(() => {
    document.title = `${documentTitle} — Recours`;
  }, [documentTitle]);
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-title">
      {children}
    </h1>
  );
}
