// The bridge between the renderer and main; it exposes the console
// contract and nothing else.
export {}
