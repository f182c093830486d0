import { useId, type ReactNode } from 'react';

/** A titled group of fields, laid out in as many columns as the width allows. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="form-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className="field-grid">{children}</div>
    </section>
  );
}
