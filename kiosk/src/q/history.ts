/**
 * Each step of the phone's flow is a history entry: the phone's Back button goes to the previous
 * step (the flow keeps what was typed), and the page's own "Quay lại" goes back in history too, so
 * the two never disagree. From the thank-you screen, Back starts a new draft instead of reopening a
 * sent one.
 */
import { effect } from '@preact/signals';
import type { Flow, Step } from '../common/flow/model.ts';

type Entry = { step: Step; i: number };
const isEntry = (value: unknown): value is Entry => typeof value === 'object' && value !== null && 'step' in value && typeof (value as Entry).i === 'number';

export function stepsInHistory(flow: Flow): () => void {
  /** Steps of this visit's entries by position (entries from before a reload are only known when visited). */
  const steps: Step[] = [];
  let index = isEntry(history.state) ? history.state.i : 0;
  steps[index] = flow.step.peek();
  history.replaceState({ step: flow.step.peek(), i: index } satisfies Entry, '');
  let following = false;

  addEventListener('popstate', (event) => {
    if (!isEntry(event.state)) return;
    index = event.state.i;
    steps[index] = event.state.step;
    following = true;
    if (flow.step.peek() === 'thanks') {
      flow.reset();
      steps[index] = 'rate';
      history.replaceState({ step: 'rate', i: index } satisfies Entry, '');
    } else flow.go(event.state.step);
    following = false;
  });

  return effect(() => {
    const step = flow.step.value;
    if (following || steps[index] === step) return;
    if (index > 0 && steps[index - 1] === step) {
      // "Quay lại" on the page: the same as the phone's Back.
      history.back();
      return;
    }
    index++;
    steps.length = index;
    steps.push(step);
    history.pushState({ step, i: index } satisfies Entry, '');
  });
}
