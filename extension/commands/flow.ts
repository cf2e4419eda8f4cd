import type {
  CrmContact,
  DraftCommand,
  DraftResponse,
  ExecuteResponse,
  PageContext,
  ParsedCommand,
  PlanResponse,
  Recent,
  Reference,
  Target,
  WriteCommand,
} from '../../shared/contracts';
import { isWriteCommand } from '../../shared/contracts';
import { fullName } from '../../shared/format';
import type { PlanContext } from '../api/client';
import { type Cause, causeOf, explain } from '../api/explain';
import type { Mention } from '../memory';

/** What the panel shows for the sentence in hand. */
export type Step =
  | { kind: 'idle' }
  | { kind: 'planning'; text: string }
  | {
      kind: 'confirm';
      command: WriteCommand;
      references: Reference[];
      target?: Target;
      /** The memory the sentence was read with, to say why a pronoun meant who it did. */
      recent?: Recent;
      /** Why Estait proposes this card itself (a follow-up), rather than the agent asking. */
      why?: string;
      /** Read here, without the worker, and why: the write will wait in the outbox until that passes. */
      readHere?: Cause;
    }
  | { kind: 'draft'; command: DraftCommand; streaming: string; response?: DraftResponse }
  /** `query`: what was looked up (a name, an email, a phone), for the lead to add when no one matches. */
  | { kind: 'contacts'; query: string; contacts: CrmContact[] }
  | { kind: 'read'; command: ParsedCommand; readHere?: Cause }
  | { kind: 'declined'; message: string; understood: string[]; suggestions: string[] }
  /** `cause`: an outage, a pause or a sign-out behind it, which the message goes with when it passes. */
  | { kind: 'message'; text: string; detail?: string; cause?: Cause };

/** A write the agent confirmed on the card, with the new lead to add first when the contact was not in the CRM. */
export type Confirmed = { command: WriteCommand; addFirst?: Extract<WriteCommand, { intent: 'add_lead' }> };

/** Everything the flow needs from outside: the worker, the outbox and the memory. */
export type FlowDeps = {
  plan: (text: string, context: PlanContext, signal: AbortSignal) => Promise<PlanResponse>;
  /** The plan without the worker, from the local parser, for when it cannot plan now. */
  planLocally: (text: string, context: PlanContext) => PlanResponse;
  /** Whether the worker answered the last call anyone made. */
  online: () => Promise<boolean>;
  draft: (
    command: DraftCommand,
    page: PageContext | undefined,
    onText: (t: string) => void,
    signal: AbortSignal,
  ) => Promise<DraftResponse>;
  findContacts: (query: string, signal: AbortSignal) => Promise<{ contacts: CrmContact[] }>;
  execute: (command: WriteCommand, key: string) => Promise<ExecuteResponse>;
  /** Stores the writes, in order (a later one waits for the one before it), and returns their keys. */
  enqueue: (commands: WriteCommand[]) => Promise<string[]>;
  flush: (send: FlowDeps['execute']) => Promise<void>;
  /** The outcome of a write once `flush` has run, if it has landed. */
  outcome: (key: string) => Promise<ExecuteResponse['result'] | undefined>;
  recall: () => Promise<Recent>;
  /** The agent's area code from the options, for seven-digit phones. */
  areaCode: () => Promise<string | undefined>;
  remember: (mention: Mention) => Promise<void>;
  rememberText: (text: string) => Promise<void>;
};

const failure = (err: unknown): Step => ({ kind: 'message', ...explain(err) });

/**
 * One sentence at a time, from typing to the CRM: plan it with the worker (the page and the
 * conversation memory go along), run reads at once, hold writes on the confirm card, then store a
 * confirmed write in the outbox and send it. A new sentence abandons the one before it.
 */
export class CommandFlow {
  #step: Step = { kind: 'idle' };
  #current?: AbortController;
  /** What a card offered from a brief or the day goes back to once it is confirmed or cancelled. */
  #back?: Step;

  constructor(
    private readonly deps: FlowDeps,
    private readonly onStep: (step: Step) => void,
  ) {}

  get step(): Step {
    return this.#step;
  }

