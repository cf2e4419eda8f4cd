/**
 * The public half of Estait's signing key, the manifest's `key`. It fixes the extension id wherever
 * the folder is loaded from, which the worker's CORS allowlist (wrangler.toml's ALLOWED_ORIGINS)
 * and the OAuth redirect (https://<id>.chromiumapp.org/) depend on.
 */
export const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqyfouAH9BhqfkYXR0HEOEPJ6lFFCFx2BEayZ2GRcHnN3wo1qB5kRosxPNyeZ2H3oQEuwzc1sW6wDxRBLCEP+p+LA5JUgrZSZApqGri78rl7F0N5eUFnosuNYaPhnrWYDw6wbaKK0TBzz01BP3466K5qfTdvYA6KHvoFoCa43qsXJ/bjLBZzUCCjq30rCbHb2Z/39QdUygt0DZUKAWglYhWcnygIG8qmt/QLFZ9iP8oejxs7vzUT5r6Nmj7OvzaGFGOP6BDbHi8EIN8x01U+CPYA6xP4y0qVbhuIZ41XVqvRE70zLdhjKRpyUeu+jj/j95jEux79pY2U2J6tUrsIlxQIDAQAB';

/** The id Chrome derives from EXTENSION_KEY (shared/extension-id.test.ts checks it). */
export const EXTENSION_ID = 'ibfdcdcgalmnedalgokgpbjbpiighioa';
