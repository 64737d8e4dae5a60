import { useId, type ReactNode } from 'react'

interface SwitchProps {
  label: ReactNode
  hint?: ReactNode
  checked: boolean
  onChange: (checked: boolean) => void
  disabled?: boolean
}

// An on/off setting: a checkbox announced as a switch, its label and an
// optional hint beside it. Space toggles it, as any checkbox.
export function Switch({ label, hint, checked, onChange, disabled = false }: SwitchProps) {
  const id = useId()
  return (
    <div className={disabled ? 'switch is-disabled' : 'switch'}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch__input"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint != null ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label className="switch__label" htmlFor={id}>
        <span className="switch__track" aria-hidden="true"><span className="switch__thumb" /></span>
        <span className="switch__text">{label}</span>
      </label>
      {hint != null && <p className="switch__hint" id={`${id}-hint`}>{hint}</p>}
    </div>
  )
}
