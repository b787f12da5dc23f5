"""Purchase and e-commerce rules: orders, payments, action sets, buyers (R8-R16, C10, C11)."""

from __future__ import annotations

from datetime import timedelta

from ..domain.catalog import Catalog, payment_type_label
from ..domain.contacts import normalise_email, normalise_name
from ..domain.ecommerce import DEFAULT_SETS
from ..domain.names import isolated
from ..domain.purchase import match_purchase
from ..domain.steps import Step
from ..domain.timeutil import describe_duration
from .core import ACTION, Deferred
from .model import Buyer, ScenarioEvent, duration_seconds
from .movement import MovementRules
from .plan import NodePlan
from .state import ContactState, Order

CHANNEL_WORDS = {"shopping_cart": "shopping cart", "order_form": "order form",
                 "legacy_order_form": "legacy order form", "manual_order": "manual order",
                 "api": "API"}
CAMPAIGN_ACTIONS = ("add_to_campaign", "remove_from_campaign")


def set_label(key: str, catalog: Catalog | None = None) -> str:
    """A set's name for people: the default set's label, or the product's own name."""
    if key.startswith("product:"):
        product_id = key[len("product:"):]
        name = catalog.product_name(product_id) if catalog is not None else product_id
        return f"Product: {name}"
    return DEFAULT_SETS.get(key, (key, ""))[0]


