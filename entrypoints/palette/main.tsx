import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { keepCacheElsewhere } from '../../extension/cache/keeper';
import { BACKGROUND_CACHE } from '../../extension/palette/bridge';
import { awaitOpening } from '../../extension/palette/opening';
import { Palette } from '../../extension/ui/Palette';
import '../../extension/ui/styles.css';
import '../../extension/ui/palette.css';

// Inside the agent's page the browser may refuse this frame the extension's database: the background keeps it.
keepCacheElsewhere(BACKGROUND_CACHE);
const root = document.getElementById('root');
if (root)
  void awaitOpening().then(({ tabId, close }) =>
    createRoot(root).render(
      <StrictMode>
        <Palette tabId={tabId} onClose={close} />
      </StrictMode>,
    ),
  );
