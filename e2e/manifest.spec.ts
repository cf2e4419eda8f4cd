import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from './support/browser';

test('the production manifest has the side panel, menus, scripting and the palette shortcut', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
  expect(manifest.permissions).toEqual(
    expect.arrayContaining(['sidePanel', 'contextMenus', 'scripting', 'activeTab', 'storage']),
  );
  expect(manifest.commands['open-palette'].suggested_key).toEqual({ default: 'Ctrl+Shift+K', mac: 'Command+Shift+K' });
  // Only the sites Estait reads; never every site.
  expect(manifest.host_permissions).not.toContain('<all_urls>');
  expect(manifest.host_permissions.every((m: string) => /^\*:\/\/\*\.[a-z.]+\/\*$/.test(m))).toBe(true);
  expect(manifest.key).toMatch(/^MIIB/);
});

test('no secret ships in the extension bundle', () => {
  const files = readdirSync(EXTENSION_DIR, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  for (const file of files) {
    const text = readFileSync(join(file.parentPath, file.name), 'latin1');
    expect(text, file.name).not.toMatch(/sk-[A-Za-z0-9_-]{20,}|SESSION_SECRET=|OPENAI_API_KEY=|client_secret/);
  }
});
