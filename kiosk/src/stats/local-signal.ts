import { signal, type Signal } from '@preact/signals';
import { useRef } from 'preact/hooks';

/** A component's own piece of state as a signal (the pages' shared chunk carries signals, not `useState`). */
export function useLocalSignal<T>(initial: T): Signal<T> {
  const ref = useRef<Signal<T>>();
  return (ref.current ??= signal(initial));
}
