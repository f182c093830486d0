for (const m of process.argv.slice(2)) { const s = performance.now(); require(m); console.log((performance.now()-s).toFixed(0).padStart(6), 'require', m); }
