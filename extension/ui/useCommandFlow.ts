import { useEffect, useMemo, useState } from 'react';
import { parseCommand } from '../../shared/commands';
import { placeNamed } from '../../shared/commands/places';
import type { PageContext, Recent } from '../../shared/contracts';
import { draft, execute, plan } from '../api/calls';
import { connection } from '../api/connection';
import { findAndKeepContacts } from '../api/find-contacts';
import { watchSessionChanges } from '../api/session-changes';
import { db } from '../cache/db';
import { remember as rememberText } from '../cache/history';
import { enqueueAll, flush } from '../cache/outbox';
import { agentNow } from '../clock';
import { CommandFlow, type FlowDeps, type Step } from '../commands/flow';
import { planLocally } from '../commands/local-plan';
import { type Mention, recall, remember, thisWindow, watchMemory } from '../memory';
import { getAreaCode } from '../settings';
import { usePassing } from './useConnection';

/** The flow wired to the worker, the outbox and this window's memory. */
function makeFlow(onStep: (step: Step) => void, own: Partial<FlowDeps>) {
  return new CommandFlow(
    {
      plan,
      planLocally,
      online: async () => (await connection()).online,
      draft,
      findContacts: findAndKeepContacts,
      execute,
      enqueue: (commands) => enqueueAll(commands),
      flush,
      outcome: async (key) => (await db.outbox.get(key))?.result,
      recall: async () => recall(await thisWindow()),
      areaCode: getAreaCode,
      remember: async (mention: Mention) => remember(await thisWindow(), mention),
      rememberText,
      ...own,
    },
    onStep,
  );
}

/**
 * One command flow for a place that takes sentences (the panel's command box, the palette): its
 * step, this window's memory, and the live preview of what is typed, read the way Enter will read
 * it — with the memory, kept current as it changes, and the agent's area code. `own` replaces
 * parts of the flow's storage (the palette's is kept by the background).
 */
export function useCommandFlow(text: string, page: PageContext | undefined, own: Partial<FlowDeps> = {}) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [memory, setMemory] = useState<Recent>({});
  const [areaCode, setAreaCode] = useState<string>();
  // The deps are fixed for the life of the place that types: the first ones given are kept.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above.
  const flow = useMemo(() => makeFlow(setStep, own), []);

  useEffect(() => () => flow.cancel(), [flow]);
  // What an outage, a pause or a missing sign-in said goes once it has passed.
  usePassing((cause) => flow.passed(cause));
  useEffect(() => watchSessionChanges(() => flow.passed('signed_out')), [flow]);
  useEffect(() => {
    void getAreaCode().then(setAreaCode);
    // The place index is built on first use (~40 ms): build it while idle, not on a keystroke.
    const idle = requestIdleCallback(() => placeNamed('Austin'));
    const unwatch = watchMemory(setMemory);
    return () => {
      cancelIdleCallback(idle);
      unwatch();
    };
  }, []);

  const preview = useMemo(
    () => (text.trim() ? parseCommand(text, { ...agentNow(), page, recent: memory, areaCode }) : undefined),
    [text, page, memory, areaCode],
  );
  return { flow, step, memory, preview };
}
