import type { MiddlewareHandler } from "hono";

/** Where log lines go; `write` receives whole lines. */
export interface LogSink {
  write(line: string): void;
}

/**
 * A sink that collects lines and writes them together once the event loop is free, so a busy
 * collector does not pay for a write per request. `flush` writes what is pending now.
 */
export function bufferedSink(out: { write(chunk: string): unknown }): LogSink & { flush(): void } {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!pending.length) return;
    const chunk = pending.join("");
    pending = [];
    out.write(chunk);
  };
  return {
    write(line) {
      pending.push(line);
      if (pending.length >= 512) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

// Keys must never reach a log file.
const redact = (url: string) => url.replace(/([?&]key=)[^&]*/gi, "$1[redacted]");

/** One line per request: time, client, method, path (keys redacted), status, duration. */
export function requestLog(
  sink: LogSink,
  clientOf: (c: Parameters<MiddlewareHandler>[0]) => string,
): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const url = c.req.url;
    const target = url.slice(url.indexOf("/", url.indexOf("//") + 2));
    const ms = (performance.now() - started).toFixed(1);
    sink.write(
      `${new Date().toISOString()} ${clientOf(c)} ${c.req.method} ${redact(target)} ${c.res.status} ${ms}ms\n`,
    );
  };
}