class CommerceRules(MovementRules):
    # -- buyers (R15) ---------------------------------------------------------------------
    def buyer(self, who: str | Buyer) -> tuple[ContactState, bool]:
        if isinstance(who, str):
            return self.contacts[who], False
        key = (normalise_name(who.first_name), normalise_name(who.last_name),
               normalise_email(who.email))
        found = self.find_contact(key)
        if found is not None:
            return self.contacts[found], False
        c = self.add_contact(who.as_contact(self.new_contact_id()))
        self.journey(c, "contact_created", None,
                     "no contact had this first name, last name and email")
        self.say(f"{isolated(c.name)} <{c.email}> was created as contact {c.id} "
                 "(no contact matched first name, last name and email)")
        return c, True

    # -- action sets (R12-R14, C10) -------------------------------------------------------
    def fire_set(self, c: ContactState, key: str, deferred: Deferred) -> None:
        actions = self.plan.ecommerce.actions(key)
        if not actions:
            return
        self.count_set(key)
        label = set_label(key, self.plan.catalog)
        count = len(actions)
        self.journey(c, "action_set", None,
                     f'"{isolated(label)}" ({count} action{"" if count == 1 else "s"})')
        # The line names what the set did (campaign moves have lines of their own, after).
        slot = self.reserve()
        parts: list[str] | None = [] if self.log is not None else None
        # A tag that a sequence started by these actions applies at once is one the actions
        # triggered too: its goals wait with the others (R16, C11).
        outer, self.deferring = self.deferring, (c.id, deferred)
        for action in actions:
            delay = duration_seconds(action.delay)
            if delay > 0:
                self.schedule(self.now + delay, ACTION, c.id, action, key)
                if parts is not None:
                    # "email "Thanks" to be sent in 2 hours": read left to right, "in 2
                    # hours: tag applied -> email sent" seemed to send the email later too
                    later = f"in {describe_duration(timedelta(seconds=delay))}"
                    parts.append(self.action_words(action, later=later))
            else:
                if parts is not None and action.kind not in CAMPAIGN_ACTIONS:
                    parts.append(self.action_words(action, c))
                self.do_action(c, action, key, deferred)
        self.deferring = outer
        self.fill(slot, f'{isolated(c.name)}: action set "{isolated(label)}" ran', parts)

    def action_words(self, action: Step, c: ContactState | None = None,
                     later: str = "") -> str:
        """What an action does, in a few words: 'tag "customer" applied'; one still to
        come, ``later`` saying when: 'tag "customer" to be applied in 2 hours'. Given the
        contact it is about to act on, a tag change that does nothing says so (C7)."""
        kind = action.kind
        done, when = ("to be ", f" {later}") if later else ("", "")
        if kind == "apply_tag":
            if c is not None and action.tag in c.tags:
                return f'tag "{isolated(str(action.tag))}" already held, nothing happens'
            return f'tag "{isolated(str(action.tag))}" {done}applied{when}'
        if kind == "remove_tag":
            if c is not None and action.tag not in c.tags:
                return f'tag "{isolated(str(action.tag))}" not held, nothing happens'
            return f'tag "{isolated(str(action.tag))}" {done}removed{when}'
        if kind == "send_email":
            return f'email "{action.subject}" {done}sent{when}'
        if kind == "notify_team":
            return f'team {done}notified{when}: "{action.message}"'
        if kind == "set_contact_type":
            return f'contact type {done}set to "{action.contact_type}"{when}'
        name = self.plan.campaign_name(action.campaign or "")
        return f'{done}added to "{isolated(name)}"{when}' if kind == "add_to_campaign" \
            else f'{done}removed from "{isolated(name)}"{when}'

    def do_action(self, c: ContactState, action: Step, key: str,
                  deferred: Deferred | None) -> None:
        how = f'action set "{isolated(set_label(key, self.plan.catalog))}"'
        kind = action.kind
        if kind == "apply_tag":
            self.apply_tag(c, action.tag or "", how, deferred)
        elif kind == "remove_tag":
            self.remove_tag(c, action.tag or "", how)
        elif kind == "send_email":
            self.count_email()
            self.journey(c, "email_sent", None, f'"{action.subject}" ({how})')
        elif kind == "notify_team":
            self.journey(c, "notify_team", None, f'"{action.message}" ({how})')
        elif kind == "set_contact_type":
            self.set_contact_type(c, action.contact_type, how)
        elif kind == "add_to_campaign":
            self.add_to_campaign(c, action.campaign or "", how)
        elif kind == "remove_from_campaign":
            self.remove_from_campaign(c, action.campaign or "", how)

    def delayed_action(self, c: ContactState, action: Step, key: str) -> None:
        if self.log is not None and action.kind not in CAMPAIGN_ACTIONS:  # lines of their own
            self.say(f'{isolated(c.name)}: {self.action_words(action, c)} (delayed action of '
                     f'"{isolated(set_label(key, self.plan.catalog))}")')
        self.do_action(c, action, key, None)

    def run_deferred(self, c: ContactState, deferred: Deferred) -> None:
        """The tag goals of the set's tags, in the order applied (C11); then the sequences
        that waited at a tag step go on, unless a goal removed the contact (C8)."""
        for tag, how in deferred.tags:
            self.tag_goals(c, tag, how)
        for node_id, index in deferred.paused:
            self.resume(c, node_id, index)

    # -- events ---------------------------------------------------------------------------
    def cart_login(self, c: ContactState) -> None:
        self.journey(c, "cart_login", None, "logged into a multi-step cart")
        self.say(f"{isolated(c.name)} logged into the cart")
        deferred = Deferred()
        self.fire_set(c, "on_login", deferred)
        self.run_deferred(c, deferred)

    def purchase(self, event: ScenarioEvent) -> None:
        """R16: buyer match or creation, contact_creation, purchase set, product sets, goals."""
        assert event.contact is not None and event.order_id is not None
        c, created = self.buyer(event.contact)
        channel = event.channel or "shopping_cart"
        outcome = event.outcome or "success"
        payment_type = event.payment_type or "credit_card"
        order = Order(event.order_id, c.id, channel, event.products, payment_type,
                      event.order_form, placed=outcome)
        self.orders[order.id] = order
        catalog = self.plan.catalog
        products = ", ".join(isolated(catalog.product_name(p)) for p in event.products)
        via = CHANNEL_WORDS.get(channel, channel)
        if event.order_form:
            form = catalog.order_forms.get(event.order_form)
            via += f' "{isolated(form.name if form else event.order_form)}"'
        detail = (f"order {order.id} via {via}: {products}; "
                  f"{payment_type_label(payment_type)}; payment {outcome}")
        self.journey(c, "purchase", None, detail)
        self.say(f"{isolated(c.name)} placed {detail}")
        deferred = Deferred()
        eco = self.plan.ecommerce
        if created and eco.creation_fires(channel):
            self.fire_set(c, "contact_creation", deferred)
        for key in eco.sets_for_order(channel, outcome, event.products):
            self.fire_set(c, key, deferred)
        if self.log is not None:
            self.sets_not_run(c, order.id, eco.sets_not_run(channel, outcome, event.products,
                                                             created))
        if outcome == "success":
            order.paid = True
            self.purchase_goals(c, order, payment_type)
        self.run_deferred(c, deferred)

    def sets_not_run(self, c: ContactState, order_id: str,
                     groups: list[tuple[list[str], str]]) -> None:
        """One line for the non-empty sets the order did not run, and why (R13, R14):
        'Ana Diaz: action set "Product: Mitt" not run (order o-1): "Also run …" is off'."""
        if not groups:
            return
        parts = []
        for index, (keys, reason) in enumerate(groups):
            names = [f'"{isolated(set_label(k, self.plan.catalog))}"' for k in keys]
            sets = (f"action set {names[0]}" if len(names) == 1
                    else f"action sets {', '.join(names[:-1])} and {names[-1]}")
            where = f" (order {order_id})" if index == 0 else ""
            parts.append(f"{sets} not run{where}: {reason}")
        self.say(f"{isolated(c.name)}: " + "; ".join(parts))

    def payment(self, event: ScenarioEvent) -> None:
        """A later payment of an order (R8, R9): only the first success reaches goals."""
        assert event.order_id is not None
        order = self.orders[event.order_id]
        c = self.contacts[order.contact]
        payment_type = event.payment_type or order.payment_type
        outcome = event.outcome or "success"
        renewal = order.paid and outcome == "success"
        # R8: a subscription renews; a one-time order paid again is a later payment (an
        # instalment) and must not read as a renewal (QA)
        products = self.plan.catalog.products
        kind = "payment" if not renewal else (
            "renewal payment" if any(products[p].billing == "subscription"
                                     for p in order.products if p in products)
            else "later payment")
        detail = (f"{kind} of order {order.id}: {payment_type_label(payment_type)}, "
                  f"{outcome}")
        self.journey(c, "payment", None, detail)
        if outcome != "success":
            self.say(f"{isolated(c.name)}: {detail}; " + (
                "the order is already paid, so nothing changes" if order.paid
                else "purchase goals wait for a successful payment"))
            return
        if renewal:
            matching = [g.name for g in self.plan.purchase_candidates(order.products,
                                                                      order.order_form)
                        if match_purchase(g.purchase, self.plan.catalog, order.products,
                                          order.order_form, payment_type).matched]
            goals = ", ".join(f'"{isolated(n)}"' for n in matching)
            self.say(f"{isolated(c.name)}: {detail}" + (
                f"; not checked against {goals}: only an order's first successful payment counts"
                if goals else ""))
            return
        self.say(f"{isolated(c.name)}: {detail}, the order's first successful payment")
        order.paid = True
        if self.log is not None and order.placed in ("failed", "error"):
            # the sets an order paid when placed runs (C10: a payment runs none; QA: the
            # log did not say why a failed order paid later sent no "thank you")
            missed = self.plan.ecommerce.sets_for_order(order.channel, "success", order.products)
            if missed:
                self.sets_not_run(c, order.id, [(missed, "action sets run when an order is "
                                                          "placed, not at a later payment")])
        self.purchase_goals(c, order, payment_type)

    def purchase_goals(self, c: ContactState, order: Order, payment_type: str) -> None:
        """R9, R10: each purchase goal checked once, at the order's first successful payment.
        Who may achieve them (R4) is settled before any is achieved: a goal that lets any
        contact in does not make the campaign's other goals eligible in the same order.
        First the goals it meets but for the payment type are logged, then the goals it
        meets are achieved, upstream ones first: in the order :meth:`in_link_order` gives,
        which does not depend on the order the goals are stored in."""
        before = dict(c.membership)
        met: list[NodePlan] = []
        refused: dict[str, str] = {}  # goal id -> the payment type's refusal
        met_or_refused = self.plan.purchase_candidates(order.products, order.order_form)
        for goal in met_or_refused:
            assert goal.purchase is not None
            match = match_purchase(goal.purchase, self.plan.catalog, order.products,
                                   order.order_form, payment_type)
            if match.matched:
                met.append(goal)
            elif match.reason.startswith("payment type"):
                refused[goal.id] = match.reason
        joining = self.joined_by(c, met, before)
        if refused:
            for goal in self.in_link_order([g for g in met_or_refused
                                            if g.id in refused]):
                # SPEC C13 has no other event for it; the journey view words it "not
                # achieved" (an order that did not match, not R4's eligibility).
                reason = refused[goal.id]
                self.journey(c, "not_eligible", goal.id, mismatch_detail(order.id, reason))
                self.say(f'{isolated(c.name)} did not achieve {goal.label} (order {order.id}): '
                         f"{reason}")
        how = f"order {order.id}, {payment_type_label(payment_type)}"
        for goal in self.in_link_order(met):
            self.achieve(c, goal, how, before, joining)


def mismatch_detail(order_id: str, reason: str) -> str:
    """The journey detail of an order that did not match a goal its contact was eligible
    for: "order o-1: payment type Check not chosen" (see :func:`is_mismatch`)."""
    return f"order {order_id}: {reason}"


def is_mismatch(event: str, detail: str) -> bool:
    """Whether a journey entry is an eligible contact's order that did not match the goal
    (SPEC C13 records it as ``not_eligible``, its one event for a goal not reached), rather
    than R4's ineligibility ('order o-1, Credit card: not in "Spring sale"')."""
    return event == "not_eligible" and detail.startswith("order ") and \
        detail.partition(": ")[2].startswith("payment type")
