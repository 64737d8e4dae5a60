import { PERIODS, useDashboardStore } from '../../../stores/useDashboardStore.js'

// 7, 30 or 90 days: a radio group styled as tabs (arrow keys move).
export function PeriodPicker() {
  const days = useDashboardStore((s) => s.days)
  const setDays = useDashboardStore((s) => s.setDays)
  return (
    <fieldset className="segmented">
      <legend className="sr-only">Period</legend>
      {PERIODS.map((value) => (
        <label key={value} className={days === value ? 'segmented__option is-on' : 'segmented__option'}>
          <input type="radio" name="dashboard-period" value={value} checked={days === value} onChange={() => setDays(value)} />
          Last {value} days
        </label>
      ))}
    </fieldset>
  )
}
