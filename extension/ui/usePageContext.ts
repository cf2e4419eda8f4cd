import { useEffect, useState } from 'react';
import type { PageContext } from '../../shared/contracts';
import { loadPageContext, watchPageContext } from '../page-store';

/** The context read from a tab, kept current; `loading` until storage has answered once. */
export function usePageContext(tabId: number | undefined): { context: PageContext | undefined; loading: boolean } {
  const [state, setState] = useState<{ tabId?: number; context?: PageContext }>({});

  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    void loadPageContext(tabId).then((context) => live && setState({ tabId, context }));
    const stop = watchPageContext(tabId, (context) => setState({ tabId, context }));
    return () => {
      live = false;
      stop();
    };
  }, [tabId]);

  return { context: state.tabId === tabId ? state.context : undefined, loading: tabId === undefined || state.tabId !== tabId };
}
