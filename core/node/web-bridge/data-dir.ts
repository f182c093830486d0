/** Where Recours keeps the user's cases when nothing says otherwise: the platform's folder for application data. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.RECOURS_DATA_DIR?.trim()) return env.RECOURS_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA?.trim() || join(home, 'AppData', 'Roaming'), 'Recours');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Recours');
  return join(env.XDG_DATA_HOME?.trim() || join(home, '.local', 'share'), 'recours');
}
