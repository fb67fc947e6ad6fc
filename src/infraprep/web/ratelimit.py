"""A per-client token bucket for the expensive routes (making a report, fetching a URL).

Kept in the app's own memory: one server process, one limit. Buckets idle long
enough to be full again are dropped, and at most ``max_clients`` are tracked,
so a flood of addresses cannot grow memory without bound.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from infraprep.errors import RateLimitedError


class RateLimiter:
    def __init__(
        self,
        per_minute: int,
        burst: int,
        *,
        max_clients: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(max(1, burst))
        self.max_clients = max_clients
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.rate > 0

    def take(self, client: str) -> None:
        """Spend one token for ``client``, or raise ``RateLimitedError`` with the wait."""
        if not self.enabled:
            return
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.pop(client, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens < 1.0:
                self._buckets[client] = (tokens, now)
                raise RateLimitedError(max(1, math.ceil((1.0 - tokens) / self.rate)))
            self._buckets[client] = (tokens - 1.0, now)
            self._forget_idle(now)

    def _forget_idle(self, now: float) -> None:
        full_after = self.burst / self.rate
        while self._buckets:
            oldest, (_tokens, last) = next(iter(self._buckets.items()))
            if now - last < full_after and len(self._buckets) <= self.max_clients:
                break
            del self._buckets[oldest]

    def tracked(self) -> int:
        return len(self._buckets)
