"""What the world is made of in proportions and sentences: service types by role, weights, the
sentence patterns of descriptions, and why each hard negative is not a finding."""

from __future__ import annotations


NONENT = frozenset({"Authorisation", "Obligation", "Certificate", "Information"})
ROLE_TYPES = {
    "agc": frozenset({"Entitlement"}), "pgc": frozenset({"Entitlement"}), "hn-automatic": frozenset({"Entitlement"}),
    "hn-proactive": frozenset({"Entitlement"}), "hn-below": frozenset({"Entitlement"}),
    "oo": NONENT, "hn-fetched": NONENT, "hn-captured": NONENT, "hn-nonauth": NONENT,
    "producer": frozenset({"Certificate", "Authorisation"}),
}
TYPE_WEIGHTS = (("Entitlement", 45), ("Authorisation", 17), ("Obligation", 13), ("Certificate", 12), ("Information", 13))
LEVEL_WEIGHTS = {"Federal": 2.0, "Community": 2.0, "Regional": 2.0, "Local": 1.3}
LOCAL_SOURCES = ("kadaster", "fiscale-inkomsten", "handicapdatabank", "integratie", "voertuigen", "strafregister")
AGENCY_PREFIXES = {
    ("Federal", None): (("Federale Dienst", "Service fédéral"), ("Federaal Agentschap", "Agence fédérale"),
                        ("Federaal Instituut", "Institut fédéral"), ("Federaal Fonds", "Fonds fédéral")),
    ("Regional", "vl"): (("Vlaams Agentschap", "Agence flamande"), ("Vlaams Fonds", "Fonds flamand"),
                         ("Vlaamse Dienst", "Service flamand"), ("Vlaams Instituut", "Institut flamand")),
    ("Regional", "wa"): (("Waals Agentschap", "Agence wallonne"), ("Waals Fonds", "Fonds wallon"),
                         ("Waalse Dienst", "Service wallon"), ("Waals Instituut", "Institut wallon")),
    ("Regional", "br"): (("Brussels Agentschap", "Agence bruxelloise"), ("Brussels Fonds", "Fonds bruxellois"),
                         ("Brusselse Dienst", "Service bruxellois"), ("Brussels Instituut", "Institut bruxellois")),
    ("Community", "vl"): (("Vlaamse Gemeenschapsdienst", "Service de la Communauté flamande"),
                          ("Agentschap van de Vlaamse Gemeenschap", "Agence de la Communauté flamande")),
    ("Community", "wa"): (("Dienst van de Franse Gemeenschap", "Service de la Communauté française"),
                          ("Agentschap van de Franse Gemeenschap", "Agence de la Communauté française")),
}
FEDERAL_DOMAINS = ("burgerzaken", "justitie", "fiscaliteit", "werk", "sociaal", "gezondheid", "pensioen", "ondernemen",
                   "mobiliteit")
COMMUNITY_DOMAINS = ("gezin", "onderwijs", "cultuur")

