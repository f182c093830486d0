/** One piece: its picture, number, title, date and note, its problems, and how to move or remove it. */
import { useId, type DragEvent } from 'react';
import type { EvidenceInfo, StoredCase } from '../../../../core/common/api/contract.js';
import { displayFileName } from '../../../../core/common/format/display-name.js';
import { ConfirmButton } from '../../common/ConfirmButton.js';
import { fileSize } from '../../common/format.js';
import { Thumbnail } from './Thumbnail.js';
import { useEvidenceEditor } from './use-evidence-editor.js';

export const PIECE_DRAG_TYPE = 'application/x-recours-piece';

interface Props {
  caseId: string;
  piece: EvidenceInfo;
  isFirst: boolean;
  isLast: boolean;
  dropTarget: boolean;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  onSaved: (stored: StoredCase) => void;
  onDragStart: () => void;
  onDragOver: (e: DragEvent) => void;
  onDrop: (e: DragEvent) => void;
  onDragEnd: () => void;
}

export function EvidenceCard({ caseId, piece, isFirst, isLast, dropTarget, onMove, onRemove, onSaved, onDragStart, onDragOver, onDrop, onDragEnd }: Props) {
  const { values, change, error, titleMissing } = useEvidenceEditor(caseId, piece, onSaved);
  const id = useId();
  const name = `la pièce n°\u00A0${piece.number}`;
  const problems = [...piece.problems, ...(titleMissing ? ['Le titre de la pièce ne doit pas être vide : il est cité dans les lettres.'] : [])];
  return (
    <li
      className={`evidence-card ${dropTarget ? 'drop-target' : ''} ${problems.length > 0 ? 'has-problem' : ''}`}
      draggable
      onDragStart={(e) => {
        // Only a drag started from the handle or the card itself moves the piece; text selection in fields stays usable.
        if ((e.target as HTMLElement).closest('input, textarea')) {
          e.preventDefault();
          return;
        }
        e.dataTransfer.setData(PIECE_DRAG_TYPE, piece.id);
        e.dataTransfer.effectAllowed = 'move';
        onDragStart();
      }}
      onDragOver={onDragOver}
      onDrop={onDrop}
      onDragEnd={onDragEnd}
      aria-labelledby={`${id}-titre`}
      data-piece-id={piece.id}
    >
      <span className="drag-handle" aria-hidden="true" title="Glisser pour déplacer">
        ⋮⋮
      </span>
      <Thumbnail caseId={caseId} evidenceId={piece.id} mediaType={piece.mediaType} label={name} />
      <div className="evidence-body">
        <h3 id={`${id}-titre`} className="evidence-number">
          Pièce n°&nbsp;{piece.number} <span className="hint">— {displayFileName(piece.originalName)}, {fileSize(piece.size)}</span>
        </h3>
        {problems.length > 0 && (
          <ul className="file-problems" aria-label={`Problèmes avec ${displayFileName(piece.originalName)}`}>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <div className="field-grid">
          <div className="field field-wide">
            <label htmlFor={`${id}-t`}>Titre</label>
            <input id={`${id}-t`} type="text" value={values.title} aria-invalid={titleMissing || undefined} onChange={(e) => change('title', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-d`}>Date de la pièce</label>
            <input id={`${id}-d`} type="date" value={values.date} onChange={(e) => change('date', e.target.value)} />
          </div>
          <div className="field field-wide">
            <label htmlFor={`${id}-n`}>Note</label>
            <textarea id={`${id}-n`} rows={2} value={values.note} onChange={(e) => change('note', e.target.value)} />
          </div>
        </div>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <p className="button-row">
          <button type="button" className="button-quiet" data-move="-1" disabled={isFirst} onClick={() => onMove(-1)} aria-label={`Monter ${name}`}>
            ↑ Monter
          </button>
          <button type="button" className="button-quiet" data-move="1" disabled={isLast} onClick={() => onMove(1)} aria-label={`Descendre ${name}`}>
            ↓ Descendre
          </button>
          <ConfirmButton
            label="Retirer"
            ariaLabel={`Retirer ${name}`}
            question={`Retirer « ${piece.title} » du dossier ? Votre fichier d’origine n’est pas touché.`}
            confirmLabel="Retirer la pièce"
            onConfirm={onRemove}
          />
        </p>
      </div>
    </li>
  );
}
