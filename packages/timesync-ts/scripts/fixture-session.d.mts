// Types for fixture-session.mjs (used by test/replay.test.ts).
import type { Activity, Project, ProjectRole, Time, TimeSync } from "../src/index.js";

export interface Stage0Result {
  member: TimeSync;
  project: Project;
  first: Time;
  second: Time;
  may: Time[];
  users: Record<string, ProjectRole[]>;
  activities: Activity[];
}
export interface Stage1Result {
  updated: Time;
  withRevisions: Time;
  remaining: Time[];
  everything: Time[];
}
export function stage0(clients: { admin: TimeSync; memberPassword: string; loginMember: () => Promise<TimeSync> }): Promise<Stage0Result>;
export function stage1(clients: { member: TimeSync }, stage0: { first: Time; second: Time }): Promise<Stage1Result>;
