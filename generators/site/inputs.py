"""What the site renders, assembled: the model, its check results, the trend and the evidence for
policy. ``site build`` (through the CLI) and ``site serve`` both take their inputs from here, so the
preview shows what the build shows; the renderer (:mod:`.build`) only draws what it is given."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

from eagraph.analyses.model import AnalysisModel
from eagraph.check.incremental import warm_mentions
from eagraph.forking import collector_paused, in_fork
from eagraph.gittools.history import entity_history
from eagraph.gittools.trend import recent
from eagraph.workspace import EagraphError, Workspace

from .build import SiteInputs, inputs_from, read_findings
from .pages import Policy
from .reads import watchable

#: How many of the analyses' best-ranked findings the dashboard counts as "the top findings".
TOP_FINDINGS = 10


def site_inputs(workspace: Workspace, trend_commits: int, cache_dir: Path | None, warn=lambda text: None) -> SiteInputs:
    """What the site renders: the model, its check results, the trend over the last ``trend_commits``
    commits, the entities those commits changed (each entity page's history), and the evidence for
    policy (:func:`read_policy`)."""
    trend, history = recent(workspace.root, trend_commits, cache_dir), entity_history(workspace.root, trend_commits,
                                                                                       cache_dir)
    with collector_paused():  # the texts alone: 0.9 s less at 10,000 services
        findings, model = read_findings(workspace)
        model = model or AnalysisModel.build(workspace)  # the check kept its results: built here, for both below
        warmed = warm_mentions(workspace)  # for the next build's incremental check, on the core left free from here on
        try:
            return _content_beside_policy(workspace, findings, model, trend, history, trend_commits, cache_dir, warn)
        finally:
            warmed()


def _content_beside_policy(workspace: Workspace, findings, model, trend, history, trend_commits: int,
                           cache_dir: Path | None, warn) -> SiteInputs:
    """The site's content read while a forked process reads the evidence for policy (about 3 s each at
    10,000 services, one after the other before); meanwhile too, in a build that records what its
    pages read, the tables they are recorded through are made (:func:`.reads.watchable`)."""
    top = findings.analysis[:TOP_FINDINGS]
    policy = in_fork(lambda: _sendable(workspace, top, trend_commits, cache_dir, model))
    try:
        inputs = inputs_from(workspace, findings, model, trend, history)
        if cache_dir is not None:
            watchable(inputs)
    finally:
        inputs_policy, warnings = policy()
    for warning in warnings:
        warn(warning)
    inputs.policy = inputs_policy
    return inputs


def _sendable(workspace: Workspace, top: list, trend_commits: int, cache_dir: Path | None, model) -> tuple:
    """:func:`read_policy` and its warnings, as a forked process sends them back: without the statements
    the burden read (the site shows none of them; they hold the store, which no process can be sent)."""
    warnings: list[str] = []
    policy = read_policy(workspace, top, trend_commits, cache_dir, warnings.append, model=model)
    if policy.burden is not None:
        policy.burden = dataclasses.replace(policy.burden, facts=None)
    return policy, warnings


def read_policy(workspace: Workspace, top: list, trend_commits: int, cache_dir: Path | None, warn,
                model=None) -> Policy:
    """The burden (as ``eagraph burden`` computes it), the burden after acting on the ``top`` findings (as
    ``burden --apply`` does) and the targets (as ``eagraph targets`` assesses them, their course read over
    the last ``trend_commits`` commits through the trend's cache; ``0``: today's values only).

    A burden or a target the model cannot state leaves that part of the dashboard out, with a warning
    naming why: the site of a model is built even when its figures are not all readable. ``model``: the
    model's AnalysisModel when the caller has it (the site's), built again neither for the burden nor for the plan."""
    from eagraph.analyses.burden import burden
    from eagraph.analyses.savings import Planned, scenario
    from eagraph.gittools.targets import progress

    policy = Policy()
    source = str(workspace.config.source) if workspace.config.source else "eagraph.toml"
    planned = [Planned(f.code, f.subject, f.related, f.score) for f in top]
    try:
        policy.burden = burden(workspace, workspace.config.burden, model=model, config_source=source)
    except EagraphError as exc:
        warn(f"the site shows no burden: {exc}")
    # the burden after the top findings relieves the services just priced (no model built, no service priced
    # again), on the other core while this one reads the targets
    plan = in_fork(lambda: scenario(workspace, planned, workspace.config.burden, config_source=source, model=model,
                                    before=policy.burden)) if policy.burden is not None else None
    try:
        try:
            policy.targets = _targets(workspace, trend_commits, cache_dir, progress)
        except EagraphError as exc:
            warn(f"the site shows no targets: {exc}")
        try:
            policy.plan_figures = read_plan(workspace, policy.targets)
        except EagraphError as exc:
            warn(f"the site shows no figures of the plan: {exc}")
    finally:
        if plan is not None:  # waited for whatever happened above: no process left behind
            try:
                policy.plan = plan()
            except EagraphError as exc:
                warn(f"the site shows no burden after the top findings: {exc}")
    return policy


def read_plan(workspace: Workspace, targets: list) -> list:
    """The key figures and the burden today (the day the model is read as of) and as of each plan
    date (:func:`eagraph.gittools.plan.plan_dates`; a model with no initiative due after today has no
    such dates), and on each target the value the plan reaches by its date (``planned``, as ``eagraph
    targets`` reads it: :func:`eagraph.gittools.plan.plan_targets`)."""
    from eagraph.gittools.plan import plan_dates, plan_targets, values_of

    today = workspace.as_of or datetime.date.today()
    figures = plan_targets(workspace, targets, today)
    days = plan_dates(workspace, today)
    if not days:
        return []
    return [(today, values_of(workspace)), *((day, figures.on(day)) for day in days)]


def _targets(workspace: Workspace, trend_commits: int, cache_dir: Path | None, progress) -> list:
    """The targets assessed: with their course over the last ``trend_commits`` commits when the model is
    in git, else (not a repository, no commit yet, or ``--trend 0``) with today's values alone."""
    if trend_commits > 0:
        try:
            return progress(workspace.root, workspace, cache_dir=cache_dir, commits=trend_commits)
        except EagraphError:
            pass  # no history to read: today's values, as below (a target that cannot be measured says so there)
    return progress(workspace.root, workspace, commits=0)
