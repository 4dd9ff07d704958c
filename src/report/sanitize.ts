/** Making text from the data inert in a terminal or a workflow log. */

/**
 * C0 and C1 controls except tab, line feed and carriage return, and the
 * bidirectional controls that reorder what a reader sees. Each caller
 * handles line breaks: a terminal line turns them into spaces, and a
 * workflow command percent-encodes them.
 */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Replaces controls with U+FFFD, so a value cannot move the cursor, change colours or ring the bell. */
export function replaceControls(text: string): string {
  return text.replace(UNSAFE, '\uFFFD');
}

/**
 * Makes a data value one inert terminal line: controls become U+FFFD and
 * line breaks become spaces, so a value can neither paint the terminal nor
 * start a line of its own.
 */
export function cleanLine(text: string): string {
  return replaceControls(text).replace(/\r\n|[\r\n]/g, ' ');
}

/**
 * Keeps a printed line from reading as a workflow command. The runner reads
 * `::name` at the start of a trimmed line and the older `##[name]` anywhere
 * in a line. A zero-width space inside either marker keeps the text readable.
 */
export function defuseCommand(line: string): string {
  return line.replace(/^(\s*):(?=:)/, '$1:\u200b').replace(/##\[/g, '#\u200b#[');
}
