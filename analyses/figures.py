"""The key figures of a model: what the site's dashboard shows and ``eagraph trend`` follows over
time. One definition of each, so the dashboard and the trend can never disagree."""

from __future__ import annotations

from collections.abc import Iterable

from eagraph.findings import Finding, Severity

from .model import CV, DCT, EAG, ENTITLEMENT, AnalysisModel

ONLINE_CHANNELS = ("#Online", "#Website", "#MobileApp", "/Online")
#: name -> what it is, in the order reports show them
FIGURES = {
    "services": "public services",
    "online_share": "share of services with an online channel (0..1)",
    "automatic_share": "share of entitlements granted automatically or pro-actively (0..1)",
    "only_once_violations": "only-once-violation findings",
    "duplicate_services": "duplicate-service findings",
    "validation_errors": "validation findings of severity error",
}


def is_online(model: AnalysisModel, service: str) -> bool:
    return any(kind.endswith(ONLINE_CHANNELS) for channel in model.objects(service, CV + "hasChannel")
               for kind in model.objects(channel, DCT + "type"))


def granting(model: AnalysisModel, service: str) -> str | None:
    """``automatic``, ``proactive`` or ``on-request`` for an entitlement, else None."""
    modes = model.granting_mode(service)
    for mode, name in ((EAG + "Automatic", "automatic"), (EAG + "Proactive", "proactive"),
                       (EAG + "OnRequest", "on-request")):
        if mode in modes:
            return name
    return None


def key_figures(model: AnalysisModel, analysis: Iterable[Finding], validation: Iterable[Finding]) -> dict[str, float]:
    services = model.services
    entitlements = [s for s in services if ENTITLEMENT in model.service_type(s)]
    analysis = list(analysis)
    return {
        "services": len(services),
        "online_share": round(sum(is_online(model, s) for s in services) / len(services), 4) if services else 0.0,
        "automatic_share": round(sum(granting(model, s) in ("automatic", "proactive") for s in entitlements)
                                 / len(entitlements), 4) if entitlements else 0.0,
        "only_once_violations": sum(f.code == "only-once-violation" for f in analysis),
        "duplicate_services": sum(f.code == "duplicate-service" for f in analysis),
        "validation_errors": sum(f.severity == Severity.ERROR for f in validation),
    }
