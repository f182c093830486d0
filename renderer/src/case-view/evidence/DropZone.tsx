/** Where files are dropped, or chosen with the keyboard through « Choisir des fichiers ». */
import { useRef, useState, type DragEvent } from 'react';

export function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

export function DropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  const [over, setOver] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const allow = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  return (
    <div
      className={`drop-zone ${over ? 'drop-over' : ''}`}
      onDragEnter={allow}
      onDragOver={allow}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        if (!disabled) onFiles(Array.from(e.dataTransfer.files));
      }}
    >
      <p className="drop-zone-text">Déposez ici vos pièces : photos, captures d’écran, factures PDF, e-mails, attestations…</p>
      <p>
        <button type="button" className="button-secondary" data-field-path="evidence" disabled={disabled} onClick={() => inputRef.current?.click()}>
          Choisir des fichiers
        </button>
      </p>
      <p className="hint">Les fichiers sont copiés dans le dossier ; vos originaux ne sont jamais modifiés.</p>
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        aria-label="Fichiers à ajouter comme pièces"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
