interface QuantityStepperProps {
  value: number
  onChange: (value: number) => void
  max: number
  min?: number
  itemName: string
  disabled?: boolean
}

// − [n] + ; the number can be typed as well.
export function QuantityStepper({ value, onChange, max, min = 1, itemName, disabled = false }: QuantityStepperProps) {
  const clamp = (n: number) => Math.max(min, Math.min(max, n))
  return (
    <div className="stepper" role="group" aria-label={`Quantity of ${itemName}`}>
      <button
        type="button"
        className="stepper__btn"
        aria-label={`Decrease quantity of ${itemName}`}
        disabled={disabled || value <= min}
        onClick={() => onChange(clamp(value - 1))}
      >
        −
      </button>
      <input
        className="stepper__input"
        type="number"
        inputMode="numeric"
        aria-label={`Quantity of ${itemName}`}
        min={min}
        max={max}
        value={value}
        disabled={disabled}
        onChange={(e) => {
          const n = Number.parseInt(e.target.value, 10)
          if (Number.isFinite(n)) onChange(clamp(n))
        }}
      />
      <button
        type="button"
        className="stepper__btn"
        aria-label={`Increase quantity of ${itemName}`}
        disabled={disabled || value >= max}
        onClick={() => onChange(clamp(value + 1))}
      >
        +
      </button>
    </div>
  )
}
