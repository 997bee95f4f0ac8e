import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.ts';
import { zhCN } from '../../web/src/i18n/zh-cn.ts';

/**
 * The UI shows a translated message for every error code the server can answer (never the server's
 * English `message`): each code in docs/errors.md and each code a DomainError is raised with in src/.
 */
const ROOT = join(import.meta.dirname, '../..');

function documentedCodes(): string[] {
  const table = readFileSync(join(ROOT, 'docs/errors.md'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| `'));
  return table.flatMap((line) => (line.split('|')[1] ?? '').match(/[A-Z][A-Z0-9_]+(?![A-Z0-9_*])/g) ?? []);
}

function raisedCodes(): string[] {
  const codes: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(
          /\b(?:invalidInput|notFound|conflict|notAllowed)\(\s*'([A-Z][A-Z0-9_]+)'/g,
        ))
          codes.push(m[1] ?? '');
        for (const m of text.matchAll(/new DomainError\(\s*'\w+',\s*'([A-Z][A-Z0-9_]+)'/g))
          codes.push(m[1] ?? '');
      }
    }
  };
  walk(join(ROOT, 'src'));
  return codes;
}

describe('error catalogue', () => {
  const codes = [...new Set([...documentedCodes(), ...raisedCodes()])].sort();

  it('finds the codes it checks', () => {
    expect(codes).toContain('HAZARD_NOT_FOUND');
    expect(codes).toContain('SUPERVISION_VISIT_IN_FUTURE');
    expect(codes.length).toBeGreaterThan(150);
  });

  it('has a zh-CN and an English message for every code', () => {
    const missing = (dict: Record<string, string>) => codes.filter((c) => !Object.hasOwn(dict, `error.${c}`));
    expect(missing(zhCN)).toEqual([]);
    expect(missing(en)).toEqual([]);
  });

  it('never shows English in a Chinese message, nor Chinese in an English one', () => {
    for (const c of codes) {
      expect(zhCN[`error.${c}` as keyof typeof zhCN], c).toMatch(/[\u4e00-\u9fff]/);
      expect(en[`error.${c}` as keyof typeof en], c).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
