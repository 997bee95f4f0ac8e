import type { Stores, Transaction, TxContext, TxStores } from './ports.ts';

/**
 * A `transaction` that runs its work inside the enclosing transaction `tx` instead of opening one, for a
 * use case that calls another's (the hazard gate that assigns a rectification, the assessment that
 * sets the registry's flag). The enclosing transaction must have named every store the inner one names.
 */
export function joinTransaction(tx: TxContext & Partial<Stores>): Transaction {
  return <K extends keyof Stores, T>(names: readonly K[], work: (inner: TxStores<K>) => Promise<T>) => {
    const missing = names.filter((name) => !tx[name]);
    if (missing.length)
      throw new Error(`The enclosing transaction did not name the store(s) ${missing.join(', ')}.`);
    return work(tx as TxStores<K>);
  };
}
