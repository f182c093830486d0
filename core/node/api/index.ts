/** The server side of the UI's API: the web bridge and the Electron main process hand every call to this dispatcher. */
export { createApiDispatcher, toApiError, type ApiDispatcher, type ApiDispatcherOptions } from './dispatcher.js';
export { newCaseDraft, MARKED_DELIVERED_STARTER } from './new-case.js';
