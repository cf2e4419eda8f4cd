import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'wxt';
import { HOST_MATCHES } from './extension/sites';
import { EXTENSION_KEY } from './shared/extension-id';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Dev and production builds land in the same folder, the one the README says to load.
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}',
  webExt: { disabled: true },
  // The worker's local database lives under .wrangler/: its writes are not edits to rebuild for.
  // WXT sets the dev server's watch list itself, so the folder is added through a plugin's config.
  vite: () => ({
    plugins: [
      tailwindcss(),
      { name: 'estait:ignore-worker-state', config: () => ({ server: { watch: { ignored: ['**/.wrangler/**'] } } }) },
    ],
  }),
  manifest: {
    name: 'Estait',
    description:
      'Your real-estate copilot: read the listing or contact in front of you and turn one sentence into CRM and MLS work.',
    // Fixes the extension id, which the worker's CORS allowlist and the OAuth redirect depend on.
    key: EXTENSION_KEY,
    minimum_chrome_version: '116',
    action: { default_title: 'Open Estait' },
    permissions: ['sidePanel', 'contextMenus', 'storage', 'activeTab', 'scripting', 'alarms', 'identity'],
    host_permissions: HOST_MATCHES,
    // The palette is a frame over the page, so that no page style reaches it; it opens only with a
    // nonce from the background (extension/palette/opening.ts).
    web_accessible_resources: [{ resources: ['palette.html'], matches: ['<all_urls>'] }],
    commands: {
      'open-palette': {
        suggested_key: { default: 'Ctrl+Shift+K', mac: 'Command+Shift+K' },
        description: 'Open the Estait command palette',
      },
    },
  },
});
