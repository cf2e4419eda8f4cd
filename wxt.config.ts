import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'wxt';
import { HOST_MATCHES } from './extension/sites';

/**
 * The public half of Estait's signing key. It fixes the extension id
 * (ibfdcdcgalmnedalgokgpbjbpiighioa) wherever the folder is loaded from, which the worker's CORS
 * allowlist and the OAuth redirect (https://<id>.chromiumapp.org/) depend on.
 */
const PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqyfouAH9BhqfkYXR0HEOEPJ6lFFCFx2BEayZ2GRcHnN3wo1qB5kRosxPNyeZ2H3oQEuwzc1sW6wDxRBLCEP+p+LA5JUgrZSZApqGri78rl7F0N5eUFnosuNYaPhnrWYDw6wbaKK0TBzz01BP3466K5qfTdvYA6KHvoFoCa43qsXJ/bjLBZzUCCjq30rCbHb2Z/39QdUygt0DZUKAWglYhWcnygIG8qmt/QLFZ9iP8oejxs7vzUT5r6Nmj7OvzaGFGOP6BDbHi8EIN8x01U+CPYA6xP4y0qVbhuIZ41XVqvRE70zLdhjKRpyUeu+jj/j95jEux79pY2U2J6tUrsIlxQIDAQAB';

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
    key: PUBLIC_KEY,
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
