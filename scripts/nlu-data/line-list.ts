/**
 * Turns a block of text into hand-written lines: one message per line, surrounding whitespace and
 * empty lines dropped. Lets the later fragment files be written without quoting every line.
 */
export function lineList(block: string): string[] {
  return block
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
}
