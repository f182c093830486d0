/**
 * « Pièces »: files dropped or chosen are copied into the case; each piece can be titled, dated, annotated,
 * reordered (by dragging or with the Monter / Descendre buttons) and removed.
 */
import { useEffect, useState, type DragEvent } from 'react';
import { useApi, useEvidenceUpload } from '../../api/api-context.js';
import { displayFileName } from '../../../../core/common/format/display-name.js';
import { userMessage } from '../../api/errors.js';
import { ErrorMessage } from '../../common/ErrorMessage.js';
import { Progress } from '../../common/Progress.js';
import { useCaseWorkspace } from '../case-workspace.js';
import { DropZone } from './DropZone.js';
import { EvidenceCard, PIECE_DRAG_TYPE } from './EvidenceCard.js';

export function moveTo(order: readonly string[], id: string, target: string): string[] {
  const from = order.indexOf(id);
  const to = order.indexOf(target);
  if (from < 0 || to < 0 || from === to) return [...order];
  const next = order.filter((x) => x !== id);
  next.splice(to, 0, id);
  return next;
}

export function EvidenceTab() {
  const api = useApi();
  const uploadEvidence = useEvidenceUpload();
  const { caseId, stored, flush, adoptStored } = useCaseWorkspace();
  const [upload, setUpload] = useState<{ name: string; done: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const pieces = stored.evidence;
  const order = pieces.map((p) => p.id);

  const run = async (what: string, action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await flush();
      await action();
    } catch (e) {
      setError(userMessage(e, what));
    } finally {
      setBusy(false);
    }
  };

  const addFiles = (files: File[]) =>
    run('l’ajout des pièces', async () => {
      let added = 0;
      const unusable: string[] = [];
      setProblems([]);
      for (const [i, file] of files.entries()) {
        setUpload({ name: file.name, done: i, total: files.length });
        try {
          const next = await uploadEvidence({ id: caseId, file });
          adoptStored(next, ['evidence']);
          // The piece just added is last: one that the dossier cannot reproduce is said so, never announced as fine.
          const problem = next.evidence.at(-1)?.problems[0];
          if (problem) unusable.push(`« ${displayFileName(file.name)} » est conservé, mais ne pourra pas être reproduit dans le dossier : ${problem}.`);
          else added += 1;
        } catch (e) {
          setError(userMessage(e, `l’ajout de « ${displayFileName(file.name)} »`));
          break;
        } finally {
          setUpload(null);
        }
      }
      setAnnouncement(added === 0 ? '' : added === 1 ? '1 pièce ajoutée.' : `${added} pièces ajoutées.`);
      setProblems(unusable);
    });

  const reorder = (next: string[]) =>
    run('le classement des pièces', async () => {
      adoptStored(await api.reorderEvidence({ id: caseId, order: next }), ['evidence']);
      setAnnouncement('Ordre des pièces enregistré.');
    });

  const move = (id: string, delta: -1 | 1) => {
    const from = order.indexOf(id);
    const target = order[from + delta];
    if (target === undefined) return;
    void reorder(moveTo(order, id, target)).then(() => setFocusAfterMove({ id, delta }));
  };

  // The piece moved: the focus follows it, on the same button when it can still be pressed.
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: string; delta: -1 | 1 } | null>(null);
  useEffect(() => {
    if (!focusAfterMove) return;
    const card = document.querySelector(`[data-piece-id="${focusAfterMove.id}"]`);
    const same = card?.querySelector<HTMLButtonElement>(`button[data-move="${focusAfterMove.delta}"]`);
    const other = card?.querySelector<HTMLButtonElement>(`button[data-move="${-focusAfterMove.delta}"]`);
    (same && !same.disabled ? same : other)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove, pieces]);

  const dropOn = (target: string) => (e: DragEvent) => {
    if (!Array.from(e.dataTransfer.types).includes(PIECE_DRAG_TYPE)) return;
    e.preventDefault();
    const id = e.dataTransfer.getData(PIECE_DRAG_TYPE) || dragged;
    setDragged(null);
    setOver(null);
    if (id && id !== target) void reorder(moveTo(order, id, target));
  };

  return (
    <div className="evidence">
      <h2>Pièces</h2>
      <DropZone onFiles={(files) => void addFiles(files)} disabled={busy} />
      <Progress
        active={upload !== null}
        label={upload ? `Ajout de « ${displayFileName(upload.name)} » (${upload.done + 1} sur ${upload.total})…` : ''}
        value={upload ? upload.done : undefined}
        max={upload ? upload.total : undefined}
      />
      <ErrorMessage message={error} />
      <p className="announcement" role="status">
        {announcement}
      </p>
      {problems.length > 0 && (
        <ul className="warnings" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {pieces.length === 0 ? (
        <p className="hint">Aucune pièce pour l’instant. Une confirmation de commande, une capture du suivi, une attestation : chacune renforce la lettre.</p>
      ) : (
        <ol className="evidence-list" aria-label="Pièces du dossier, dans l’ordre des lettres">
          {pieces.map((piece, i) => (
            <EvidenceCard
              key={piece.id}
              caseId={caseId}
              piece={piece}
              isFirst={i === 0}
              isLast={i === pieces.length - 1}
              dropTarget={over === piece.id && dragged !== piece.id}
              onMove={(delta) => move(piece.id, delta)}
              onRemove={() =>
                void run('le retrait de la pièce', async () => {
                  adoptStored(await api.removeEvidence({ id: caseId, evidenceId: piece.id }), ['evidence']);
                  setAnnouncement(`Pièce « ${piece.title} » retirée.`);
                })
              }
              onSaved={(next) => adoptStored(next, ['evidence'])}
              onDragStart={() => setDragged(piece.id)}
              onDragOver={(e) => {
                if (!Array.from(e.dataTransfer.types).includes(PIECE_DRAG_TYPE)) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                setOver(piece.id);
              }}
              onDrop={dropOn(piece.id)}
              onDragEnd={() => {
                setDragged(null);
                setOver(null);
              }}
            />
          ))}
        </ol>
      )}
    </div>
  );
}
