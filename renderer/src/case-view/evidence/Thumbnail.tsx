/** A small picture of the piece when core can draw one; otherwise the kind of file, in words. */
import { useEffect, useState } from 'react';
import { useApi } from '../../api/api-context.js';

function kindOf(mediaType: string): string {
  if (mediaType === 'application/pdf') return 'PDF';
  if (mediaType.startsWith('image/')) return 'Image';
  if (mediaType.startsWith('audio/')) return 'Son';
  if (mediaType.startsWith('video/')) return 'Vidéo';
  if (mediaType === 'message/rfc822') return 'E-mail';
  if (mediaType.startsWith('text/')) return 'Texte';
  return 'Fichier';
}

export function Thumbnail({ caseId, evidenceId, mediaType, label }: { caseId: string; evidenceId: string; mediaType: string; label: string }) {
  const api = useApi();
  const [dataUrl, setDataUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    api.evidenceThumbnail({ id: caseId, evidenceId }).then(
      (r) => live && setDataUrl(r.dataUrl),
      () => live && setDataUrl(null),
    );
    return () => {
      live = false;
    };
  }, [api, caseId, evidenceId]);
  if (dataUrl) return <img className="thumbnail" src={dataUrl} alt={`Aperçu de ${label}`} />;
  return (
    <span className="thumbnail thumbnail-kind" aria-hidden={dataUrl === undefined ? true : undefined}>
      {dataUrl === undefined ? '' : kindOf(mediaType)}
    </span>
  );
}
