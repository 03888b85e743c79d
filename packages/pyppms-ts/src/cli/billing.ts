// `ppms orders …` and `ppms invoices …`. Thin on purpose: they print whatever the SDK's billing
// models hold (every field, flattened), so they follow those models as they grow.
import { withExamples, printRows } from "@facility-sdk/cli-kit";
import type { Command } from "commander";
import type { CliContext } from "./context.js";
import { flatten } from "./rows.js";

/** Adds `orders list|lines` and `invoices list|get|lines`. */
export function addBillingCommands(program: Command, context: CliContext): void {
  // A list prints as a JSON array, one invoice as a JSON object.
  const print = (data: object | readonly object[]) => printRows(context.format, (Array.isArray(data) ? data : [data]).map(flatten), data);
  const facility = "only this core facility";

  const orders = withExamples(program.command("orders").description("service orders and their lines"), "ppms orders list");
  withExamples(orders.command("list").description("list orders").option("--facility <id>", facility), "ppms orders list --facility 2 --csv").action(
    async (opts: { facility?: string }) => print(await (await context.connection()).getOrders(opts.facility === undefined ? {} : { coreId: opts.facility })),
  );
  withExamples(orders.command("lines").description("the lines of one order").argument("<order>", "order id"), "ppms orders lines 1001").action(async (order: string) =>
    print(await (await context.connection()).getOrderLines(order)),
  );

  const invoices = withExamples(program.command("invoices").description("invoices and their detail lines"), "ppms invoices list");
  withExamples(invoices.command("list").description("list invoices").option("--facility <id>", facility), "ppms invoices list --json").action(
    async (opts: { facility?: string }) => print(await (await context.connection()).getInvoiceList(opts.facility === undefined ? {} : { coreId: opts.facility })),
  );
  withExamples(invoices.command("get").description("show one invoice").argument("<invoice>", "invoice id"), "ppms invoices get PPMS2-Imaging-20300228-0001").action(async (invoice: string) =>
    print(await (await context.connection()).getInvoice(invoice)),
  );
  withExamples(invoices.command("lines").description("the detail lines of one invoice").argument("<invoice>", "invoice id"), "ppms invoices lines PPMS2-Imaging-20300228-0001").action(
    async (invoice: string) => print(await (await context.connection()).getInvoiceDetails(invoice)),
  );
}
