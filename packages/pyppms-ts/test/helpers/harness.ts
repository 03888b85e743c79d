import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakePumapi, type FakePumapiOptions, type RunningFakePumapi } from "@facility-sdk/test-cache";
import { afterEach } from "vitest";
import { PpmsConnection, type PpmsConnectionOptions } from "../../src/index.js";
import { startScriptedPumapi, type ScriptedAnswer, type ScriptedPumapi } from "./fake-pumapi.js";
import { offlineMocked, offlineStage } from "./stages.js";

/** Anything a test starts and must stop. */
export interface Closable {
  close(): Promise<void>;
}

/** What {@link useConnections} gives a test file; everything made through it is gone after each test. */
export interface Connections {
  /** `PpmsConnection.connect` with the file's defaults, then `options`. */
  connect(options: PpmsConnectionOptions): Promise<PpmsConnection>;
  /** Closes a connection made some other way after the test; returns it. */
  keep<C extends PpmsConnection>(ppms: C): C;
  /** Stops a server after the test (once the connections are closed); returns it. */
  serve<S extends Closable>(server: S): S;
  /** A new temporary directory (`<tmp>/<prefix>XXXXXX`), removed after the test. */
  tempDir(prefix: string): string;
  /** {@link offlineStage}, closed after the test. */
  stage(stage: number, extra?: Parameters<typeof offlineStage>[1]): ReturnType<typeof offlineStage>;
  /** {@link offlineMocked}, closed after the test. */
  mocked(caseName: string, extra?: Parameters<typeof offlineMocked>[1]): ReturnType<typeof offlineMocked>;
}

/**
 * Call once at the top of a test file: registers an `afterEach` that closes the test's connections,
 * then its servers, then removes its temporary directories.
 */
export function useConnections(defaults: PpmsConnectionOptions = {}): Connections {
  const open: Closable[] = [];
  const servers: Closable[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
    await Promise.all(servers.splice(0).map((s) => s.close()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const keep = <C extends PpmsConnection>(ppms: C): C => {
    open.push(ppms);
    return ppms;
  };
  return {
    connect: async (options) => keep(await PpmsConnection.connect({ ...defaults, ...options })),
    keep,
    serve: (server) => {
      servers.push(server);
      return server;
    },
    tempDir: (prefix) => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    stage: async (stage, extra) => {
      const made = await offlineStage(stage, extra);
      keep(made.ppms);
      return made;
    },
    mocked: async (caseName, extra) => {
      const made = await offlineMocked(caseName, extra);
      keep(made.ppms);
      return made;
    },
  };
}

/**
 * {@link useConnections} for test-cache's stateful fake PUMAPI with its clock at `now`: `setup()`
 * starts a fake and connects with its key and the same clock; `sent(action)` counts the requests of
 * an action.
 */
export function useFakePumapi(now: Date, defaults: PpmsConnectionOptions = {}) {
  const connections = useConnections(defaults);
  const start = async (fakeOptions: FakePumapiOptions = {}): Promise<RunningFakePumapi> =>
    connections.serve(await startFakePumapi({ now: () => now, ...fakeOptions }));
  async function setup(extra: PpmsConnectionOptions = {}, fakeOptions: FakePumapiOptions = {}) {
    const server = await start(fakeOptions);
    const ppms = await connections.connect({ baseUrl: server.url, apiKey: server.apiKey, now: () => now, ...extra });
    const sent = (action: string): number => server.requests.filter((r) => r.action === action).length;
    return { server, ppms, sent };
  }
  return { ...connections, start, setup };
}

/**
 * {@link useConnections} for the scripted PUMAPI of `fake-pumapi.ts`: `setup(answer)` starts one that
 * answers `auth` with OK and every other action with `answer`, and connects to it (the file's
 * defaults give the key); `sent(action)` counts the requests of an action.
 */
export function useScriptedPumapi(defaults: PpmsConnectionOptions = {}) {
  const connections = useConnections(defaults);
  const start = async (answer: (form: Record<string, string>, count: number) => ScriptedAnswer): Promise<ScriptedPumapi> =>
    connections.serve(await startScriptedPumapi(answer));
  async function setup(answer: (form: Record<string, string>, count: number) => ScriptedAnswer, extra: PpmsConnectionOptions = {}) {
    const server = await start((form, count) => (form.action === "auth" ? { body: "OK" } : answer(form, count)));
    const ppms = await connections.connect({ baseUrl: server.url, ...extra });
    const sent = (action: string): number => server.forms.filter((f) => f.action === action).length;
    return { server, ppms, sent };
  }
  return { ...connections, start, setup };
}
