"""Illustrative figures for the demo: 2025 (the baseline) and 2026, for every seed target,
each entered at its proper level. None of these numbers is real."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

# (indicator, target position) -> the commune's figure in 2025 and 2026.
COMMUNE_FIGURES: dict[tuple[int, int], tuple[float, float]] = {
    (1, 1): (725, 768), (2, 0): (44000, 45200), (2, 1): (160000, 166500), (2, 2): (240, 246),
    (2, 3): (11800, 11600), (2, 4): (5000, 5250), (3, 0): (24.5, 25.8), (4, 0): (41.2, 41.5),
    (5, 0): (3900, 3990), (6, 0): (3, 4), (7, 0): (19.8, 17.9), (8, 0): (95.2, 96.1),
    (9, 0): (3, 4), (10, 0): (62, 74), (11, 0): (48, 55), (12, 0): (2.1, 1.8),
    (13, 0): (30, 33), (14, 0): (86, 88), (15, 0): (20, 23.3), (15, 1): (56.7, 60),
    (15, 2): (76, 77.5), (16, 0): (92, 95), (17, 0): (100, 100), (17, 1): (27, 28),
    (18, 0): (70, 73), (19, 0): (80, 84), (20, 0): (100, 100), (20, 1): (85.7, 88.1),
    (20, 2): (86, 87), (20, 3): (14.3, 16.7), (20, 4): (12, 13), (21, 0): (24, 21),
    (22, 0): (80, 86), (23, 0): (100, 100), (24, 0): (92, 93), (24, 1): (40, 55),
}
YEARS = (2025, 2026)


def _d(x: float, places: int = 2) -> Decimal:
    return Decimal(str(x)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def split_total(total: float, n: int, rng: random.Random, places: int = 0) -> list[Decimal]:
    """Split a total over n units with uneven weights; the parts add up exactly."""
    weights = [rng.uniform(0.5, 1.5) for _ in range(n)]
    scale = total / sum(weights)
    parts = [_d(w * scale, places) for w in weights]
    parts[-1] += _d(total, places) - sum(parts)
    return parts


def split_ratio(rate: float, n: int, rng: random.Random, low: int, high: int
                ) -> list[tuple[Decimal, Decimal]]:
    """(numerator, denominator) per unit whose ratio of sums is close to ``rate`` %."""
    dens = [rng.randint(low, high) for _ in range(n)]
    target_num = round(rate / 100 * sum(dens))
    nums = [min(d, round(d * rate / 100 * rng.uniform(0.85, 1.15))) for d in dens]
    # Nudge to hit the total exactly, without passing any denominator.
    i = 0
    while sum(nums) != target_num and i < 10_000:
        k = i % n
        if sum(nums) < target_num and nums[k] < dens[k]:
            nums[k] += 1
        elif sum(nums) > target_num and nums[k] > 0:
            nums[k] -= 1
        i += 1
    return [(Decimal(a), Decimal(b)) for a, b in zip(nums, dens, strict=True)]


def yes_flags(count: float, n: int) -> list[Decimal]:
    return [Decimal(1) if i < int(count) else Decimal(0) for i in range(n)]
