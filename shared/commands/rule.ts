import type { ParsedCommand } from '../contracts';
import type { Sentence } from './context';

/** One intent's reader: a command when the sentence is one of its kind, else undefined. */
export type Rule = (s: Sentence) => ParsedCommand | undefined;

export const decline = (confidence = 0): ParsedCommand => ({ intent: 'unknown', confidence, params: {} });
