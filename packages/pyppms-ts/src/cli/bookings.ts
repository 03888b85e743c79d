// `ppms running-sheet` (a facility's bookings of one day) and `ppms bookings current|next <system>`.
import { withExamples, createProgress, printRows } from "@facility-sdk/cli-kit";
import type { Command } from "commander";
import { formatDay } from "../index.js";
import type { CliContext } from "./context.js";
import { flatten } from "./rows.js";

/** Adds `running-sheet` and `bookings current|next`. */
export function addBookingCommands(program: Command, context: CliContext): void {
  withExamples(
    program
      .command("running-sheet")
      .description("the bookings of a core facility on one day (user, system, start, end, session)")
      .argument("<facility>", "core facility id")
      .argument("[day]", "YYYY-MM-DD (default: today)"),
    "ppms running-sheet 2 2030-03-14",
  ).action(async (facility: string, day: string | undefined) => {
    const progress = createProgress("users");
    const sheet = await (await context.connection())
      .getRunningSheet(facility, day ?? formatDay(new Date()), { onProgress: ({ done, total }) => progress.update(done, total) })
      .finally(() => progress.finish());
    printRows(context.format, sheet.map(flatten), sheet);
  });

  const bookings = withExamples(program.command("bookings").description("the current or next booking of a system"), "ppms bookings next 31");
  for (const [name, what] of [
    ["current", "the booking running now on a system"],
    ["next", "the next booking of a system"],
  ] as const) {
    withExamples(bookings.command(name).description(`${what} (nothing printed in a table when there is none)`).argument("<system>", "system id"), `ppms bookings ${name} 31`).action(
      async (system: string) => {
        const ppms = await context.connection();
        const booking = name === "current" ? await ppms.getCurrentBooking(system) : await ppms.getNextBooking(system);
        printRows(context.format, booking ? [flatten(booking)] : [], booking);
      },
    );
  }
}
