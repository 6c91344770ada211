// Views and panels whose code is a chunk of their own, fetched the first time they render, so that
// the console's first download stays what the results pages need.
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";

/** A component loaded by `load` on first render; renders nothing until its chunk is there. */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>, what: string): ComponentType<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  return function Lazy(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | null>(null);
    useEffect(() => {
      // A failed fetch is tried again the next time the component renders.
      loading ??= load().catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
      let gone = false;
      loading.then(
        (component) => gone || setLoaded(() => component),
        (error: unknown) => console.error(`sonde console: ${what} did not load`, error),
      );
      return () => {
        gone = true;
      };
    }, []);
    return Loaded ? <Loaded {...props} /> : null;
  };
}
