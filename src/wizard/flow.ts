import type { Ctx, Outcome } from './ask.js';

/**
 * A walk through steps with 「戻る」: each step asks one screen (or a few that belong together) and
 * says whether to go on or back; back returns to the previous step that was asked, with the
 * answers given so far as the defaults. Each step knows its section, so the user sees where they
 * are: 「■ 2/6 だれが何をするか」 and 「質問 5/19」.
 */

export interface Step {
  readonly id: string;
  readonly section: string;
  /** False when an earlier answer makes the step pointless (telework details without telework). */
  readonly applies?: (ctx: Ctx) => boolean;
  /** `from`: 'end' when the user came back from the next step (a step of several screens starts at its last). */
  run(ctx: Ctx, progress: string, from: 'start' | 'end'): Promise<Outcome>;
}

/** Runs the steps; 'back' when the user goes back from the first one. */
export async function runSteps(ctx: Ctx, steps: readonly Step[], sections: readonly string[]): Promise<Outcome> {
  const history: number[] = [];
  let lastSection: string | undefined;
  let from: 'start' | 'end' = 'start';
  let i = 0;
  while (i < steps.length) {
    const step = steps[i]!;
    if (step.applies && !step.applies(ctx)) {
      i++;
      continue;
    }
    const applicable = steps.filter((s) => !s.applies || s.applies(ctx));
    if (step.section !== lastSection) {
      const shown = sections.filter((name) => applicable.some((s) => s.section === name));
      const number = shown.indexOf(step.section) + 1;
      ctx.prompts.say(`\n■ ${number > 0 ? `${number}/${shown.length} ` : ''}${step.section}`);
      lastSection = step.section;
    }
    const progress = `質問 ${applicable.indexOf(step) + 1}/${applicable.length}`;
    const outcome = await step.run(ctx, progress, from);
    if (outcome === 'back') {
      if (history.length === 0) return 'back';
      i = history.pop()!;
      lastSection = undefined;
      from = 'end';
      continue;
    }
    history.push(i);
    from = 'start';
    i++;
  }
  return 'next';
}
