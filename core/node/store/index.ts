/** The case store: see layout.ts for what is where on disk. */
export { createCaseStore, safeFileName, type Annotation, type CaseRecord, type CaseStore, type CaseStoreOptions, type ListEntry, type StoredPiece } from './case-store.js';
export { exportCase, exportCaseFile, exportTemporary, importCase, exportName, EXPORT_FORMAT, type ExportedCase } from './archive.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { migrateDraft, MIGRATIONS, UnreadableCaseError, type Draft } from './migrate.js';
export { META_FORMAT, type CaseMeta, type PieceDetails, type StoredDocument } from './meta.js';
export { matchesQuery, searchable, type ListFacts } from './list-facts.js';
export { STORE_ID, CASE_FILE, META_FILE, SET_ASIDE_DIR } from './layout.js';
export type { SetAsideCase } from './set-aside.js';
