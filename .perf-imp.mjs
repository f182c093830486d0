const mods = process.argv.slice(2);
for (const m of mods) { const s = performance.now(); await import(m); console.log((performance.now()-s).toFixed(0).padStart(6), m); }
