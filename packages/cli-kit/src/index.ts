export { defaultConfigPath, readConfigFile, warnSecretFlag } from "./config.js";
export { EXIT_ERROR, EXIT_OK, EXIT_USAGE, packageVersion, reportError, runProgram, startProgram } from "./exit.js";
export { withExamples } from "./help.js";
export { cellText, printRows, renderCsv, renderTable, type OutputFormat, type Row } from "./output.js";
export { createProgress, type Progress } from "./progress.js";
export { CliSession, type CliCache, type CommonOptions } from "./session.js";
