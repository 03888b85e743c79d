import { errorAnswer, jsonAnswer } from "./render.js";
import type { FakePumapiState } from "./store.js";
import type { PumapiFakeResponse } from "./options.js";

// More of API2: GetGroupsList, GetSessionsList, GetSessionDetails, GetUsersList and the
// instance-specific `Report<number>` calls. Key names follow public samples (GetGroupsList: id,
// head, name, department, institution; GetSessionsList: hour, hoursBooked, userName, cancelled;
// GetSessionDetails: systemId, systemType, systemName, status, userId, userName, projectId,
// projectName, assisted, assistantId, assistant; GetUsersList: id, firstName, lastName). Their
// parameters are not public: the fake filters GetSessionDetails by `sessionId` (its own choice,
// named so in tests) and ignores other parameters. `Report<number>` answers its parameters back
// as one record, so a test can see what was sent.

const quarterOf = (start: string): number => {
  const [h, m] = (start.split("T")[1] ?? "00:00").split(":").map(Number);
  return (h ?? 0) * 4 + Math.floor((m ?? 0) / 15);
};
const hoursBetween = (start: string, end: string): number => (Date.parse(end) - Date.parse(start)) / 3_600_000;

/**
 * Answers an API2 call of this module (its key already checked), or undefined for any other action.
 *
 * @param state - the fake's data
 * @param form - the request form
 * @returns the answer, or undefined when the action is not one of this module's
 */
export function handleApi2More(state: FakePumapiState, form: Record<string, string>): PumapiFakeResponse | undefined {
  const action = form.action ?? "";
  const fullname = (login: string): string => {
    const u = state.users.get(login);
    return u === undefined ? login : `${u.lname} ${u.fname}`;
  };
  if (action === "GetGroupsList") {
    return jsonAnswer([...state.groups.values()].map((g, index) => ({ id: index + 1, head: g.headname, name: g.unitname, department: g.department, institution: g.institution })));
  }
  if (action === "GetUsersList") return jsonAnswer([...state.users.values()].map((u) => ({ id: u.userid, firstName: u.fname, lastName: u.lname })));
  if (action === "GetSessionsList") {
    return jsonAnswer(state.sessions.map((s) => ({ hour: quarterOf(s.start), hoursBooked: hoursBetween(s.start, s.end), userName: fullname(s.login), cancelled: false })));
  }
  if (action === "GetSessionDetails") {
    const id = Number(form.sessionId ?? "");
    const session = state.sessions.find((s) => s.id === id);
    if (session === undefined) return errorAnswer(`invalid sessionId ${form.sessionId ?? ""}`);
    const system = state.systems.get(session.systemId);
    return jsonAnswer([
      {
        systemId: session.systemId,
        systemType: system?.type ?? "",
        systemName: system?.name ?? "",
        status: "booked",
        userId: state.users.get(session.login)?.userid ?? 0,
        userName: fullname(session.login),
        projectId: 0,
        projectName: "",
        assisted: session.assisted,
        assistantId: 0,
        assistant: "",
      },
    ]);
  }
  if (/^Report\d+$/.test(action)) {
    const { action: _action, apikey: _key, format: _format, ...params } = form;
    return jsonAnswer([{ report: action, ...params }]);
  }
  return undefined;
}
