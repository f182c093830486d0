/**
 * The letter as it will be printed, drawn from the document model as plain text elements (never injected HTML:
 * whatever the user typed is shown as text).
 */
import type { ReactNode } from 'react';
import type { Block, LetterDocument, Run } from '../../../../core/common/document/model.js';
import { LETTER_LABELS } from '../../../../core/common/document/page-geometry.js';

function Runs({ runs }: { runs: readonly Run[] }) {
  return (
    <>
      {runs.map((run, i) => {
        let node: ReactNode = run.text;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

function Lines({ lines, className }: { lines: readonly string[]; className: string }) {
  return (
    <div className={className}>
      {lines.map((line, i) => (
        <span key={i} className="letter-line">
          {line}
        </span>
      ))}
    </div>
  );
}

function BodyBlock({ block }: { block: Block }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p className={`letter-paragraph align-${block.align ?? 'justify'}`}>
          <Runs runs={block.runs} />
        </p>
      );
    case 'heading':
      return (
        <p className="letter-heading">
          <Runs runs={block.runs} />
        </p>
      );
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <Runs runs={item} />
        </li>
      ));
      return block.ordered ? <ol className="letter-list">{items}</ol> : <ul className="letter-list">{items}</ul>;
    }
    case 'table':
      return (
        <div className="letter-table-wrap">
          <table className="letter-table">
            {block.header && (
              <thead>
                <tr>
                  {block.header.map((cell, i) => (
                    <th key={i} scope="col">
                      <Runs runs={cell} />
                    </th>
                  ))}
                </tr>
              </thead>
            )}
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c}>
                      <Runs runs={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

export function LetterPreview({ document: doc }: { document: LetterDocument }) {
  return (
    <article className="letter-paper" aria-label={`Aperçu : ${doc.meta.title}`} lang="fr">
      <div className="letter-top">
        <Lines lines={doc.sender} className="letter-sender" />
        <Lines lines={doc.recipient} className="letter-recipient" />
      </div>
      <p className="letter-place-date">{doc.placeDate}</p>
      {doc.sending.length > 0 && <Lines lines={doc.sending} className="letter-sending" />}
      {doc.references.length > 0 && (
        <div className="letter-references">
          {doc.references.map(([label, value], i) => (
            <span key={i} className="letter-line">
              {label}{'\u00A0'}: {value}
            </span>
          ))}
        </div>
      )}
      <p className="letter-subject">
        <strong>{LETTER_LABELS.subject}</strong> {doc.subject}
      </p>
      <p className="letter-paragraph">{doc.salutation}</p>
      {doc.body.map((block, i) => (
        <BodyBlock key={i} block={block} />
      ))}
      <p className="letter-paragraph">{doc.closing}</p>
      <Lines lines={doc.signature} className="letter-signature" />
      {doc.enclosures.length > 0 && (
        <div className="letter-enclosures">
          <p>
            <strong>{LETTER_LABELS.enclosures}</strong>
          </p>
          <ul className="letter-list">
            {doc.enclosures.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}
