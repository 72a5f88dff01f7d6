// One value per process. The custom server (server/main.ts) and each of Next's server bundles
// evaluate a module separately, so a module-level variable exists once per copy; globalThis is
// what they share. Every process-wide value (database handle, limiters, threads, registries)
// goes through this one helper, under a name of its own.
const processGlobal = globalThis as { __accordSingletons?: Map<string, unknown> };
processGlobal.__accordSingletons ??= new Map();
const slots = processGlobal.__accordSingletons;

/** The value held under `name` in this process, created by `create` on first use. */
export function processSingleton<T>(name: string, create: () => T): T {
  if (!slots.has(name)) slots.set(name, create());
  return slots.get(name) as T;
}
