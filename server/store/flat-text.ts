// A text in one piece. V8 builds a longer string (JSON.stringify's
// output, texts joined with + or a template) as a chain of pieces, and
// keeps it a chain, an object per piece, until something reads the whole
// of it. Converting it to a number is such a read, and joins it in place;
// the garbage collector then drops the chain. The shop keeps a few texts
// for each of hundreds of thousands of trades, so it calls this on each.
export function flat<T extends string>(text: T): T {
  void Number(text)
  return text
}
