// The bench page's script: the widget's outbox, from source, exposed to the benchmark.
import { createOutbox } from "../../packages/widget/src/outbox/outbox.js";

(globalThis as { sondeBench?: unknown }).sondeBench = { createOutbox };
