import { nameKey } from '../store/shop-state.js'
import { ShopError } from '../shop/errors.js'
import { Throttle, type Rate } from '../shop/throttle.js'

export interface SignInLimits {
  // sign-up and sign-in attempts from one remote address
  perAddress: Rate
  // failed sign-ins for one name, known or not (so the answer does not
  // tell whether the name exists)
  perName: Rate
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perAddress: { burst: 30, perSecond: 1 },
  perName: { burst: 5, perSecond: 1 / 20 },
}

// Refused attempts carry how long to wait, in seconds.
export class Throttled extends ShopError {
  constructor(readonly retryAfter: number) {
    super('rate_limited', 'too many attempts; try again in a little while')
  }
}

// Slows down password guessing and account spraying: every attempt spends
// from its address's bucket, and a sign-in also from its name's bucket,
// given back when the password was right.
export class SignInGuard {
  #byAddress: Throttle
  #byName: Throttle

  constructor(limits: SignInLimits, now: () => number = Date.now) {
    this.#byAddress = new Throttle(limits.perAddress, now)
    this.#byName = new Throttle(limits.perName, now)
  }

  admitAddress(address: string): void {
    if (!this.#byAddress.take(address)) {
      throw new Throttled(this.#byAddress.retryAfter(address))
    }
  }

  async signIn<T>(name: string, attempt: () => Promise<T>): Promise<T> {
    const key = nameKey(name)
    if (!this.#byName.take(key)) {
      throw new Throttled(this.#byName.retryAfter(key))
    }
    const result = await attempt()
    this.#byName.refund(key)
    return result
  }
}
