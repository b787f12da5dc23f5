"""A what-if scenario described in a marketer's terms, turned into scenario data (no Qt).

The Simulation panel's *New What-If* form fills a :class:`WhatIf`; :meth:`WhatIf.to_data`
gives the ``.scenario.json`` content (a ``population``, R18), which the scenario loader then
checks like any file. Durations are written as ISO 8601 (C5), times as UTC with a ``Z``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ..domain.timeutil import format_duration, format_time


@dataclass
class WhatIfPurchase:
    product: str
    probability: float  # 0..1
    within_days: float = 7.0
    channel: str | None = None  # None: the scenario's channel mix (shopping cart)
    order_form: str | None = None


@dataclass
class WhatIfTag:
    tag: str
    probability: float  # 0..1
    within_days: float = 7.0


@dataclass
class WhatIf:
    description: str
    start: datetime
    days: float  # how long to simulate
    count: int
    arrival_days: float = 0.0
    campaign: str | None = None
    share_added: float = 1.0
    purchases: list[WhatIfPurchase] = field(default_factory=list)
    payment_types: dict[str, float] = field(default_factory=lambda: {"credit_card": 1.0})
    failure_rate: float = 0.0
    error_rate: float = 0.0
    retry_share: float = 0.0
    retry_after_hours: float = 24.0
    renewals: int = 0
    renewal_every_days: float = 30.0
    seed: int = 1
    login_share: float = 0.0  # 0..1: log into the multi-step cart as they arrive
    tags: list[WhatIfTag] = field(default_factory=list)

    def to_data(self) -> dict[str, Any]:
        population: dict[str, Any] = {
            "count": self.count,
            "arrival_spread": _days(self.arrival_days),
        }
        if self.campaign:
            population["campaign"] = self.campaign
            population["share_added"] = self.share_added
        purchases = []
        for p in self.purchases:
            entry: dict[str, Any] = {"product": p.product, "probability": p.probability,
                                     "within": _days(p.within_days)}
            if p.channel:
                entry["channel"] = p.channel
            if p.order_form:
                entry["order_form"] = p.order_form
            purchases.append(entry)
        population["purchases"] = purchases
        population["payment_types"] = dict(self.payment_types)
        population["failure_rate"] = self.failure_rate
        population["error_rate"] = self.error_rate
        if self.retry_share:
            population["retry_share"] = self.retry_share
            population["retry_after"] = format_duration(
                timedelta(hours=self.retry_after_hours))
        if self.renewals:
            population["renewals"] = self.renewals
            population["renewal_every"] = _days(self.renewal_every_days)
        # written only when asked for: a what-if without them is the file it was before
        if self.login_share:
            population["login_share"] = self.login_share
        if self.tags:
            population["tags"] = [{"tag": t.tag, "probability": t.probability,
                                   "within": _days(t.within_days)} for t in self.tags]
        return {
            "description": self.description,
            "start": format_time(self.start),
            "until": format_time(self.start + timedelta(days=self.days)),
            "seed": self.seed,
            "population": population,
        }


def _days(days: float) -> str:
    return format_duration(timedelta(days=days))
