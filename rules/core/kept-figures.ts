/**
 * How much a memo of figures keeps at each of its levels: past it, a figure is worked out afresh each time
 * (a batch's rows name few districts, dates and counts; a hostile one cannot make a memo grow with it).
 */
export const MAX_KEPT_KEYS = 64;

/**
 * Figures a rule works out from immutable values (a parameter set, a reading's `Dec`), kept by every value the
 * figure depends on: the root (held weakly, so a parameter set or a `Dec` dropped elsewhere takes its figures
 * with it) and two keys, each level bounded by MAX_KEPT_KEYS. A kept figure is what working it out again would
 * give, so keeping one changes no answer; rules keep only figures no explanation is recorded for.
 *
 * One facility for every rule-level memo (the minimum wage of a district on a date; a training amount by
 * standard, share and trainees): a module's `const` of it holds nothing its keys do not determine.
 */
export class KeptFigures<Root extends object, A, B, Figure extends NonNullable<unknown> | null> {
  private readonly roots = new WeakMap<Root, Map<A, Map<B, Figure>>>();

  /** The figure kept for (`root`, `a`, `b`), or undefined when none is. */
  find(root: Root, a: A, b: B): Figure | undefined {
    return this.roots.get(root)?.get(a)?.get(b);
  }

  /** Keeps `figure` for (`root`, `a`, `b`), unless a level already holds MAX_KEPT_KEYS keys; gives it back. */
  keep(root: Root, a: A, b: B, figure: Figure): Figure {
    let byA = this.roots.get(root);
    if (!byA) this.roots.set(root, (byA = new Map()));
    let byB = byA.get(a);
    if (!byB) {
      if (byA.size >= MAX_KEPT_KEYS) return figure;
      byA.set(a, (byB = new Map()));
    }
    if (byB.size < MAX_KEPT_KEYS) byB.set(b, figure);
    return figure;
  }
}
