"""Which action sets an order fires (R13, R14, C10)."""

import pytest

from canvas_app.domain.ecommerce import Ecommerce
from canvas_app.domain.steps import Step


@pytest.fixture
def eco() -> Ecommerce:
    tag = [Step("apply_tag", tag="t")]
    return Ecommerce(
        action_sets={name: list(tag) for name in (
            "on_login", "contact_creation", "successful_purchase", "failed_purchase",
            "error_purchase")},
        product_action_sets={"p1": list(tag), "p2": list(tag), "p3": []},
    )


@pytest.mark.parametrize("channel", ["shopping_cart", "order_form"])
def test_R13_cart_channels(eco, channel):
    assert eco.sets_for_order(channel, "success", ["p1", "p2", "p1", "p3"]) == [
        "successful_purchase", "product:p1", "product:p2"]
    assert eco.sets_for_order(channel, "failed", ["p1"]) == ["failed_purchase"]
    assert eco.sets_for_order(channel, "error", ["p1"]) == ["error_purchase"]
    assert eco.creation_fires(channel)


@pytest.mark.parametrize("channel", ["legacy_order_form", "manual_order"])
def test_R14_legacy_and_manual_only_with_the_setting(eco, channel):
    assert eco.sets_for_order(channel, "success", ["p1"]) == []
    eco.product_actions_for_legacy_and_manual = True
    assert eco.sets_for_order(channel, "success", ["p1"]) == ["product:p1"]
    assert eco.sets_for_order(channel, "pending", ["p2"]) == ["product:p2"]
    assert eco.sets_for_order(channel, "failed", ["p2"]) == []
    assert not eco.creation_fires(channel)


def test_R14_api_orders_fire_nothing(eco):
    eco.product_actions_for_legacy_and_manual = True
    assert eco.sets_for_order("api", "success", ["p1"]) == []
    assert not eco.creation_fires("api")


def test_C12_non_empty_keys(eco):
    assert eco.non_empty_keys()[-2:] == ["product:p1", "product:p2"]
    assert "product:p3" not in eco.non_empty_keys()
