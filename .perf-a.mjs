import { createRequire } from 'node:module';
const req = createRequire(import.meta.url);
const c0 = process.cpuUsage();
const mode = process.argv[2];
for (const m of process.argv.slice(3)) { if (mode === 'req') req(m); else await import(m); }
const c = process.cpuUsage(c0); console.log(mode, ((c.user + c.system)/1000).toFixed(0), 'ms cpu', process.argv.slice(3).join(' '));
