/** How sure a reading of a sentence is, at the points where that decides what happens to it. */
export const CONFIDENCE = {
  /** Below this a local reading is never acted on: the closest one is reported as a decline. */
  act: 0.5,
  /** From this a local reading stands alone; below it the LLM (when there is one) is asked. */
  local: 0.75,
  /** What an answer from the model counts as: above `local`, below a certain local parse. */
  llm: 0.8,
} as const;