ENT_SENT = (
    ("U komt in aanmerking als u {cond}.", "Vous y avez droit si vous {cond}."),
    ("Het bedrag bedraagt maximaal {amount} euro per {period}.", "Le montant s'élève au maximum à {amount} euros par {period}."),
    ("Dien uw aanvraag in binnen {months} maanden na {moment}.",
     "Introduisez votre demande dans les {months} mois qui suivent {moment}."),
    ("De administratie onderzoekt uw dossier en beslist binnen {days} dagen.",
     "L'administration examine votre dossier et statue dans les {days} jours."),
    ("Het voordeel kan worden gecombineerd met andere tegemoetkomingen.",
     "L'avantage est cumulable avec d'autres interventions."),
    ("Een onvolledige aanvraag wordt niet behandeld.", "Une demande incomplète n'est pas traitée."),
)
TYPE_SENT = {
    "Entitlement": ENT_SENT,
    "Authorisation": (
        ("U heeft deze toelating nodig als u {cond}.", "Cette autorisation est nécessaire si vous {cond}."),
        ("De administratie gaat na of uw aanvraag voldoet aan de reglementering.",
         "L'administration vérifie si votre demande répond à la réglementation."),
        ("De toelating is {years} jaar geldig en kan worden verlengd.",
         "L'autorisation est valable {years} ans et peut être prolongée."),
        ("Voeg bij uw aanvraag alle gevraagde stukken; een onvolledig dossier wordt niet behandeld.",
         "Joignez à votre demande toutes les pièces requises ; un dossier incomplet n'est pas traité."),
        ("De behandelingstermijn bedraagt {days} dagen.", "Le délai de traitement est de {days} jours."),
    ),
    "Obligation": (
        ("U doet de aangifte binnen {days} dagen.", "Vous faites la déclaration dans les {days} jours."),
        ("Wie de aangifte niet of te laat indient, riskeert een administratieve boete.",
         "Une déclaration absente ou tardive peut entraîner une amende administrative."),
        ("De aangifte gebeurt bij voorkeur online.", "La déclaration se fait de préférence en ligne."),
        ("U ontvangt een ontvangstbewijs dat u best bewaart.", "Vous recevez un accusé de réception qu'il vaut mieux conserver."),
    ),
    "Certificate": (
        ("Het document bevestigt de gegevens die de administratie over u bijhoudt.",
         "Le document confirme les données que l'administration détient à votre sujet."),
        ("U kunt het document gratis downloaden of aan het loket aanvragen.",
         "Vous pouvez télécharger le document gratuitement ou le demander au guichet."),
        ("Het attest is {months} maanden geldig.", "L'attestation est valable {months} mois."),
        ("Andere overheden kunnen deze gegevens vaak rechtstreeks opvragen.",
         "D'autres administrations peuvent souvent consulter ces données directement."),
    ),
    "Information": (
        ("U vindt er uitleg over de voorwaarden, de procedure en de contactpunten.",
         "Vous y trouverez des explications sur les conditions, la procédure et les points de contact."),
        ("Voor persoonlijk advies kunt u een afspraak maken.", "Pour un conseil personnalisé, vous pouvez prendre rendez-vous."),
        ("De informatie wordt regelmatig bijgewerkt.", "Les informations sont régulièrement mises à jour."),
    ),
}
OPENERS = {
    "Entitlement": (("{A} kent {T} toe {AUD}.", "{A} octroie {T} {AUD}."),
                    ("{A} voorziet in {T} {AUD}.", "{A} accorde {T} {AUD}.")),
    "Authorisation": (("{A} levert {T} af {AUD}.", "{A} délivre {T} {AUD}."),
                      ("{A} verleent {T} {AUD}.", "{A} accorde {T} {AUD}.")),
    "Obligation": (("{A} verwerkt {T} {AUD}.", "{A} traite {T} {AUD}."),
                   ("{A} registreert {T} {AUD}.", "{A} enregistre {T} {AUD}.")),
    "Certificate": (("{A} levert {T} af {AUD}.", "{A} délivre {T} {AUD}."), ("{A} bezorgt {T} {AUD}.", "{A} fournit {T} {AUD}.")),
    "Information": (("{A} biedt {T} {AUD}.", "{A} propose {T} {AUD}."), ("{A} geeft {T} {AUD}.", "{A} donne {T} {AUD}.")),
}
MODE_SENT = {
    "Automatic": ("U hoeft niets aan te vragen: het voordeel wordt automatisch toegekend op basis van gegevens uit authentieke bronnen.",
                  "Vous ne devez rien demander : l'avantage est octroyé automatiquement sur la base de données de sources authentiques."),
    "Proactive": ("De administratie stuurt u een voorstel dat u alleen nog moet bevestigen.",
                  "L'administration vous envoie une proposition que vous devez simplement confirmer."),
}
PERIODS = (("jaar", "an"), ("aanvraag", "demande"), ("maand", "mois"), ("gezin", "ménage"))
MOMENTS = (("de datum van de eindfactuur", "la date de la facture finale"), ("het einde van de werken", "la fin des travaux"),
           ("de gebeurtenis", "l'événement"), ("de start van de activiteit", "le début de l'activité"))
END_STEPS = {
    "Entitlement": ("beslissing", "kennisgeving", "betaling"), "Authorisation": ("beslissing", "aflevering"),
    "Obligation": ("registratie", "kennisgeving"), "Certificate": ("aflevering",), "Information": ("kennisgeving",),
}
MIDDLE_STEPS = ("identiteitscontrole", "volledigheidscontrole", "voorwaardencontrole", "advies", "plaatsbezoek", "archivering")
OUTPUT_OF = {"Entitlement": "beslissing", "Authorisation": "vergunning", "Certificate": "attest",
             "Obligation": "ontvangstbewijs", "Information": "informatie"}
OUTPUT_TITLE = {
    "beslissing": ("Beslissing: {t}", "Décision : {t}"), "betaling": ("Uitbetaling: {t}", "Paiement : {t}"),
    "vergunning": ("Vergunningsbesluit: {t}", "Décision d'autorisation : {t}"),
    "attest": ("Afgeleverd document: {t}", "Document délivré : {t}"),
    "ontvangstbewijs": ("Ontvangstbewijs: {t}", "Accusé de réception : {t}"),
    "informatie": ("Informatiefiche: {t}", "Fiche d'information : {t}"),
}
HN_WHY = {
    "hn-automatic": ("automatic-granting-candidate",
                     "entitlement already granted automatically (eag:Automatic), every required concept available"),
    "hn-proactive": ("automatic-granting-candidate",
                     "entitlement already granted proactively (eag:Proactive), every required concept available"),
    "hn-below": ("proactive-granting-candidate", "entitlement on request with fewer than 75% of its required concepts available"),
    "hn-fetched": ("only-once-violation",
                   "evidence for an available concept is fetched from the source (dct:isPartOf), not asked"),
    "hn-captured": ("only-once-violation",
                    "an available concept is captured in a process step (eag:captures), not asked through cpsv:hasInput"),
    "hn-nonauth": ("only-once-violation",
                   "the asked concept has a source but is not authoritative "
                   "(flag false on the concept, or on the source without a flag on the concept)"),
    "hn-cert-same": ("certificate-loop",
                     "the certificate asked for is produced by a service of the same authority or of its parent or sub-organisation"),
    "hn-cert-fetched": ("certificate-loop",
                        "the certificate of another authority is fetched from a source (dct:isPartOf), not asked from the applicant"),
    "hn-ma-parent": ("missing-agreement", "a sub-organisation consults the source through its parent's agreement or publication"),
    "hn-ma-exec": ("missing-agreement", "the executing authority (eag:executingAuthority) may consult the source"),
    "hn-ddc-single": ("duplicate-data-collection",
                      "one service asks the applicant for the fact; the others only capture it in a process step"),
}
