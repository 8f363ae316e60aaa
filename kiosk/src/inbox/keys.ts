/** Keyboard shortcuts: j/k move, a acknowledge, r answer, / search, Escape leaves a field. */
import { act, detail, move, openForm } from './model.ts';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function installShortcuts(): void {
  addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape' && typing(event.target)) return void (event.target as HTMLElement).blur();
    if (typing(event.target)) return;
    const current = detail.value.kind === 'found' ? detail.value.data : undefined;
    switch (event.key) {
      case 'j':
        move(1);
        break;
      case 'k':
        move(-1);
        break;
      case '/':
        document.getElementById('f-q')?.focus();
        break;
      case 'a':
        if (current?.actions.includes('acknowledge')) void act(current.trackingCode, { type: 'acknowledge' });
        break;
      case 'r':
        if (current?.actions.includes('answer')) openForm.value = 'answer';
        break;
      default:
        return;
    }
    event.preventDefault();
  });
}
