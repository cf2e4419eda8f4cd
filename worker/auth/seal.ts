import type { Env } from '../env';
import { ApiError } from '../errors';

const bytes = (text: string) => new TextEncoder().encode(text);
const b64 = (data: Uint8Array) => btoa(String.fromCharCode(...data));
const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The AES-256-GCM key, derived (HKDF-SHA-256) from the worker secret TOKEN_ENCRYPTION_KEY. */
async function key(env: Env): Promise<CryptoKey> {
  const secret = env.TOKEN_ENCRYPTION_KEY;
  if (!secret || secret.length < 32)
    throw new ApiError(503, 'not_configured', 'CRM sign-in is not configured: set TOKEN_ENCRYPTION_KEY (32+ characters).');
  const material = await crypto.subtle.importKey('raw', bytes(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: bytes('estait/crm-tokens'), info: bytes('v1') },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * Encrypts a CRM token for storage. `context` (the user and provider) is bound in as associated
 * data, so a sealed token copied onto another user's row does not open.
 */
export async function seal(env: Env, plaintext: string, context: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: bytes(context) },
    await key(env),
    bytes(plaintext),
  );
  return `v1.${b64(iv)}.${b64(new Uint8Array(sealed))}`;
}

export async function unseal(env: Env, sealed: string, context: string): Promise<string> {
  const [version, iv, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !data) throw new Error('not a sealed value');
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: unb64(iv), additionalData: bytes(context) },
    await key(env),
    unb64(data),
  );
  return new TextDecoder().decode(plain);
}
