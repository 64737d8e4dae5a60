// Saves text as a file the way a web page can: a Blob behind an object
// URL, clicked through an <a download>. The browser (or Electron's
// download handling) decides where it goes.
export function downloadText(fileName: string, text: string, type: string): void {
  const blob = new Blob([text], { type })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  a.hidden = true
  document.body.append(a)
  try {
    a.click()
  } finally {
    a.remove()
    // Revoked a little later: some browsers start reading the Blob only
    // after the click has returned.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
}

export const CSV_TYPE = 'text/csv;charset=utf-8'
export const JSON_TYPE = 'application/json;charset=utf-8'
