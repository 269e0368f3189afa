/** The middle of the runs (the upper middle of an even count), by `key`: the bench's figure of several timed runs. */
export const medianBy = <T>(runs: readonly T[], key: (run: T) => number): T => [...runs].sort((a, b) => key(a) - key(b))[Math.floor(runs.length / 2)];

/** The middle of the numbers (the upper middle of an even count). */
export const median = (xs: readonly number[]): number => medianBy(xs, (x) => x);
