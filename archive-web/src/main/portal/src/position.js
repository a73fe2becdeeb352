// Positions in the query text as the ADQL engine reports them (1-based line and column, the column counted
// in Unicode code points, lines split at \n) turned into the editor's offsets (UTF-16 code units), and the
// range of the word there, which the editor marks. Pure functions of strings: tested with node --test.

/** The offset of line and column in text; a position beyond a line's end is its end, beyond the text its end. */
export function offsetOf(text, line, column) {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", start);
    if (next < 0) {
      return text.length;
    }
    start = next + 1;
  }
  let end = text.indexOf("\n", start);
  if (end < 0) {
    end = text.length;
  }
  let offset = start;
  for (let c = 1; c < column && offset < end; c++) {
    const code = text.codePointAt(offset);
    offset += code > 0xffff ? 2 : 1;
  }
  return offset;
}

// a delimited identifier, a string, a word (letters, digits, _ and the dots of qualified names), else one character
const TOKEN = /^(?:"(?:[^"\n]|"")*"?|'(?:[^'\n]|'')*'?|[\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*|[^\s])/u;

/** The range to mark for a problem at line and column: the token that starts there (empty at the text's end). */
export function errorRange(text, line, column) {
  const from = offsetOf(text, line, column);
  const token = TOKEN.exec(text.slice(from));
  return { from, to: token ? from + token[0].length : from };
}

/** The position in a TAP error message ("ADQL error at 3:7: ..."), or null when it names none. */
export function positionInMessage(message) {
  const match = /\bat (\d+):(\d+): /.exec(message);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : null;
}
