/** All page models, for `import { login, openMine } from './page-models/index.ts'`. */
export * from './alarms-page.ts';
export * from './app-shell.ts';
export * from './dashboard-page.ts';
export * from './login-page.ts';
export * from './mine-page.ts';
export * from './mines-page.ts';
export * from './supervision-page.ts';
export * from './orders-page.ts';
export * from './hazards-page.ts';
export * from './directives-page.ts';
export * from './closure-page.ts';
export * from './accidents-page.ts';
export * from './briefing-page.ts';
export * from './expertise-page.ts';
export * from './resumption-page.ts';
export * from './security-page.ts';
export * from './stopped-page.ts';
