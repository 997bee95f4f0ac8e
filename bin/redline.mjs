#!/usr/bin/env node
// Entry point for `npx redline`: runs the TypeScript CLI with Node's built-in type stripping (Node 24,
// pinned in devDependencies, is first on PATH inside npm scripts and npx).
await import('../src/cli/main.ts');
