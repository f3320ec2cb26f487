"""Queries as the casebook and the dashboard count them: per form of a visit (the matrix
flag) and study-wide (open apart from answered; closed ones not at all)."""
from __future__ import annotations

from alsdesk import dashboard, overview
from alsdesk.states import QueryStatus
from tests.conftest import PASSWORD


def _as(store, user):
    store.logout()
    store.login(user, PASSWORD)


def test_flags_and_counts_follow_each_query_from_open_to_closed(store):
    code = store.subjects.create().code
    vs = store.forms.save(code, "screening", "vs", {"weight": 70.0}).record
    dm = store.forms.save(code, "screening", "dm", {"sex": "F"}).record
    _as(store, "mon")
    first = store.queries.raise_query(vs.instance_id, "weight", "Weight of 70 kg: scale?")
    second = store.queries.raise_query(vs.instance_id, None, "Visit date missing?")
    store.queries.raise_query(dm.instance_id, "sex", "Sex: check the ID card.")
    flags = overview.query_flags(store, code)
    assert set(flags) == {("screening", 1, "vs"), ("screening", 1, "dm")}
    vs_flag = flags[("screening", 1, "vs")]
    assert (vs_flag.open, vs_flag.answered, vs_flag.fields) == (2, 0, ("weight",))
    assert vs_flag.text == "2 open queries"
    assert dashboard.query_counts(store) == {QueryStatus.OPEN: 3, QueryStatus.ANSWERED: 0,
                                             QueryStatus.CLOSED: 0}

    _as(store, "nurse")
    store.queries.answer(first.id, "Scale checked, 70 kg is right.")
    vs_flag = overview.query_flags(store, code)[("screening", 1, "vs")]
    assert (vs_flag.open, vs_flag.answered) == (1, 1)
    assert vs_flag.text == "1 open query, 1 answered"
    summary = dashboard.summary(store)
    assert (summary.open_queries, summary.answered_queries) == (2, 1)

    _as(store, "mon")
    store.queries.close(first.id, "Thanks.")
    store.queries.close(second.id)
    flags = overview.query_flags(store, code)
    assert ("screening", 1, "vs") not in flags  # nothing pending on the form any more
    counts = dashboard.query_counts(store)
    assert (counts[QueryStatus.OPEN], counts[QueryStatus.ANSWERED],
            counts[QueryStatus.CLOSED]) == (1, 0, 2)
    assert overview.query_flags(store, "S999") == {}


def test_due_ahead_days_is_the_study_parameter(store):
    days = overview.due_ahead_days(store.study.parameters)
    assert days == float(store.study.parameters["due_ahead_days"])
    assert dashboard.summary(store).due_ahead_days == days
