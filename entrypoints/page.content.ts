import { watchPage } from '../extension/content/watch-page';
import { HOST_MATCHES } from '../extension/sites';

export default defineContentScript({
  matches: HOST_MATCHES,
  runAt: 'document_idle',
  main: watchPage,
});
