export { startWebBridge, defaultStaticDir, type WebBridge, type WebBridgeOptions } from './server.js';
export { defaultDataDir } from './data-dir.js';
export { DEFAULT_MAX_BODY_BYTES } from './api-route.js';
export { DEFAULT_MAX_UPLOAD_BYTES, UPLOAD_PATH, FILE_NAME_HEADER } from './upload-route.js';
