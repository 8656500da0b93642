"""Identifiers and clocks made on the device.

* :func:`uuid7` makes time-ordered UUIDv7 ids (RFC 9562), so new records sort by
  creation time and B-tree inserts stay at the right edge of an index.
* :class:`HybridClock` is a hybrid logical clock: a 64-bit integer whose high
  bits are wall-clock milliseconds and whose low 16 bits are a counter. It never
  goes backwards, even when the wall clock does, and it absorbs remote clocks.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

_uuid_lock = threading.Lock()
_last_ms = 0
_last_rand = 0

COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1


def uuid7(ms: int | None = None) -> uuid.UUID:
    """A UUIDv7; monotonic within this process (the random part counts up within a ms)."""
    global _last_ms, _last_rand
    with _uuid_lock:
        now = int(time.time() * 1000) if ms is None else ms
        if ms is None and now <= _last_ms:
            now = _last_ms
            _last_rand += 1
            rand = _last_rand
        else:
            rand = int.from_bytes(os.urandom(10), "big") >> 6  # 74 random bits
            if ms is None:
                _last_ms = now
                _last_rand = rand
        rand &= (1 << 74) - 1
    rand_a = rand >> 62  # 12 bits
    rand_b = rand & ((1 << 62) - 1)
    value = (now & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= rand_a << 64
    value |= 0b10 << 62
    value |= rand_b
    return uuid.UUID(int=value)


def uuid7_time_ms(u: uuid.UUID) -> int:
    return u.int >> 80


def hlc_pack(ms: int, counter: int) -> int:
    return (ms << COUNTER_BITS) | (counter & COUNTER_MASK)


def hlc_ms(value: int) -> int:
    return value >> COUNTER_BITS


def hlc_counter(value: int) -> int:
    return value & COUNTER_MASK


def wall_ms() -> int:
    return int(time.time() * 1000)


class HybridClock:
    """A hybrid logical clock; ``last`` is persisted by the caller after each tick."""

    def __init__(self, last: int = 0, now_ms=wall_ms) -> None:  # type: ignore[no-untyped-def]
        self.last = last
        self._now_ms = now_ms
        self._lock = threading.Lock()

    def tick(self) -> int:
        with self._lock:
            physical = hlc_pack(self._now_ms(), 0)
            self.last = physical if physical > self.last else self.last + 1
            return self.last

    def observe(self, remote: int) -> int:
        """Merge a remote timestamp so that later local ticks sort after it."""
        with self._lock:
            physical = hlc_pack(self._now_ms(), 0)
            self.last = max(self.last + 1, remote + 1, physical)
            return self.last
