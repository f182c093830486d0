const { loadTemplateRegistry } = await import('./dist/core/node/template-registry.js');
const s = performance.now(); loadTemplateRegistry(); console.log('reg', performance.now() - s);
const s2 = performance.now(); loadTemplateRegistry(); console.log('reg2', performance.now() - s2);
