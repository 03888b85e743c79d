// What each SDK's consumer checks: ESM import, CJS require, and a TypeScript file using the main types.
export const consumers = {
  "pyppms-ts": {
    names: ["PpmsConnection", "PpmsUser", "PpmsSystem", "PpmsBooking", "PpmsProject", "parseMultilineResponse", "AuthenticationError", "NoDataError", "FacilitySdkError", "pumapiFormKey"],
    ts: `import { PpmsConnection, PpmsUser, PpmsSystem, PpmsBooking, PpmsProject, parseMultilineResponse, AuthenticationError, NoDataError, FacilitySdkError, HttpTimeoutError } from "pyppms-ts";
export async function emails(url: string, apiKey: string): Promise<string[]> {
  const ppms: PpmsConnection = await PpmsConnection.connect({ baseUrl: url, apiKey });
  const users: ReadonlyMap<string, PpmsUser> | PpmsUser[] | unknown = await ppms.getUsers({ activeOnly: true });
  const systems: ReadonlyMap<number, PpmsSystem> = await ppms.getSystems();
  const sheet: PpmsBooking[] = await ppms.getRunningSheet(2, "2030-03-14", { signal: AbortSignal.timeout(5_000) });
  const projects: ReadonlyMap<number, PpmsProject> = await ppms.getProjects();
  void users; void systems; void sheet; void projects; void parseMultilineResponse;
  const isAuth = (e: unknown): boolean => e instanceof AuthenticationError || e instanceof NoDataError || (e instanceof FacilitySdkError && !(e instanceof HttpTimeoutError));
  void isAuth;
  return ppms.getUsersEmails({ active: true });
}
`,
  },
  "timesync-ts": {
    names: ["TimeSync", "parseDuration", "formatDuration", "TimeSyncError", "FacilitySdkError", "HttpNotFoundError"],
    ts: `import { TimeSync, parseDuration, type Time, type Project } from "timesync-ts";
export async function hours(baseUrl: string): Promise<number> {
  const ts = new TimeSync({ baseUrl });
  await ts.authenticate({ username: "u", password: "p", authType: "password" });
  await ts.createTime({ duration: "3h30m", project: "p", dateWorked: "2030-01-01" });
  const times: Time[] = await ts.getTimes({ project: ["p"] });
  const projects: Project[] = await ts.getProjects();
  void projects;
  return times.reduce((s, t) => s + t.duration, 0) / parseDuration("1h0m");
}
`,
  },
};
