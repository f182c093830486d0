/**
 * meta.json: what Recours knows about a case beside the facts the user typed — when it was created and last
 * changed, whether it is archived, the details found in each evidence file, and the history of the documents
 * generated from it (which template, when, sent when, how, registered number).
 */
import { z } from 'zod';
import { DOCUMENT_FILE_FORMATS } from '../../common/api/contract.js';

export const META_FORMAT = 'recours/case-meta@1';

const sentSchema = z.object({
  date: z.string(),
  mode: z.string(),
  registeredNumber: z.string().nullable(),
  /** Date of receipt, when the user entered it (the case's `sendings` entry holds it too). */
  received: z.string().nullable().optional(),
});

export const documentRecordSchema = z.looseObject({
  id: z.string(),
  templateId: z.string(),
  title: z.string(),
  generatedAt: z.string(),
  files: z.array(z.object({ format: z.enum(DOCUMENT_FILE_FORMATS), name: z.string(), size: z.number() })),
  sent: sentSchema.nullable(),
  /** Other files written with the document (the bordereau of a dossier): kept with it, exported with it. */
  extraFiles: z.array(z.string()).optional(),
});

/** What the evidence inspection found in a stored piece, kept so that opening a case never re-reads every file. */
export const pieceDetailsSchema = z.looseObject({
  mediaType: z.string(),
  size: z.number(),
  problems: z.array(z.string()),
});

// Loose objects: a field added by a later version survives being saved by this one.
export const metaSchema = z.looseObject({
  format: z.literal(META_FORMAT),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean(),
  /** Counts the changes of the case: a save made from an older revision is refused (two windows on one case). */
  revision: z.number().int().min(0).default(0),
  pieces: z.record(z.string(), pieceDetailsSchema).default({}),
  documents: z.array(documentRecordSchema).default([]),
});

export type CaseMeta = z.infer<typeof metaSchema>;
export type StoredDocument = z.infer<typeof documentRecordSchema>;
export type PieceDetails = z.infer<typeof pieceDetailsSchema>;

export function newMeta(now: string): CaseMeta {
  return { format: META_FORMAT, createdAt: now, updatedAt: now, archived: false, revision: 0, pieces: {}, documents: [] };
}
