"""Pure rules of the law: no Qt, no SQL, no I/O."""
