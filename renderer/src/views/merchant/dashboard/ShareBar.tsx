import { useCssProps } from '../../../ui/useCssom.js'

// A thin bar showing a value against the largest one (its width is set
// through the CSSOM; the page's CSP blocks style attributes).
export function ShareBar({ value, max }: { value: number; max: number }) {
  const share = max > 0 ? Math.max(2, Math.round((value / max) * 100)) : 0
  const ref = useCssProps<HTMLSpanElement>({ '--share': `${share}%` })
  return <span className="share-bar" aria-hidden="true"><span className="share-bar__fill" ref={ref} /></span>
}
