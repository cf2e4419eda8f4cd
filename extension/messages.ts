import { z } from 'zod';
import { PageContext } from '../shared/contracts';

/** Every message a content script may send. Anything else is dropped unread. */
export const ContentMessage = z.discriminatedUnion('type', [z.object({ type: z.literal('page-context'), context: PageContext })]);
export type ContentMessage = z.infer<typeof ContentMessage>;
