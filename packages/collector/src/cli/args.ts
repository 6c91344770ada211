// What every command of the CLI shares: how it fails, and how it reads numbers.

/** Prints `sonde-collector: message` on stderr and exits (2: bad usage, 1: bad input). */
export function fail(message: string, code = 2): never {
  console.error(`sonde-collector: ${message}`);
  process.exit(code);
}

/** A flag's whole number, written as digits only (`1e2`, `0x10`, ` 5` are refused); `fallback` when absent. */
export function wholeNumber(name: string, raw: string | undefined, fallback: number, min = 0, max = 1e9): number {
  if (raw === undefined) return fallback;
  const n = /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= min && n <= max)) fail(`--${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}