  #show(step: Step) {
    this.#step = step;
    this.onStep(step);
  }

  /** A fresh signal for the next piece of work; the previous one is aborted. */
  #begin(): AbortSignal {
    this.#current?.abort();
    this.#current = new AbortController();
    return this.#current.signal;
  }

  cancel(): void {
    this.#current?.abort();
    this.#leave();
  }

  /** Off the card: back to the brief or the day it was offered from, else to nothing. */
  #leave(): void {
    const back = this.#back;
    this.#back = undefined;
    this.#show(back ?? { kind: 'idle' });
  }

  async submit(text: string, page: PageContext | undefined): Promise<void> {
    const sentence = text.trim();
    if (!sentence) return;
    this.#back = undefined;
    const signal = this.#begin();
    void this.deps.rememberText(sentence);
    this.#show({ kind: 'planning', text: sentence });
    try {
      const [recent, areaCode] = await Promise.all([this.deps.recall(), this.deps.areaCode()]);
      const { planned, readHere } = await this.#plan(sentence, { page, recent, ...(areaCode && { areaCode }) }, signal);
      if (signal.aborted) return;
      await this.#planned(planned, page, recent, signal, readHere);
    } catch (err) {
      if (!signal.aborted) this.#show(failure(err));
    }
  }

  /**
   * The worker's plan, or the local parser's when the worker cannot plan now — it cannot be reached
   * (at once when the last call already found it gone), it asked for a pause, or the agent has not
   * connected their CRM — so the card still shows and a write can wait in the outbox. Any other
   * refusal is the worker's answer, and is shown.
   */
  async #plan(text: string, context: PlanContext, signal: AbortSignal): Promise<{ planned: PlanResponse; readHere?: Cause }> {
    if (!(await this.deps.online())) return { planned: this.deps.planLocally(text, context), readHere: 'offline' };
    try {
      return { planned: await this.deps.plan(text, context, signal) };
    } catch (err) {
      const readHere = causeOf(err);
      if (!readHere) throw err;
      return { planned: this.deps.planLocally(text, context), readHere };
    }
  }

  async #planned(
    planned: PlanResponse,
    page: PageContext | undefined,
    recent: Recent,
    signal: AbortSignal,
    readHere: Cause | undefined,
  ): Promise<void> {
    const { command, target } = planned;
    const one = target?.status === 'one' ? target.contacts[0] : undefined;
    // Someone named is now the one "her" means; someone only pointed at already was.
    const pointedAt = planned.references?.some((r) => one && r.to === fullName(one));
    if (one && !pointedAt) void this.deps.remember({ contact: { id: one.id, name: fullName(one), via: 'named' } });
    const address = 'address' in command.params ? command.params.address : undefined;
    if (address && !planned.references?.some((r) => r.to === address)) void this.deps.remember({ listing: { address } });

    if (command.intent === 'unknown')
      return this.#show({
        kind: 'declined',
        message: planned.message ?? 'Estait could not tell what to do with that.',
        understood: planned.understood ?? [],
        suggestions: planned.suggestions ?? [],
      });
    if (isWriteCommand(command))
      return this.#show({
        kind: 'confirm',
        command,
        references: planned.references ?? [],
        target,
        recent,
        ...(readHere && { readHere }),
      });
    if (command.intent === 'draft_message') {
      this.#show({ kind: 'draft', command, streaming: '' });
      const response = await this.deps.draft(
        command,
        page,
        (streaming) => !signal.aborted && this.#show({ kind: 'draft', command, streaming }),
        signal,
      );
      if (!signal.aborted) this.#show({ kind: 'draft', command, streaming: '', response });
      return;
    }
    if (command.intent === 'find_contact') {
      const { contacts } = await this.deps.findContacts(command.params.query, signal);
      if (!signal.aborted) this.#show({ kind: 'contacts', query: command.params.query, contacts });
      return;
    }
    this.#show({ kind: 'read', command, ...(readHere && { readHere }) });
  }

  /**
   * A write Estait offers itself (a right-click on a listing, a lead for a phone no contact has, Done on
   * a task): its card at once, nothing to plan; `target`, the contact it is for when already known.
   */
  propose(command: WriteCommand, why?: string, target?: Target): void {
    const from = this.#step;
    // Done on a task in a brief or the day comes back to it, which then shows the task gone.
    const showsBrief =
      (from.kind === 'contacts' && from.contacts.length > 0) || (from.kind === 'read' && from.command.intent === 'agenda');
    this.#back = showsBrief ? from : undefined;
    this.#begin();
    this.#show({ kind: 'confirm', command, references: [], ...(why && { why }), ...(target && { target }) });
  }

  /**
   * An outage, a pause or a sign-out has passed: a message it caused goes, and a card read here
   * because of it no longer says so (what the agent typed into it stays).
   */
  passed(cause: Cause): void {
    const step = this.#step;
    if (step.kind === 'message' && step.cause === cause) this.#show({ kind: 'idle' });
    else if (step.kind === 'confirm' && step.readHere === cause) {
      const { readHere: _, ...rest } = step;
      this.#show(rest);
    }
  }

  /**
   * Stores the confirmed write (after the new lead it needs, when there is one) and sends it; a
   * lead the CRM already had is offered as a note on that contact instead.
   */
  async confirm({ command, addFirst }: Confirmed): Promise<void> {
    this.#begin();
    const keys = await this.deps.enqueue(addFirst ? [addFirst, command] : [command]);
    this.#leave();
    await this.deps.flush(this.deps.execute);
    const results = await Promise.all(keys.map((k) => this.deps.outcome(k)));
    for (const [i, result] of results.entries()) {
      const contact = result?.contact;
      if (!contact) continue;
      const sent = i === 0 && addFirst ? addFirst : command;
      // A lead the CRM already had was found, not added.
      const via = result.status === 'duplicate' ? 'named' : sent.intent === 'add_lead' ? 'added' : 'wrote';
      void this.deps.remember({ contact: { id: contact.id, name: fullName(contact), via } });
    }
    const last = results.at(-1);
    if (command.intent === 'add_lead' && last?.status === 'duplicate' && last.contact && this.#step.kind === 'idle') {
      const name = fullName(last.contact);
      this.#show({
        kind: 'confirm',
        command: {
          intent: 'add_note',
          confidence: 1,
          params: { contactId: last.contact.id, contact: name, text: command.params.notes ?? '' },
        },
        references: [],
        target: { query: name, status: 'one', contacts: [last.contact] },
        why: `${name} is already in your CRM. Add a note to them instead?`,
      });
    }
  }
}
