/**
 * Appends every item of `items` to `target`. Unlike `push(...items)`, which
 * passes each item as an argument, it does not overflow the call stack on
 * the hundreds of thousands of findings a large broken file can produce.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
