import { useState, type FormEvent } from 'react'
import { RULES, RULE_TEXT, type ShopSettings } from '../../../../shared/protocol/settings.js'
import { TRACKS } from '../../../../shared/protocol/statuses.js'
import { describeInvalid } from '../../lib/errors.js'
import { TRACK_LABELS } from '../../lib/labels.js'
import { useSettingsStore } from '../../stores/useSettingsStore.js'
import { useUiStore } from '../../stores/useUiStore.js'
import { Button } from '../../ui/Button.js'
import { ErrorBanner } from '../../ui/ErrorBanner.js'
import { TextField } from '../../ui/Field.js'
import { Switch } from '../../ui/Switch.js'
import { rulesDraftOf, validateRules, type RulesDraft, type RulesErrors } from './rulesDraft.js'

const RULE_HINTS: Record<(typeof RULES)[number], string> = {
  capture_on_ship: 'The shop takes the money as the parcel leaves.',
  complete_when_delivered_and_paid: 'No need to press “Complete order” yourself.',
  settle_on_cancel: 'Cancelling an order settles its payment and delivery for you.',
  refund_on_return: 'A returned parcel gives the buyer their money back.',
}

// The form behind "Rules and thresholds"; saved with merchant:saveSettings.
export function RulesForm({ settings }: { settings: ShopSettings }) {
  const save = useSettingsStore((s) => s.save)
  const toast = useUiStore((s) => s.toast)
  const [draft, setDraft] = useState<RulesDraft>(() => rulesDraftOf(settings))
  const [errors, setErrors] = useState<RulesErrors>({})
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  function change(next: RulesDraft) {
    setDraft(next)
    if (tried) setErrors(validateRules(next, settings).errors)
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    setTried(true)
    const checked = validateRules(draft, settings)
    setErrors(checked.errors)
    if (checked.settings == null) return
    setBusy(true)
    setFailure(null)
    const outcome = await save(checked.settings)
    setBusy(false)
    if (!outcome.ok) return setFailure(describeInvalid(outcome.error))
    toast('Rules and thresholds saved', 'success')
  }

  return (
    <form className="rules" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="rules__group">
        <legend className="rules__legend">Automatic rules</legend>
        {RULES.map((rule) => (
          <Switch
            key={rule}
            label={RULE_TEXT[rule]}
            hint={RULE_HINTS[rule]}
            checked={draft.rules[rule]}
            onChange={(on) => change({ ...draft, rules: { ...draft.rules, [rule]: on } })}
          />
        ))}
      </fieldset>
      <fieldset className="rules__group">
        <legend className="rules__legend">Needs attention after (hours)</legend>
        <p className="rules__explain">A trade is flagged on the board when one of its tracks has waited this long for your next step.</p>
        <div className="rules__fields">
          {TRACKS.map((track) => (
            <TextField
              key={track}
              label={`${TRACK_LABELS[track]} waiting, in hours`}
              inputMode="decimal"
              value={draft.hours[track]}
              error={errors[track]}
              hint="24 hours = 1 day"
              onChange={(e) => change({ ...draft, hours: { ...draft.hours, [track]: e.target.value } })}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="rules__group">
        <legend className="rules__legend">Low stock</legend>
        <TextField
          label="Low stock at, shop default (units)"
          inputMode="numeric"
          value={draft.lowStock}
          error={errors.lowStock}
          hint="A product with this many units or fewer is marked “Low stock”. A product can have its own threshold."
          fieldClassName="rules__stock"
          onChange={(e) => change({ ...draft, lowStock: e.target.value })}
        />
      </fieldset>
      {failure != null && <ErrorBanner title="Not saved">{failure}</ErrorBanner>}
      <div className="rules__actions">
        <Button type="submit" variant="primary" busy={busy}>Save rules and thresholds</Button>
      </div>
    </form>
  )
}
