/** Resolves when the host page is idle: each heavy step runs in its own short task. */
export const idle = (): Promise<void> =>
  new Promise<void>((resolve) =>
    typeof requestIdleCallback === "function"
      ? requestIdleCallback(() => resolve(), { timeout: 2000 })
      : setTimeout(resolve, 1),
  );
