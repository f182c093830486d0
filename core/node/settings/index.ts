export { createMemorySettingsStore, defaultSettings, DEFAULT_EMAIL_SIZE_LIMIT, type SettingsStore } from './settings-store.js';
export { createJsonSettingsStore, type JsonSettingsStoreOptions } from './json-settings-store.js';
