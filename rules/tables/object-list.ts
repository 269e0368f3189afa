/**
 * An empty list for objects (typed arrays: pieces, blocks, chunks) whose elements are already of V8's "any object" kind.
 * A `[]` starts as a list of small integers and changes kind at its first object; code optimised for lists of objects
 * then deoptimises at that first push, once for every new list, so the table readers' hottest functions were optimised
 * again on each of a worker's first workbooks. A list made here starts in the kind it will have.
 */
export function objectList<T extends object | undefined>(): T[] {
  const list: T[] = [KIND as T];
  list.pop();
  return list;
}
const KIND = Object.freeze({});
