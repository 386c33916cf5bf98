"""The site's own words in each language, and choosing a model text for a language.

A text missing in the page's language is never shown empty: the first available one (in the
order of :data:`FALLBACK`) is shown instead, marked with its language, so a reader knows that a
translation is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Languages the site can be built in, with their names (in themselves) for the switcher.
LANGUAGE_NAMES = {"nl": "Nederlands", "fr": "Français", "en": "English", "de": "Deutsch"}
FALLBACK = ("nl", "fr", "en", "de", "")


@dataclass(frozen=True)
class Text:
    """A model text as shown in one language; ``language`` is set when it is a fallback."""

    value: str
    language: str | None = None  # the text's own language, when not the page's

    def __str__(self) -> str:
        return self.value

    @property
    def marked(self) -> str:
        """As plain text, a fallback followed by its language: "Leefloon (nl)"."""
        return f"{self.value} ({self.language})" if self.language and self.language != "?" else self.value


def pick(texts: dict[str, str], language: str, default: str = "") -> Text:
    """The text in ``language``, else the first available one marked with its language."""
    if texts.get(language):
        return Text(texts[language])
    for other in FALLBACK:
        if texts.get(other):
            return Text(texts[other], other or "?")
    for other, value in texts.items():
        if value:
            return Text(value, other or "?")
    return Text(default)


# The interface, by key. Keep keys in English; every language has every key (a test checks).
WORDS: dict[str, dict[str, str]] = {
    "site-title": {"nl": "Architectuur van de overheid", "fr": "Architecture de l'administration",
                   "en": "Government architecture", "de": "Verwaltungsarchitektur"},
    "home": {"nl": "Overzicht", "fr": "Vue d'ensemble", "en": "Overview", "de": "Übersicht"},
    "services": {"nl": "Diensten", "fr": "Services", "en": "Services", "de": "Dienste"},
    "authorities": {"nl": "Overheden", "fr": "Autorités", "en": "Authorities", "de": "Behörden"},
    "events": {"nl": "Levens- en bedrijfsgebeurtenissen", "fr": "Événements de vie et d'entreprise",
               "en": "Life and business events", "de": "Lebens- und Geschäftsereignisse"},
    "sources": {"nl": "Authentieke bronnen", "fr": "Sources authentiques", "en": "Authentic sources",
                "de": "Authentische Quellen"},
    "regulations": {"nl": "Regelgeving", "fr": "Réglementation", "en": "Regulations", "de": "Rechtsvorschriften"},
    "concepts": {"nl": "Informatieconcepten", "fr": "Concepts d'information", "en": "Information concepts",
                 "de": "Informationskonzepte"},
    "processes": {"nl": "Processen", "fr": "Processus", "en": "Processes", "de": "Prozesse"},
    "applications": {"nl": "Toepassingen", "fr": "Applications", "en": "Applications", "de": "Anwendungen"},
    "capabilities": {"nl": "Capaciteiten", "fr": "Capacités", "en": "Capabilities", "de": "Fähigkeiten"},
    "one-stop-shop": {"nl": "Eén loket", "fr": "Guichet unique", "en": "One-stop shop", "de": "Zentrale Anlaufstelle"},
    "roadmap": {"nl": "Roadmap", "fr": "Feuille de route", "en": "Roadmap", "de": "Fahrplan"},
    "roadmap-intro": {"nl": "De initiatieven met hun einddatum, de levenscyclus van toepassingen, diensten en bronnen, "
                               "en wanneer regelgeving in en buiten werking treedt.",
                      "fr": "Les initiatives et leur échéance, le cycle de vie des applications, services et "
                            "sources, et l'entrée en vigueur et la fin de la réglementation.",
                      "en": "The initiatives with their due dates, the lifecycles of applications, services and "
                            "sources, and when regulations enter into and leave force.",
                      "de": "Die Initiativen mit ihren Fristen, die Lebenszyklen von Anwendungen, Diensten und "
                            "Quellen, und wann Rechtsvorschriften in und außer Kraft treten."},
    "roadmap-per-authority": {"nl": "Per overheid", "fr": "Par autorité", "en": "Per authority", "de": "Je Behörde"},
    "roadmap-per-event": {"nl": "Per levensgebeurtenis", "fr": "Par événement de vie", "en": "Per life event",
                          "de": "Je Lebensereignis"},
    "roadmap-whole": {"nl": "Volledige roadmap", "fr": "Feuille de route complète", "en": "The whole roadmap",
                      "de": "Der ganze Fahrplan"},
    "roadmap-empty": {"nl": "Het model bevat geen data in de tijd.", "fr": "Le modèle ne contient aucune date.",
                      "en": "The model holds no dates.", "de": "Das Modell enthält keine Daten."},
    "lifecycle": {"nl": "Levenscyclus", "fr": "Cycle de vie", "en": "Lifecycle", "de": "Lebenszyklus"},
    "history": {"nl": "Geschiedenis", "fr": "Historique", "en": "History", "de": "Verlauf"},
    "history-added": {"nl": "toegevoegd", "fr": "ajouté", "en": "added", "de": "hinzugefügt"},
    "history-removed": {"nl": "verwijderd", "fr": "supprimé", "en": "removed", "de": "entfernt"},
    "history-renamed": {"nl": "hernoemd", "fr": "renommé", "en": "renamed", "de": "umbenannt"},
    "history-changed": {"nl": "gewijzigd", "fr": "modifié", "en": "changed", "de": "geändert"},
    "history-none": {"nl": "Geen wijziging in de laatste {count} gelezen commits.",
                     "fr": "Aucune modification dans les {count} derniers commits lus.",
                     "en": "No change in the last {count} commits read.",
                     "de": "Keine Änderung in den letzten {count} gelesenen Commits."},
    "initiative": {"nl": "Initiatief", "fr": "Initiative", "en": "Initiative", "de": "Initiative"},
    "regulation": {"nl": "Regelgeving", "fr": "Réglementation", "en": "Regulation", "de": "Rechtsvorschrift"},
    "name": {"nl": "Naam", "fr": "Nom", "en": "Name", "de": "Name"},
    "when": {"nl": "Wanneer", "fr": "Quand", "en": "When", "de": "Wann"},
    "concerns": {"nl": "Betreft", "fr": "Concerne", "en": "Concerns", "de": "Betrifft"},
    "due": {"nl": "einddatum", "fr": "échéance", "en": "due", "de": "fällig"},
    "today": {"nl": "Vandaag", "fr": "Aujourd'hui", "en": "Today", "de": "Heute"},
    "phase-planned": {"nl": "Gepland", "fr": "Planifié", "en": "Planned", "de": "Geplant"},
    "phase-active": {"nl": "Actief", "fr": "Actif", "en": "Active", "de": "Aktiv"},
    "phase-phasing-out": {"nl": "Uitfasering", "fr": "En extinction", "en": "Phasing out", "de": "Auslaufend"},
    "phase-retired": {"nl": "Buiten gebruik", "fr": "Retiré", "en": "Retired", "de": "Außer Betrieb"},
    "in-force": {"nl": "In werking", "fr": "En vigueur", "en": "In force", "de": "In Kraft"},
    "entry-into-force": {"nl": "Inwerkingtreding", "fr": "Entrée en vigueur", "en": "Entry into force",
                         "de": "Inkrafttreten"},
    "end-of-force": {"nl": "Niet meer van kracht", "fr": "Plus en vigueur", "en": "No longer in force",
                     "de": "Außer Kraft"},
    "repealed": {"nl": "Opgeheven", "fr": "Abrogé", "en": "Repealed", "de": "Aufgehoben"},
    "findings": {"nl": "Vereenvoudiging", "fr": "Simplification", "en": "Simplification", "de": "Vereinfachung"},
    "validation": {"nl": "Validatie", "fr": "Validation", "en": "Validation", "de": "Validierung"},
    "rules": {"nl": "Regels", "fr": "Règles", "en": "Rules", "de": "Regeln"},
    "authority": {"nl": "Bevoegde overheid", "fr": "Autorité compétente", "en": "Competent authority",
                  "de": "Zuständige Behörde"},
    "executing": {"nl": "Uitvoerende overheid", "fr": "Autorité d'exécution", "en": "Executing authority",
                  "de": "Ausführende Behörde"},
    "type": {"nl": "Soort", "fr": "Type", "en": "Type", "de": "Art"},
    "granting": {"nl": "Toekenning", "fr": "Octroi", "en": "Granting", "de": "Gewährung"},
    "automatic": {"nl": "automatisch", "fr": "automatique", "en": "automatic", "de": "automatisch"},
    "proactive": {"nl": "proactief", "fr": "proactif", "en": "proactive", "de": "proaktiv"},
    "on-request": {"nl": "op aanvraag", "fr": "sur demande", "en": "on request", "de": "auf Antrag"},
    "cases": {"nl": "Dossiers per jaar", "fr": "Dossiers par an", "en": "Cases a year", "de": "Fälle pro Jahr"},
    "identifier": {"nl": "Identificatie", "fr": "Identifiant", "en": "Identifier", "de": "Kennung"},
    "channels": {"nl": "Kanalen", "fr": "Canaux", "en": "Channels", "de": "Kanäle"},
    "legal-basis": {"nl": "Rechtsgrond", "fr": "Base légale", "en": "Legal basis", "de": "Rechtsgrundlage"},
    "outputs": {"nl": "Resultaat", "fr": "Résultat", "en": "Outputs", "de": "Ergebnis"},
    "supply": {"nl": "Wat de burger moet aanleveren", "fr": "Ce que le citoyen doit fournir",
               "en": "What the citizen must supply", "de": "Was die Bürger liefern müssen"},
    "fetched": {"nl": "Wat de overheid zelf opvraagt", "fr": "Ce que l'administration consulte elle-même",
                "en": "What the administration fetches itself", "de": "Was die Verwaltung selbst abruft"},
    "evidence": {"nl": "Bewijsstuk", "fr": "Pièce justificative", "en": "Evidence", "de": "Nachweis"},
    "concept": {"nl": "Gegeven", "fr": "Donnée", "en": "Fact", "de": "Angabe"},
    "from-source": {"nl": "Bron", "fr": "Source", "en": "Source", "de": "Quelle"},
    "nothing": {"nl": "Niets.", "fr": "Rien.", "en": "Nothing.", "de": "Nichts."},
    "diagram": {"nl": "Diagram", "fr": "Diagramme", "en": "Diagram", "de": "Diagramm"},
    "findings-of": {"nl": "Bevindingen", "fr": "Constats", "en": "Findings", "de": "Befunde"},
    "description": {"nl": "Beschrijving", "fr": "Description", "en": "Description", "de": "Beschreibung"},
    "definition": {"nl": "Definitie", "fr": "Définition", "en": "Definition", "de": "Definition"},
    "defined-in": {"nl": "Gedefinieerd in", "fr": "Défini dans", "en": "Defined in", "de": "Definiert in"},
    "held-in": {"nl": "Beschikbaar in", "fr": "Disponible dans", "en": "Held in", "de": "Verfügbar in"},
    "used-by": {"nl": "Gebruikt door", "fr": "Utilisé par", "en": "Used by", "de": "Verwendet von"},
    "publisher": {"nl": "Beheerder", "fr": "Gestionnaire", "en": "Publisher", "de": "Herausgeber"},
    "consumers": {"nl": "Mogen raadplegen", "fr": "Peuvent consulter", "en": "May consult", "de": "Dürfen abfragen"},
    "integrator": {"nl": "Dienstenintegrator", "fr": "Intégrateur de services", "en": "Service integrator",
                   "de": "Dienstintegrator"},
    "holds": {"nl": "Bevat", "fr": "Contient", "en": "Holds", "de": "Enthält"},
    "date": {"nl": "Datum", "fr": "Date", "en": "Date", "de": "Datum"},
    "based-on-it": {"nl": "Diensten met deze rechtsgrond", "fr": "Services fondés sur ce texte",
                    "en": "Services based on it", "de": "Dienste auf dieser Grundlage"},
    "defines": {"nl": "Definieert", "fr": "Définit", "en": "Defines", "de": "Definiert"},
    "impact": {"nl": "Wat ervan afhangt", "fr": "Ce qui en dépend", "en": "What depends on it",
               "de": "Was davon abhängt"},
    "steps": {"nl": "Stappen", "fr": "Étapes", "en": "Steps", "de": "Schritte"},
    "performed-by": {"nl": "Uitgevoerd door", "fr": "Exécuté par", "en": "Performed by", "de": "Ausgeführt von"},
    "application": {"nl": "Toepassing", "fr": "Application", "en": "Application", "de": "Anwendung"},
    "owner": {"nl": "Eigenaar", "fr": "Propriétaire", "en": "Owner", "de": "Eigentümer"},
    "supports": {"nl": "Ondersteunt", "fr": "Soutient", "en": "Supports", "de": "Unterstützt"},
    "broader": {"nl": "Ruimer", "fr": "Plus large", "en": "Broader", "de": "Übergeordnet"},
    "narrower": {"nl": "Enger", "fr": "Plus étroit", "en": "Narrower", "de": "Untergeordnet"},
    "sub-organisations": {"nl": "Onderdelen", "fr": "Sous-organisations", "en": "Sub-organisations",
                          "de": "Untereinheiten"},
    "part-of": {"nl": "Onderdeel van", "fr": "Fait partie de", "en": "Part of", "de": "Teil von"},
    "level": {"nl": "Bestuursniveau", "fr": "Niveau de pouvoir", "en": "Government level", "de": "Ebene"},
    "journey": {"nl": "Het traject over alle overheden heen", "fr": "Le parcours à travers toutes les autorités",
                "en": "The journey across all authorities", "de": "Der Weg über alle Behörden"},
    "journey-summary": {
        "nl": "{services} bij {authorities}; {automatic} automatisch of proactief; "
              "de burger levert nog {documents} aan.",
        "fr": "{services} auprès de {authorities} ; automatiques ou proactifs : {automatic} ; "
              "le citoyen fournit encore {documents}.",
        "en": "{services} at {authorities}; {automatic} automatic or proactive; "
              "the citizen still supplies {documents}.",
        "de": "{services} bei {authorities}; {automatic} automatisch oder proaktiv; "
              "die Bürger liefern noch {documents}.",
    },
    "to-whom": {"nl": "Aan wie", "fr": "À qui", "en": "To whom", "de": "An wen"},
    "still-supply": {"nl": "Nog aan te leveren", "fr": "Encore à fournir", "en": "Still to supply",
                     "de": "Noch zu liefern"},
    "count": {"nl": "Aantal", "fr": "Nombre", "en": "Number", "de": "Anzahl"},
    "score": {"nl": "Score", "fr": "Score", "en": "Score", "de": "Punktzahl"},
    "kind": {"nl": "Soort", "fr": "Type", "en": "Kind", "de": "Art"},
    "why": {"nl": "Waarom", "fr": "Pourquoi", "en": "Why", "de": "Warum"},
    "subject": {"nl": "Onderwerp", "fr": "Sujet", "en": "Subject", "de": "Gegenstand"},
    "where": {"nl": "Waar", "fr": "Où", "en": "Where", "de": "Wo"},
    "severity": {"nl": "Ernst", "fr": "Gravité", "en": "Severity", "de": "Schwere"},
    "rule": {"nl": "Regel", "fr": "Règle", "en": "Rule", "de": "Regel"},
    "no-findings": {"nl": "Geen bevindingen.", "fr": "Aucun constat.", "en": "No findings.", "de": "Keine Befunde."},
    "coverage": {"nl": "Wat de analyses konden zien", "fr": "Ce que les analyses ont pu voir",
                 "en": "What the analyses could see", "de": "Was die Analysen sehen konnten"},
    "coverage-intro": {"nl": "Elke soort bevinding leest bepaalde gegevens; zonder die gegevens betekent geen "
                             "bevinding niets, niet dat alles in orde is.",
                       "fr": "Chaque type de constat lit certaines données ; sans elles, aucun constat ne veut "
                             "rien dire, pas que tout va bien.",
                       "en": "Each kind of finding reads certain facts; without them, no finding means no data, "
                             "not all clear.",
                       "de": "Jede Befundart liest bestimmte Angaben; ohne sie heißt kein Befund: keine Daten, "
                             "nicht alles in Ordnung."},
    "no-data": {"nl": "geen gegevens", "fr": "aucune donnée", "en": "no data", "de": "keine Daten"},
    "has-it": {"nl": "Heeft het", "fr": "L'a", "en": "Has it", "de": "Hat es"},
    "needs": {"nl": "Wat de soort nodig heeft", "fr": "Ce dont le type a besoin", "en": "What the kind needs",
              "de": "Was die Art braucht"},
    "top": {"nl": "Eerst te vereenvoudigen", "fr": "À simplifier en premier", "en": "What to simplify first",
            "de": "Zuerst zu vereinfachen"},
    "duplicates": {"nl": "Dubbele diensten", "fr": "Services en double", "en": "Duplicate services",
                   "de": "Doppelte Dienste"},
    "only-once": {"nl": "Schendingen van het only-onceprincipe", "fr": "Violations du principe only once",
                  "en": "Only-once violations", "de": "Verstöße gegen das Once-Only-Prinzip"},
    "per-authority": {"nl": "Diensten per overheid", "fr": "Services par autorité", "en": "Services per authority",
                      "de": "Dienste je Behörde"},
    "online-share": {"nl": "Diensten met een onlinekanaal", "fr": "Services avec un canal en ligne",
                     "en": "Services with an online channel", "de": "Dienste mit Online-Kanal"},
    "granting-share": {"nl": "Hoe rechten worden toegekend", "fr": "Comment les droits sont octroyés",
                       "en": "How rights are granted", "de": "Wie Rechte gewährt werden"},
    "findings-per-authority": {"nl": "Only-once en vereenvoudigingskandidaten per overheid",
                               "fr": "Only once et candidats à la simplification par autorité",
                               "en": "Only-once violations and simplification candidates per authority",
                               "de": "Once-Only-Verstöße und Vereinfachungskandidaten je Behörde"},
    "validation-status": {"nl": "Validatiestatus", "fr": "État de la validation", "en": "Validation status",
                          "de": "Validierungsstatus"},
    "automatic-share": {"nl": "Automatisch of proactief toegekende rechten", "fr": "Droits octroyés automatiquement ou proactivement",
                        "en": "Rights granted automatically or pro-actively", "de": "Automatisch oder proaktiv gewährte Rechte"},
    "trend": {"nl": "Verloop over de laatste wijzigingen", "fr": "Évolution au fil des dernières modifications",
              "en": "Over the last changes", "de": "Verlauf über die letzten Änderungen"},
    "online": {"nl": "online", "fr": "en ligne", "en": "online", "de": "online"},
    "not-online": {"nl": "niet online", "fr": "pas en ligne", "en": "not online", "de": "nicht online"},
    "error": {"nl": "fouten", "fr": "erreurs", "en": "errors", "de": "Fehler"},
    "warning": {"nl": "waarschuwingen", "fr": "avertissements", "en": "warnings", "de": "Warnungen"},
    "info": {"nl": "meldingen", "fr": "informations", "en": "notices", "de": "Hinweise"},
    "candidates": {"nl": "vereenvoudigingskandidaten", "fr": "candidats à la simplification",
                   "en": "simplification candidates", "de": "Vereinfachungskandidaten"},
    "violations": {"nl": "only-onceschendingen", "fr": "violations only once", "en": "only-once violations",
                   "de": "Once-Only-Verstöße"},
    "missing-translation": {"nl": "vertaling ontbreekt", "fr": "traduction manquante",
                            "en": "translation missing", "de": "Übersetzung fehlt"},
    "more": {"nl": "en {n} meer", "fr": "et {n} de plus", "en": "and {n} more", "de": "und {n} weitere"},
    "all-services": {"nl": "Alle diensten", "fr": "Tous les services", "en": "All services", "de": "Alle Dienste"},
    "generated": {"nl": "Gegenereerd door eagraph uit het architectuurmodel.",
                  "fr": "Généré par eagraph à partir du modèle d'architecture.",
                  "en": "Generated by eagraph from the architecture model.",
                  "de": "Von eagraph aus dem Architekturmodell erzeugt."},
    # an imported ArchiMate model
    "archimate": {"nl": "ArchiMate-model", "fr": "Modèle ArchiMate", "en": "ArchiMate model",
                  "de": "ArchiMate-Modell"},
    "archimate-views": {"nl": "ArchiMate-views", "fr": "Vues ArchiMate", "en": "ArchiMate views",
                        "de": "ArchiMate-Sichten"},
    "archimate-type": {"nl": "ArchiMate-type", "fr": "Type ArchiMate", "en": "ArchiMate type", "de": "ArchiMate-Typ"},
    "properties": {"nl": "Eigenschappen", "fr": "Propriétés", "en": "Properties", "de": "Eigenschaften"},
    "relationships": {"nl": "Relaties", "fr": "Relations", "en": "Relationships", "de": "Beziehungen"},
    "direction": {"nl": "Richting", "fr": "Sens", "en": "Direction", "de": "Richtung"},
    "element": {"nl": "Element", "fr": "Élément", "en": "Element", "de": "Element"},
    "outgoing": {"nl": "naar", "fr": "vers", "en": "to", "de": "nach"},
    "incoming": {"nl": "van", "fr": "depuis", "en": "from", "de": "von"},
    "in-views": {"nl": "Getekend in de views", "fr": "Dessiné dans les vues", "en": "Drawn in the views",
                 "de": "Gezeichnet in den Sichten"},
    "viewpoint": {"nl": "Gezichtspunt", "fr": "Point de vue", "en": "Viewpoint", "de": "Blickwinkel"},
    "as-drawn": {"nl": "De view zoals hij in Archi getekend is; elk element leidt naar zijn pagina.",
                 "fr": "La vue telle qu'elle a été dessinée dans Archi ; chaque élément mène à sa page.",
                 "en": "The view as it was drawn in Archi; each element leads to its page.",
                 "de": "Die Sicht, wie sie in Archi gezeichnet wurde; jedes Element führt zu seiner Seite."},
    "shown-elements": {"nl": "Elementen in deze view", "fr": "Éléments de cette vue", "en": "Elements in this view",
                       "de": "Elemente in dieser Sicht"},
    "folders": {"nl": "Mappen", "fr": "Dossiers", "en": "Folders", "de": "Ordner"},
    # evidence for policy: the burden, the savings of findings, the targets
    "burden": {"nl": "Administratieve last", "fr": "Charge administrative", "en": "Administrative burden",
               "de": "Verwaltungsaufwand"},
    "burden-total": {"nl": "{hours} uur en {euros} per jaar voor wie de diensten gebruikt",
                     "fr": "{hours} heures et {euros} par an pour les usagers des services",
                     "en": "{hours} hours and {euros} a year for the people who use the services",
                     "de": "{hours} Stunden und {euros} im Jahr für die Nutzer der Dienste"},
    "assumed": {"nl": "{share} verondersteld (standaardwaarden, niet uit het model)",
                "fr": "{share} supposé (valeurs par défaut, pas du modèle)",
                "en": "{share} assumed (defaults, not stated in the model)",
                "de": "{share} angenommen (Standardwerte, nicht aus dem Modell)"},
    "after-top": {"nl": "Na de {n} eerste bevindingen: {hours} uur en {euros} per jaar ({saved_hours} uur en "
                        "{saved_euros} minder)",
                  "fr": "Après les {n} premiers constats : {hours} heures et {euros} par an ({saved_hours} heures et "
                        "{saved_euros} de moins)",
                  "en": "After the top {n} findings: {hours} hours and {euros} a year ({saved_hours} hours and "
                        "{saved_euros} saved)",
                  "de": "Nach den {n} ersten Befunden: {hours} Stunden und {euros} im Jahr ({saved_hours} Stunden und "
                        "{saved_euros} weniger)"},
    "savings": {"nl": "Wat de eerste bevindingen besparen", "fr": "Ce que les premiers constats font gagner",
                "en": "What the top findings save", "de": "Was die ersten Befunde einsparen"},
    "hours-a-year": {"nl": "uur per jaar", "fr": "heures par an", "en": "hours a year", "de": "Stunden im Jahr"},
    "euros-a-year": {"nl": "euro per jaar", "fr": "euros par an", "en": "euros a year", "de": "Euro im Jahr"},
    "non-take-up": {"nl": "niet-gebruik", "fr": "non-recours", "en": "non-take-up", "de": "Nichtinanspruchnahme"},
    "targets": {"nl": "Doelstellingen", "fr": "Objectifs", "en": "Targets", "de": "Ziele"},
    "plan-figures": {"nl": "Vandaag en volgens het plan", "fr": "Aujourd'hui et selon le plan",
                     "en": "Today and by the plan", "de": "Heute und nach dem Plan"},
    "plan-figures-note": {"nl": "Het model zoals het op elke datum van het plan (de einddatum van een initiatief) "
                                "zal zijn, volgens zijn levenscyclusdata (--as-of).",
                          "fr": "Le modèle tel qu'il sera à chaque date du plan (l'échéance d'une initiative), "
                                "selon ses dates de cycle de vie (--as-of).",
                          "en": "The model as it will stand on each date of the plan (an initiative's due date), "
                                "by its lifecycle dates (--as-of).",
                          "de": "Das Modell, wie es an jedem Datum des Plans (der Frist einer Initiative) "
                                "nach seinen Lebenszyklusdaten stehen wird (--as-of)."},
    "figure": {"nl": "Kengetal", "fr": "Indicateur", "en": "Figure", "de": "Kennzahl"},
    "burden-hours": {"nl": "Administratieve last (uur per jaar)", "fr": "Charge administrative (heures par an)",
                     "en": "Administrative burden (hours a year)", "de": "Verwaltungsaufwand (Stunden im Jahr)"},
    "planned-by-date": {"nl": "Volgens het plan op die datum", "fr": "Selon le plan à cette date",
                        "en": "By the plan on that date", "de": "Nach dem Plan an diesem Datum"},
    "target": {"nl": "Doelstelling", "fr": "Objectif", "en": "Target", "de": "Ziel"},
    "goal": {"nl": "Doel", "fr": "But", "en": "Goal", "de": "Zielwert"},
    "goal-by": {"nl": "{value} tegen {date}", "fr": "{value} d'ici le {date}", "en": "{value} by {date}",
                "de": "{value} bis {date}"},
    "course": {"nl": "Verloop", "fr": "Évolution", "en": "Course", "de": "Verlauf"},
    "course-commits": {"nl": "{first} → {last} over {n} commits", "fr": "{first} → {last} sur {n} commits",
                       "en": "{first} → {last} over {n} commits", "de": "{first} → {last} über {n} Commits"},
    "pace": {"nl": "Tempo per jaar (nodig)", "fr": "Rythme par an (nécessaire)", "en": "Pace a year (needed)",
             "de": "Tempo pro Jahr (nötig)"},
    "projected": {"nl": "Verwachte datum", "fr": "Date prévue", "en": "Projected date",
                  "de": "Voraussichtliches Datum"},
    "never": {"nl": "nooit", "fr": "jamais", "en": "never", "de": "nie"},
    "status": {"nl": "Stand", "fr": "État", "en": "Status", "de": "Stand"},
    "reached": {"nl": "bereikt", "fr": "atteint", "en": "reached", "de": "erreicht"},
    "on course": {"nl": "op koers", "fr": "en bonne voie", "en": "on course", "de": "auf Kurs"},
    "behind": {"nl": "achter", "fr": "en retard", "en": "behind", "de": "im Rückstand"},
    "overdue": {"nl": "verstreken", "fr": "échu", "en": "overdue", "de": "überfällig"},
    "too early to tell": {"nl": "te vroeg om te zeggen", "fr": "trop tôt pour le dire", "en": "too early to tell",
                          "de": "zu früh für eine Aussage"},
    "scorecard": {"nl": "Scorekaart", "fr": "Tableau de bord", "en": "Scorecard", "de": "Scorecard"},
    "burden-share": {"nl": "{hours} uur en {euros} per jaar; {assumed}",
                     "fr": "{hours} heures et {euros} par an ; {assumed}",
                     "en": "{hours} hours and {euros} a year; {assumed}",
                     "de": "{hours} Stunden und {euros} im Jahr; {assumed}"},
    "data-coverage": {"nl": "Gegevens voor de analyses", "fr": "Données pour les analyses",
                      "en": "Data the analyses need", "de": "Daten für die Analysen"},
    "cases-stated": {"nl": "{have} van {total} diensten met hun aantal dossiers per jaar",
                     "fr": "{have} services sur {total} avec leur nombre de dossiers par an",
                     "en": "{have} of {total} services with their cases a year",
                     "de": "{have} von {total} Diensten mit ihren Fällen pro Jahr"},
    "translations": {"nl": "Vertalingen", "fr": "Traductions", "en": "Translations", "de": "Übersetzungen"},
    "journey-hours": {"nl": "Tijd die burgers en ondernemingen eraan besteden",
                      "fr": "Temps que citoyens et entreprises y consacrent",
                      "en": "Time citizens and businesses spend on it",
                      "de": "Zeit, die Bürger und Unternehmen dafür aufwenden"},
    "journey-year": {"nl": "{today} uur per jaar vandaag, {after} na de eerste bevindingen",
                     "fr": "{today} heures par an aujourd'hui, {after} après les premiers constats",
                     "en": "{today} hours a year today, {after} after the top findings",
                     "de": "{today} Stunden im Jahr heute, {after} nach den ersten Befunden"},
    "journey-case": {"nl": "één aanvrager die alle diensten doorloopt: {today} uur, {after} daarna",
                     "fr": "un demandeur passant par tous les services : {today} heures, {after} ensuite",
                     "en": "one applicant through every service: {today} hours, {after} after",
                     "de": "ein Antragsteller durch alle Dienste: {today} Stunden, danach {after}"},
    "per-case": {"nl": "uur per dossier", "fr": "heures par dossier", "en": "hours per case", "de": "Stunden pro Fall"},
}

#: Nouns the site counts ("1 dienst", "3 diensten"), singular and plural, by language.
COUNTED: dict[str, dict[str, tuple[str, str]]] = {
    "service": {"nl": ("dienst", "diensten"), "fr": ("service", "services"), "en": ("service", "services"),
                "de": ("Dienst", "Dienste")},
    "authority": {"nl": ("overheid", "overheden"), "fr": ("autorité", "autorités"),
                  "en": ("authority", "authorities"), "de": ("Behörde", "Behörden")},
    "document": {"nl": ("stuk", "stukken"), "fr": ("pièce", "pièces"), "en": ("document", "documents"),
                 "de": ("Unterlage", "Unterlagen")},
    "violation": {"nl": ("only-onceschending", "only-onceschendingen"),
                  "fr": ("violation only once", "violations only once"),
                  "en": ("only-once violation", "only-once violations"),
                  "de": ("Once-Only-Verstoß", "Once-Only-Verstöße")},
    "candidate": {"nl": ("vereenvoudigingskandidaat", "vereenvoudigingskandidaten"),
                  "fr": ("candidat à la simplification", "candidats à la simplification"),
                  "en": ("simplification candidate", "simplification candidates"),
                  "de": ("Vereinfachungskandidat", "Vereinfachungskandidaten")},
}


def counted(number: int, noun: str, language: str) -> str:
    """``number`` and the noun in the form it takes (French counts 0 and 1 in the singular)."""
    one, many = COUNTED[noun].get(language) or COUNTED[noun]["en"]
    singular = number == 1 or (language == "fr" and number == 0)
    return f"{number:,} {one if singular else many}"


#: The analysis finding kinds of the contract, named for a reader of the site.
KIND_NAMES = {
    "only-once-violation": {"nl": "Schending van het only-onceprincipe", "fr": "Violation du principe only once",
                            "en": "Only-once violation", "de": "Verstoß gegen das Once-Only-Prinzip"},
    "automatic-granting-candidate": {"nl": "Kan automatisch worden toegekend", "fr": "Octroi automatique possible",
                                     "en": "Could be granted automatically", "de": "Automatisch gewährbar"},
    "proactive-granting-candidate": {"nl": "Kan proactief worden voorgesteld", "fr": "Proposition proactive possible",
                                     "en": "Could be offered proactively", "de": "Proaktiv anbietbar"},
    "missing-agreement": {"nl": "Ontbrekende toegang tot een bron", "fr": "Accès à une source manquant",
                          "en": "Missing agreement", "de": "Fehlende Zugriffsvereinbarung"},
    "certificate-loop": {"nl": "Attest van een andere overheid", "fr": "Attestation d'une autre autorité",
                         "en": "Certificate loop", "de": "Bescheinigung einer anderen Behörde"},
    "duplicate-data-collection": {"nl": "Dubbele gegevensinzameling", "fr": "Collecte de données en double",
                                  "en": "Duplicate data collection", "de": "Doppelte Datenerhebung"},
    "duplicate-service": {"nl": "Dubbele dienst", "fr": "Service en double", "en": "Duplicate service",
                          "de": "Doppelter Dienst"},
    "shared-capability": {"nl": "Kandidaat voor een gedeeld platform", "fr": "Candidat à une plateforme partagée",
                          "en": "Shared capability", "de": "Kandidat für eine gemeinsame Plattform"},
    "concept-harmonisation": {"nl": "Te harmoniseren begrip", "fr": "Notion à harmoniser",
                              "en": "Concept to harmonise", "de": "Zu harmonisierender Begriff"},
    "orphan-regulation": {"nl": "Regelgeving zonder verwijzing", "fr": "Réglementation sans référence",
                          "en": "Orphan regulation", "de": "Unverwiesene Regelung"},
}


def kind_name(code: str, language: str) -> str:
    """A finding kind's name in ``language``; a rule code (EAG003) as it is."""
    names = KIND_NAMES.get(code)
    return (names.get(language) or names["en"]) if names else code


def word(key: str, language: str, **values) -> str:
    text = WORDS[key].get(language) or WORDS[key]["en"]
    return text.format(**values) if values else text
