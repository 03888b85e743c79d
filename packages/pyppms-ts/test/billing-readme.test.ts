import { startFakePumapi, type RunningFakePumapi } from "@facility-sdk/test-cache";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PpmsConnection } from "../src/index.js";

// The README's billing example, run as written against the stateful fake PUMAPI.
let server: RunningFakePumapi;
let ppms: PpmsConnection;
beforeAll(async () => {
  server = await startFakePumapi({ now: () => new Date(2030, 2, 14, 9, 0) });
  ppms = await PpmsConnection.connect({ baseUrl: server.url, apiKey: server.apiKey });
});
afterAll(async () => {
  await ppms.close();
  await server.close();
});

describe("README billing example", () => {
  it("orders, invoice tracking, sample results, API2 accounts", async () => {
    const orderId = await ppms.createOrder({ serviceId: 20602, login: "bkovac", quantity: 1.5, projectId: 7 }); // 1003
    expect(orderId).toBe(1003);
    const lines = await ppms.getOrderLines(orderId);
    expect(lines).toMatchObject([{ orderId: "1003", serviceId: 20602, quantity: 1.5, group: "cell_lab", invoiced: false }]);
    for (const invoice of await ppms.getInventoryTrackingList({ filter: "tosend" })) {
      await ppms.setInventoryTrackingSent(invoice.invoiceRef);
    }
    expect(await ppms.getInventoryTrackingList({ filter: "tosend" })).toEqual([]);
    await ppms.addSampleResult("S-0002", "viability", "88%");
    expect((await ppms.getManifest(71))[1]?.fields).toEqual({ Type: "cells", viability: "88%" });
    const accounts = await ppms.getAccounts({ coreId: 2 }); // API2, beside /pumapi/
    expect(accounts.map((a) => a.bcode)).toEqual(["BC-1001", "BC-1002"]);
  });
});
