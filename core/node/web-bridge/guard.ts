/**
 * The bridge answers only its own page. A web site the user visits could otherwise reach it — by a form posted to
 * 127.0.0.1, or by DNS rebinding (a name that first resolves to the site, then to 127.0.0.1, so that the browser
 * thinks it is talking to the same origin). The Host header gives the name the browser used, the Origin header
 * the page that sent the request: both must be the bridge's own loopback address.
 */
import type { IncomingMessage } from 'node:http';

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

/** Why the request is refused (French), or null when it comes from the bridge's own page. */
export function refusal(req: IncomingMessage, port: number): string | null {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowedHosts(port).has(host)) {
    return `Demande refusée : Recours ne répond qu’à l’adresse http://127.0.0.1:${port}/ (adresse demandée : « ${host.slice(0, 100) || 'aucune'} »).`;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) {
    return `Demande refusée : elle vient d’une autre page que Recours (« ${origin.slice(0, 100)} »).`;
  }
  return null;
}
