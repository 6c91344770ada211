/** Resolves when the host page is idle: each heavy step runs in its own short task. */
export const idle = (): Promise<void> =>
  new Promise<void>((resolve) =>
    typeof requestIdleCallback === "function"
      ? requestIdleCallback(() => resolve(), { timeout: 2000 })
      : setTimeout(resolve, 1),
  );

/**
 * Builds schemas one per idle period. The first use of each compiles part of zod, and building
 * them all at once would make a long task on a slow phone.
 */
export async function warm(builders: readonly (() => unknown)[]): Promise<void> {
  for (const build of builders) {
    await idle();
    build();
  }
}
