import { useEffect, useMemo, useRef, useState } from 'react';
import type { PageContext } from '../../shared/contracts';
import type { OutboxEntry } from '../cache/rows';
import type { Step } from '../commands/flow';
import { outcomes, PALETTE_FLOW } from '../palette/bridge';
import { CommandStep } from './CommandStep';
import { INTENT_LABELS, summarize } from './describe';
import type { Proposal } from './next-steps';
import { OutboxRows } from './OutboxList';
import { useCommandFlow } from './useCommandFlow';

/** What the palette's list needs from the engine: where a command stands, the live preview, and how to run one. */
export type EngineState = {
  step: Step['kind'];
  preview?: { label: string; detail: string };
  run: (sentence: string) => void;
  /** A card offered from the palette's own views (Done on a brief's task). */
  propose: (proposal: Omit<Proposal, 'at'>) => void;
  cancel: () => void;
};

type Props = {
  text: string;
  page: PageContext | undefined;
  /** Whether the list is in view, under which the writes sent from here are shown. */
  listed: boolean;
  onState: (state: EngineState) => void;
  onText: (text: string) => void;
  onFill: (text: string) => void;
  onConfirmed: () => void;
};

/**
 * The palette's command engine — the parser, the flow, the confirm card — loaded just after the
 * palette is on screen, so the box and its list show before this larger part is read.
 */
export default function PaletteEngine({ text, page, listed, onState, onText, onFill, onConfirmed }: Props) {
  const [sent, setSent] = useState<OutboxEntry[]>([]);
  const sentKeys = useRef<string[]>([]);
  const own = useMemo(
    () => ({
      ...PALETTE_FLOW,
      enqueue: async (commands: Parameters<typeof PALETTE_FLOW.enqueue>[0]) => {
        const keys = await PALETTE_FLOW.enqueue(commands);
        sentKeys.current = [...keys, ...sentKeys.current].slice(0, 10);
        setSent((await outcomes(sentKeys.current)).entries);
        return keys;
      },
    }),
    [],
  );
  const { flow, step, memory, preview } = useCommandFlow(text, page, own);
  const pageNow = useRef(page);
  pageNow.current = page;

  // A write still on its way is followed until it lands or needs the agent.
  useEffect(() => {
    if (!sent.some((e) => e.state === 'pending' || e.state === 'retrying')) return;
    const timer = setTimeout(() => void outcomes(sentKeys.current).then((r) => setSent(r.entries)), 700);
    return () => clearTimeout(timer);
  }, [sent]);

  const guess = preview && preview.intent !== 'unknown' ? preview : undefined;
  const label = guess ? INTENT_LABELS[guess.intent] : undefined;
  const detail = guess ? summarize(guess).join(' · ') : '';
  useEffect(() => {
    onState({
      step: step.kind,
      preview: label ? { label, detail } : undefined,
      run: (sentence) => {
        onText(sentence);
        void flow.submit(sentence, pageNow.current).then(() => {
          const done = flow.step.kind;
          if (done === 'read' || done === 'contacts' || done === 'draft') onText('');
        });
      },
      propose: ({ command, why, target }) => flow.propose(command, why, target),
      cancel: () => flow.cancel(),
    });
  }, [step.kind, label, detail, flow, onState, onText]);

  if (step.kind !== 'idle')
    return (
      <div className="flex flex-col gap-3 p-2" data-testid="palette-answer">
        <CommandStep step={step} flow={flow} page={page} memory={memory} onConfirmed={onConfirmed} onSuggestion={onFill} />
      </div>
    );
  return sent.length > 0 && listed ? (
    <div className="order-last p-2">
      <OutboxRows entries={sent} />
    </div>
  ) : null;
}
