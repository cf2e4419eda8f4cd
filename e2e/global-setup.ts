import { existsSync } from 'node:fs';
import { EXTENSION_DIR } from './support/browser';

export default function globalSetup() {
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    throw new Error(`No production build in ${EXTENSION_DIR}: run \`npm run test:e2e\` (it builds first).`);
  }
}
