/** The version of leaderboard-check, as `--version` prints it and SARIF names the tool. */
export const VERSION = '1.0.0';
