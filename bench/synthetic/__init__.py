#!/usr/bin/env python3
"""Synthetic eagraph models: structurally realistic, deterministic, with a ground truth.

``generate(out_dir, services, seed)`` writes a model of a government's enterprise architecture
as a repository of hand-written-looking Turtle files (about 100 triples a service), the way
architects keep one in git: ``shared/`` for regulations, information concepts, events,
capabilities, evidence types and activities, and one folder per authority with its
organisation, authentic sources, applications and services. Next to the model it writes
``labels.json``: every finding the model contract (``shared/design/vocabulary.md``) implies
for the generated data, and a list of hard negatives that look like findings but are not.

The background is clean by construction: background services ask the applicant only for
facts no authentic source holds, fetch what a source holds from a source their authority
may consult, grant no entitlement on request that has 75 % or more of its concepts available,
produce certificates nobody else asks for, and so on. The cases of every finding kind are
planted on top, at a rate proportional to size. ``labels.json`` is computed from the
generated objects with the contract's definitions, and the generator checks that it finds
exactly what it planted (plus the ``duplicate-data-collection`` findings that planted
only-once violations imply when several of them ask for one fact).

Standard library only; all randomness comes from one ``random.Random(seed)``.

    python bench/synthetic.py --services 10000 --seed 1 --out /tmp/synthetic-10k
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from random import Random

BASE = "https://w3id.org/eagraph/synthetic/"

#: Every prefix a file may use, in the order files declare them (each file declares only those it uses).
PREFIXES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "org": "http://www.w3.org/ns/org#",
    "cv": "http://data.europa.eu/m8g/",
    "cpsv": "http://purl.org/vocab/cpsv#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "authsrc": "http://vocab.belgif.be/ns/authsrc#",
    "eag": "https://w3id.org/eagraph/ns#",
    **{
        name: f"{BASE}{name}/"
        for name in (
            "authority", "service", "source", "agreement", "requirement", "concept", "evidence",
            "evidencetype", "output", "outputtype", "channel", "event", "rule", "process",
            "application", "capability", "activity", "territory",
        )
    },
}

KINDS = (
    "only-once-violation",
    "automatic-granting-candidate",
    "proactive-granting-candidate",
    "duplicate-service",
    "duplicate-data-collection",
    "certificate-loop",
    "shared-capability",
    "concept-harmonisation",
    "orphan-regulation",
    "missing-agreement",
)

MIN_SERVICES = 30

# ---------------------------------------------------------------------------------------------
# Vocabulary: Dutch and French phrases the generator combines into names, titles and texts.
# Pairs are (nl, fr); variants of one phrase are the paraphrases planted duplicates use.
# ---------------------------------------------------------------------------------------------

#: Audiences: key, kind (c: citizens, b: businesses and organisations), phrase variants.
AUDIENCES = (
    ("huurders", "c", (("voor huurders", "pour les locataires"),
                       ("voor wie een woning huurt", "pour les personnes qui louent un logement"))),
    ("eigenaars", "c", (("voor eigenaars-bewoners", "pour les propriétaires occupants"),
                        ("voor eigenaars die zelf in hun woning wonen", "pour les propriétaires qui habitent leur logement"))),
    ("handicap", "c", (("voor personen met een handicap", "pour les personnes handicapées"),
                       ("voor personen met een beperking", "pour les personnes en situation de handicap"))),
    ("gepensioneerden", "c", (("voor gepensioneerden", "pour les pensionnés"),
                              ("voor wie met pensioen is", "pour les personnes retraitées"))),
    ("werkzoekenden", "c", (("voor werkzoekenden", "pour les demandeurs d'emploi"),
                            ("voor wie werk zoekt", "pour les personnes à la recherche d'un emploi"))),
    ("studenten", "c", (("voor studenten", "pour les étudiants"),
                        ("voor studenten in het hoger onderwijs", "pour les étudiants de l'enseignement supérieur"))),
    ("jongeren", "c", (("voor jongeren onder 26 jaar", "pour les jeunes de moins de 26 ans"),
                       ("voor jongeren tot 25 jaar", "pour les jeunes jusqu'à 25 ans"))),
    ("grote-gezinnen", "c", (("voor grote gezinnen", "pour les familles nombreuses"),
                             ("voor gezinnen met drie of meer kinderen", "pour les familles de trois enfants ou plus"))),
    ("eenoudergezinnen", "c", (("voor eenoudergezinnen", "pour les familles monoparentales"),
                               ("voor alleenstaande ouders", "pour les parents seuls"))),
    ("laag-inkomen", "c", (("voor gezinnen met een laag inkomen", "pour les ménages à faibles revenus"),
                           ("voor huishoudens met een bescheiden inkomen", "pour les ménages aux revenus modestes"))),
    ("mantelzorgers", "c", (("voor mantelzorgers", "pour les aidants proches"),
                            ("voor wie zorgt voor een naaste", "pour les personnes qui prennent soin d'un proche"))),
    ("senioren", "c", (("voor 65-plussers", "pour les personnes de 65 ans et plus"),
                       ("voor senioren vanaf 65 jaar", "pour les seniors à partir de 65 ans"))),
    ("nieuwkomers", "c", (("voor nieuwkomers", "pour les primo-arrivants"),
                          ("voor pas aangekomen inwoners", "pour les habitants récemment arrivés"))),
    ("jonge-ouders", "c", (("voor ouders van jonge kinderen", "pour les parents de jeunes enfants"),
                           ("voor gezinnen met kinderen onder 3 jaar", "pour les familles avec des enfants de moins de 3 ans"))),
    ("bewoners", "c", (("voor bewoners", "pour les riverains"),
                       ("voor buurtbewoners", "pour les habitants du quartier"))),
    ("chronisch-zieken", "c", (("voor chronisch zieken", "pour les malades chroniques"),
                               ("voor personen met een chronische ziekte",
                                "pour les personnes atteintes d'une maladie chronique"))),
    ("arbeidsongeschikten", "c", (("voor arbeidsongeschikte werknemers", "pour les travailleurs en incapacité de travail"),
                                  ("voor werknemers die arbeidsongeschikt zijn", "pour les salariés en incapacité de travail"))),
    ("zelfstandigen", "b", (("voor zelfstandigen", "pour les indépendants"),
                            ("voor zelfstandige ondernemers", "pour les travailleurs indépendants"))),
    ("kmos", "b", (("voor kmo's", "pour les PME"),
                   ("voor kleine en middelgrote ondernemingen", "pour les petites et moyennes entreprises"))),
    ("starters", "b", (("voor starters", "pour les starters"),
                       ("voor startende ondernemers", "pour les entrepreneurs débutants"))),
    ("landbouwers", "b", (("voor landbouwers", "pour les agriculteurs"),
                          ("voor land- en tuinbouwers", "pour les exploitants agricoles et horticoles"))),
    ("verenigingen", "b", (("voor verenigingen", "pour les associations"),
                           ("voor vzw's en feitelijke verenigingen", "pour les ASBL et les associations de fait"))),
    ("horeca", "b", (("voor horecazaken", "pour les établissements horeca"),
                     ("voor cafés en restaurants", "pour les cafés et restaurants"))),
    ("werkgevers", "b", (("voor werkgevers", "pour les employeurs"),
                         ("voor ondernemingen met personeel", "pour les entreprises qui occupent du personnel"))),
    ("scholen", "b", (("voor scholen", "pour les écoles"),
                      ("voor onderwijsinstellingen", "pour les établissements d'enseignement"))),
    ("sportclubs", "b", (("voor sportclubs", "pour les clubs sportifs"),
                         ("voor sportverenigingen", "pour les associations sportives"))),
)

#: Entitlement heads: key, variants ((nl, nl with article), (fr, fr with article)), nl and fr preposition.
ENT_HEADS = (
    ("premie", ((("Premie", "een premie"), ("Prime", "une prime")),
                (("Tegemoetkoming", "een tegemoetkoming"), ("Intervention", "une intervention"))), "voor", "pour"),
    ("lening", ((("Renteloze lening", "een renteloze lening"), ("Prêt à taux zéro", "un prêt à taux zéro")),
                (("Lening zonder interest", "een lening zonder interest"), ("Prêt sans intérêt", "un prêt sans intérêt"))),
                "voor", "pour"),
    ("belastingvermindering",
     ((("Belastingvermindering", "een belastingvermindering"), ("Réduction d'impôt", "une réduction d'impôt")),
                               (("Fiscale vermindering", "een fiscale vermindering"),
                                ("Réduction fiscale", "une réduction fiscale"))), "voor", "pour"),
    ("vrijstelling", ((("Vrijstelling", "een vrijstelling"), ("Exonération", "une exonération")),
                      (("Ontheffing", "een ontheffing"), ("Dispense", "une dispense"))), "voor", "pour"),
    ("toelage", ((("Maandelijkse toelage", "een maandelijkse toelage"), ("Allocation mensuelle", "une allocation mensuelle")),
                 (("Maandelijkse uitkering", "een maandelijkse uitkering"),
                  ("Indemnité mensuelle", "une indemnité mensuelle"))), "voor", "pour"),
    ("korting", ((("Verminderd tarief", "een verminderd tarief"), ("Tarif réduit", "un tarif réduit")),
                 (("Sociaal tarief", "een sociaal tarief"), ("Tarif social", "un tarif social"))), "voor", "pour"),
    ("cheques", ((("Cheques", "cheques"), ("Chèques", "des chèques")),
                 (("Waardebonnen", "waardebonnen"), ("Bons de valeur", "des bons de valeur"))), "voor", "pour"),
    ("begeleiding", ((("Gratis begeleiding", "gratis begeleiding"), ("Accompagnement gratuit", "un accompagnement gratuit")),
                     (("Kosteloze begeleiding", "kosteloze begeleiding"),
                      ("Accompagnement sans frais", "un accompagnement sans frais"))), "bij", "pour"),
)

#: Objects of entitlements per (scope, domain): kind and two variants (nl, fr).
ENT_OBJECTS: dict[tuple[str, str], tuple] = {
    ("regional", "wonen"): (
        ("c", ("dakisolatie", "l'isolation du toit"), ("de isolatie van het dak", "l'isolation de la toiture")),
        ("c", ("de vervanging van ramen", "le remplacement des châssis"), ("nieuwe beglazing", "un nouveau vitrage")),
        ("c", ("de renovatie van een oude woning", "la rénovation d'un logement ancien"),
         ("de grondige renovatie van een woning", "la rénovation lourde d'une habitation")),
        ("c", ("de aankoop van een eerste woning", "l'achat d'un premier logement"),
         ("een eerste eigen woning", "une première habitation propre")),
        ("c", ("de aanpassing van de woning", "l'adaptation du logement"), ("woningaanpassing", "l'aménagement du logement")),
        ("c", ("de huurwaarborg", "la garantie locative"), ("de huurborg", "la caution locative")),
        ("c", ("asbestverwijdering", "le désamiantage"), ("het verwijderen van asbest", "l'enlèvement de l'amiante")),
    ),
    ("regional", "energie"): (
        ("cb", ("zonnepanelen", "des panneaux solaires"), ("fotovoltaïsche panelen", "des panneaux photovoltaïques")),
        ("cb", ("een warmtepomp", "une pompe à chaleur"),
         ("de installatie van een warmtepomp", "l'installation d'une pompe à chaleur")),
        ("c", ("een zonneboiler", "un chauffe-eau solaire"),
         ("een zonneboilerinstallatie", "une installation de chauffe-eau solaire")),
        ("cb", ("een energieaudit", "un audit énergétique"), ("een energiescan", "un scan énergétique")),
        ("cb", ("een laadpaal", "une borne de recharge"),
         ("een laadstation voor elektrische wagens", "une station de recharge pour voitures électriques")),
        ("c", ("een thuisbatterij", "une batterie domestique"),
         ("een batterij voor zonne-energie", "une batterie de stockage solaire")),
    ),
    ("regional", "milieu"): (
        ("c", ("een regenwaterput", "une citerne d'eau de pluie"),
         ("een hemelwaterput", "une citerne de récupération d'eau de pluie")),
        ("cb", ("een groendak", "une toiture verte"), ("een begroend dak", "une toiture végétalisée")),
        ("cb", ("ontharding", "la désimperméabilisation"),
         ("het wegnemen van verharding", "la suppression de surfaces imperméables")),
        ("c", ("de aanleg van een haag", "la plantation d'une haie"), ("het planten van een haag", "la plantation de haies")),
    ),
    ("regional", "landbouw"): (
        ("b", ("een landbouwinvestering", "un investissement agricole"),
         ("investeringen in het landbouwbedrijf", "les investissements dans l'exploitation agricole")),
        ("b", ("biologische teelt", "l'agriculture biologique"),
         ("de omschakeling naar biologische landbouw", "la conversion à l'agriculture biologique")),
        ("b", ("agromilieumaatregelen", "les mesures agro-environnementales"),
         ("milieuvriendelijke landbouwpraktijken", "les pratiques agricoles respectueuses de l'environnement")),
        ("b", ("schade door droogte", "les dégâts dus à la sécheresse"),
         ("droogteschade", "les dommages causés par la sécheresse")),
    ),
    ("regional", "werk"): (
        ("c", ("een beroepsopleiding", "une formation professionnelle"), ("een vakopleiding", "une formation qualifiante")),
        ("b", ("de aanwerving van een langdurig werkzoekende", "l'engagement d'un chômeur de longue durée"),
         ("het aanwerven van een langdurig werkloze", "le recrutement d'un demandeur d'emploi de longue durée")),
        ("c", ("verplaatsingskosten naar een opleiding", "les frais de déplacement vers une formation"),
         ("vervoerskosten tijdens een opleiding", "les frais de transport pendant une formation")),
        ("c", ("kinderopvang tijdens een opleiding", "la garde d'enfants pendant une formation"),
         ("opvang van kinderen tijdens een opleiding", "l'accueil des enfants pendant une formation")),
    ),
    ("regional", "ondernemen"): (
        ("b", ("een investering in een kmo", "un investissement dans une PME"),
         ("kmo-investeringen", "les investissements des PME")),
        ("b", ("advies van een consultant", "les conseils d'un consultant"), ("extern advies", "les conseils externes")),
        ("b", ("een digitaliseringsproject", "un projet de digitalisation"),
         ("de digitalisering van een bedrijf", "la numérisation d'une entreprise")),
        ("b", ("een exportproject", "un projet d'exportation"), ("prospectie in het buitenland", "la prospection à l'étranger")),
    ),
    ("regional", "mobiliteit"): (
        ("c", ("een abonnement op het openbaar vervoer", "un abonnement aux transports en commun"),
         ("een jaarabonnement voor bus en tram", "un abonnement annuel bus et tram")),
        ("c", ("een elektrische fiets", "un vélo électrique"),
         ("de aankoop van een elektrische fiets", "l'achat d'un vélo électrique")),
        ("cb", ("de verkeersbelasting", "la taxe de circulation"),
         ("de jaarlijkse verkeersbelasting", "la taxe de circulation annuelle")),
    ),
    ("regional", "fiscaliteit"): (
        ("c", ("de onroerende voorheffing", "le précompte immobilier"),
         ("de onroerende voorheffing op de eigen woning", "le précompte immobilier sur l'habitation propre")),
        ("c", ("de registratierechten", "les droits d'enregistrement"), ("de verkooprechten", "les droits de vente")),
        ("c", ("de schenkbelasting", "les droits de donation"), ("de schenkingsrechten", "les droits sur les donations")),
        ("c", ("de erfbelasting", "les droits de succession"), ("de successierechten", "les droits de mutation par décès")),
    ),
    ("national", "gezin"): (
        ("c", ("kinderopvang", "la garde d'enfants"), ("de opvang van baby's en peuters", "l'accueil des bébés et des bambins")),
        ("c", ("een geboorte", "une naissance"), ("de geboorte van een kind", "la naissance d'un enfant")),
        ("c", ("een adoptie", "une adoption"), ("de adoptie van een kind", "l'adoption d'un enfant")),
        ("c", ("schoolkosten", "les frais scolaires"), ("de kosten van de schooltijd", "les coûts de la scolarité")),
        ("c", ("een pleegkind", "un enfant placé"), ("de opvang van een pleegkind", "l'accueil d'un enfant placé")),
    ),
    ("national", "onderwijs"): (
        ("c", ("studiekosten", "les frais d'études"), ("de kosten van een studie", "le coût des études")),
        ("c", ("een studentenkamer", "un kot étudiant"), ("huisvesting voor studenten", "le logement étudiant")),
        ("c", ("het inschrijvingsgeld", "les droits d'inscription"), ("het studiegeld", "le minerval")),
        ("cb", ("schoolvervoer", "le transport scolaire"), ("het vervoer naar school", "le transport vers l'école")),
        ("c", ("bijles", "le soutien scolaire"), ("huiswerkbegeleiding", "l'aide aux devoirs")),
    ),
    ("national", "cultuur"): (
        ("cb", ("een cultureel project", "un projet culturel"), ("culturele initiatieven", "les initiatives culturelles")),
        ("c", ("sportkampen", "les stages sportifs"), ("een sportkamp", "un stage de sport")),
        ("cb", ("een jeugdbeweging", "un mouvement de jeunesse"), ("het jeugdwerk", "le travail de jeunesse")),
        ("c", ("het lidmaatschap van een sportclub", "l'affiliation à un club sportif"),
         ("de inschrijving bij een sportvereniging", "l'inscription dans un club de sport")),
    ),
    ("national", "gezondheid"): (
        ("c", ("medische kosten", "les frais médicaux"), ("gezondheidskosten", "les dépenses de santé")),
        ("c", ("hulpmiddelen voor mobiliteit", "les aides à la mobilité"), ("een rolstoel", "un fauteuil roulant")),
        ("c", ("thuiszorg", "les soins à domicile"), ("zorg aan huis", "les soins prodigués à domicile")),
        ("c", ("tandzorg", "les soins dentaires"), ("tandheelkundige zorg", "les soins de dentisterie")),
        ("c", ("een ziekenhuisopname", "une hospitalisation"), ("een verblijf in het ziekenhuis", "un séjour à l'hôpital")),
    ),
    ("national", "sociaal"): (
        ("c", ("de verwarmingskosten", "les frais de chauffage"), ("de stookkosten", "les dépenses de chauffage")),
        ("c", ("de energiefactuur", "la facture d'énergie"),
         ("de gas- en elektriciteitsfactuur", "la facture de gaz et d'électricité")),
        ("c", ("de integratie in de samenleving", "l'intégration sociale"),
         ("maatschappelijke integratie", "l'insertion sociale")),
        ("c", ("hulp van derden", "l'aide de tiers"), ("bijstand door een derde", "l'assistance d'une tierce personne")),
        ("c", ("de telefoonfactuur", "la facture de téléphone"), ("telefonie en internet", "la téléphonie et l'internet")),
    ),
    ("national", "werk"): (
        ("cb", ("tijdelijke werkloosheid", "le chômage temporaire"),
         ("tijdelijke werkloosheid wegens overmacht", "le chômage temporaire pour force majeure")),
        ("c", ("een tijdskrediet", "un crédit-temps"), ("een loopbaanonderbreking", "une interruption de carrière")),
        ("c", ("ouderschapsverlof", "le congé parental"),
         ("verlof voor de opvoeding van een kind", "le congé pour l'éducation d'un enfant")),
        ("cb", ("een outplacement", "un outplacement"), ("outplacementbegeleiding", "l'accompagnement d'outplacement")),
    ),
    ("national", "pensioen"): (
        ("c", ("een inkomensgarantie", "une garantie de revenus"),
         ("een gewaarborgd minimuminkomen", "un revenu minimum garanti")),
        ("c", ("een overlevingspensioen", "une pension de survie"),
         ("het pensioen van een overleden partner", "la pension d'un partenaire décédé")),
        ("c", ("een vervroegd pensioen", "une pension anticipée"),
         ("een vroegere pensionering", "un départ anticipé à la retraite")),
    ),
    ("national", "fiscaliteit"): (
        ("cb", ("giften", "les libéralités"), ("giften aan erkende instellingen", "les dons aux institutions agréées")),
        ("c", ("dienstencheques", "les titres-services"),
         ("huishoudhulp via dienstencheques", "l'aide ménagère via titres-services")),
        ("c", ("pensioensparen", "l'épargne-pension"), ("het sparen voor het pensioen", "l'épargne en vue de la pension")),
        ("cb", ("beveiliging tegen inbraak", "la sécurisation contre le vol"),
         ("inbraakbeveiliging", "la protection contre les cambriolages")),
    ),
    ("national", "ondernemen"): (
        ("b", ("de oprichting van een onderneming", "la création d'une entreprise"),
         ("het starten van een zaak", "le lancement d'une activité")),
        ("b", ("de sociale bijdragen", "les cotisations sociales"),
         ("de sociale zekerheidsbijdragen", "les cotisations de sécurité sociale")),
        ("b", ("de stopzetting van een zelfstandige activiteit", "la cessation d'une activité indépendante"),
         ("het overbruggingsrecht", "le droit passerelle")),
    ),
    ("national", "mobiliteit"): (
        ("c", ("een aangepaste wagen", "un véhicule adapté"), ("de aanpassing van een voertuig", "l'adaptation d'un véhicule")),
        ("c", ("treinreizen", "les voyages en train"), ("een treinabonnement", "un abonnement de train")),
        ("c", ("de rijopleiding", "la formation à la conduite"), ("lessen in een rijschool", "les leçons d'auto-école")),
    ),
    ("national", "justitie"): (
        ("c", ("juridische tweedelijnsbijstand", "l'aide juridique de deuxième ligne"),
         ("de kosten van een advocaat", "les frais d'avocat")),
    ),
    ("local", "milieu"): (
        ("c", ("een geveltuin", "un jardin de façade"), ("de aanleg van een geveltuin", "l'aménagement d'un jardin de façade")),
        ("c", ("herbruikbare luiers", "des langes lavables"), ("wasbare luiers", "des couches lavables")),
        ("c", ("een compostvat", "un fût à compost"), ("thuiscomposteren", "le compostage à domicile")),
        ("c", ("huisvuilzakken", "les sacs poubelles"), ("afvalzakken", "les sacs à déchets")),
    ),
    ("local", "mobiliteit"): (
        ("c", ("de fietsherstelling", "la réparation de vélos"), ("het herstellen van een fiets", "la réparation d'un vélo")),
        ("c", ("een buurtparking", "un parking de quartier"),
         ("een plaats in een buurtparking", "une place dans un parking de quartier")),
    ),
    ("local", "wonen"): (
        ("c", ("de restauratie van een gevel", "la restauration d'une façade"), ("gevelrenovatie", "la rénovation de façade")),
        ("c", ("een leegstaande woning", "un logement inoccupé"),
         ("de renovatie van een leegstaande woning", "la rénovation d'un logement inoccupé")),
    ),
    ("local", "cultuur"): (
        ("cb", ("een vakantiekamp", "un camp de vacances"), ("de speelpleinwerking", "les plaines de jeux")),
        ("cb", ("een buurtfeest", "une fête de quartier"), ("een straatfeest", "une fête de rue")),
        ("cb", ("een lokaal sportevenement", "un événement sportif local"),
         ("een sportmanifestatie in de gemeente", "une manifestation sportive communale")),
    ),
    ("local", "sociaal"): (
        ("c", ("de kosten van een begrafenis", "les frais de funérailles"), ("de uitvaartkosten", "les coûts des obsèques")),
        ("c", ("een schoolreis", "une excursion scolaire"),
         ("de kosten van een schooluitstap", "les frais d'une sortie scolaire")),
    ),
}

#: Other things per (scope, domain): service type, kind, two variants (nl, nl with article, fr, fr with article).
OTHER_THINGS: dict[tuple[str, str], tuple] = {
    ("national", "burgerzaken"): (
        ("Authorisation", "c", ("Paspoort", "een paspoort", "Passeport", "un passeport"),
         ("Reispas", "een reispas", "Document de voyage", "un document de voyage")),
        ("Authorisation", "c",
         ("Toelating tot verblijf", "een toelating tot verblijf", "Autorisation de séjour", "une autorisation de séjour"),
         ("Verblijfsvergunning", "een verblijfsvergunning", "Permis de séjour", "un permis de séjour")),
        ("Certificate", "c",
         ("Elektronische identiteitskaart", "een elektronische identiteitskaart", "Carte d'identité électronique",
          "une carte d'identité électronique"),
         ("Identiteitskaart", "een identiteitskaart", "Carte d'identité", "une carte d'identité")),
        ("Certificate", "c",
         ("Uittreksel uit het Rijksregister", "een uittreksel uit het Rijksregister", "Extrait du Registre national",
          "un extrait du Registre national"),
         ("Attest uit het Rijksregister", "een attest uit het Rijksregister", "Certificat du Registre national",
          "un certificat du Registre national")),
        ("Obligation", "c",
         ("Aangifte van verlies of diefstal van de identiteitskaart",
          "een aangifte van verlies of diefstal van de identiteitskaart",
          "Déclaration de perte ou de vol de la carte d'identité",
          "une déclaration de perte ou de vol de la carte d'identité"),
         ("Melding van een verloren identiteitskaart", "een melding van een verloren identiteitskaart",
          "Signalement d'une carte d'identité perdue", "un signalement d'une carte d'identité perdue")),
        ("Obligation", "c",
         ("Registratie van een wilsverklaring", "een registratie van een wilsverklaring",
          "Enregistrement d'une déclaration anticipée", "un enregistrement d'une déclaration anticipée"),
         ("Inschrijving van een voorafgaande wilsverklaring", "een inschrijving van een voorafgaande wilsverklaring",
          "Inscription d'une déclaration de volonté", "une inscription d'une déclaration de volonté")),
    ),
    ("national", "justitie"): (
        ("Authorisation", "c",
         ("Wapenvergunning", "een wapenvergunning", "Permis de port d'arme", "un permis de port d'arme"),
         ("Vergunning tot het voorhanden hebben van een wapen", "een vergunning tot het voorhanden hebben van een wapen",
          "Autorisation de détention d'une arme", "une autorisation de détention d'une arme")),
        ("Certificate", "cb",
         ("Uittreksel uit het strafregister", "een uittreksel uit het strafregister", "Extrait de casier judiciaire",
          "un extrait de casier judiciaire"),
         ("Bewijs van goed gedrag en zeden", "een bewijs van goed gedrag en zeden", "Certificat de bonne vie et mœurs",
          "un certificat de bonne vie et mœurs")),
        ("Obligation", "c",
         ("Aangifte van het bezit van een wapen", "een aangifte van het bezit van een wapen",
          "Déclaration de détention d'une arme", "une déclaration de détention d'une arme"),
         ("Melding van een wapen", "een melding van een wapen", "Notification d'une arme", "une notification d'une arme")),
    ),
    ("national", "fiscaliteit"): (
        ("Obligation", "cb",
         ("Aangifte in de personenbelasting", "een aangifte in de personenbelasting",
          "Déclaration à l'impôt des personnes physiques", "une déclaration à l'impôt des personnes physiques"),
         ("Belastingaangifte", "een belastingaangifte", "Déclaration fiscale", "une déclaration fiscale")),
        ("Obligation", "c",
         ("Aangifte van buitenlandse rekeningen", "een aangifte van buitenlandse rekeningen",
          "Déclaration des comptes étrangers", "une déclaration des comptes étrangers"),
         ("Melding van een buitenlandse bankrekening", "een melding van een buitenlandse bankrekening",
          "Communication d'un compte bancaire à l'étranger", "une communication d'un compte bancaire à l'étranger")),
        ("Certificate", "cb",
         ("Attest van fiscale schulden", "een attest van fiscale schulden", "Attestation de dettes fiscales",
          "une attestation de dettes fiscales"),
         ("Fiscaal attest", "een fiscaal attest", "Attestation fiscale", "une attestation fiscale")),
    ),
    ("national", "werk"): (
        ("Obligation", "b",
         ("Aangifte van tewerkstelling", "een aangifte van tewerkstelling", "Déclaration d'emploi",
          "une déclaration d'emploi"),
         ("Dimona-aangifte", "een Dimona-aangifte", "Déclaration Dimona", "une déclaration Dimona")),
        ("Obligation", "b",
         ("Aangifte van een arbeidsongeval", "een aangifte van een arbeidsongeval", "Déclaration d'accident du travail",
          "une déclaration d'accident du travail"),
         ("Melding van een arbeidsongeval", "een melding van een arbeidsongeval", "Notification d'un accident du travail",
          "une notification d'un accident du travail")),
        ("Certificate", "c",
         ("Attest van werkloosheid", "een attest van werkloosheid", "Attestation de chômage", "une attestation de chômage"),
         ("Werkloosheidsattest", "een werkloosheidsattest", "Certificat de chômage", "un certificat de chômage")),
    ),
    ("national", "sociaal"): (
        ("Certificate", "c",
         ("Attest van erkenning van de handicap", "een attest van erkenning van de handicap",
          "Attestation de reconnaissance du handicap", "une attestation de reconnaissance du handicap"),
         ("Handicapattest", "een handicapattest", "Attestation de handicap", "une attestation de handicap")),
        ("Obligation", "c",
         ("Melding van een wijziging van de gezinstoestand", "een melding van een wijziging van de gezinstoestand",
          "Communication d'un changement de situation familiale",
          "une communication d'un changement de situation familiale"),
         ("Aangifte van een gewijzigde gezinssituatie", "een aangifte van een gewijzigde gezinssituatie",
          "Déclaration d'une situation familiale modifiée", "une déclaration d'une situation familiale modifiée")),
    ),
    ("national", "gezondheid"): (
        ("Authorisation", "c",
         ("Erkenning als zorgverlener", "een erkenning als zorgverlener", "Agrément de prestataire de soins",
          "un agrément de prestataire de soins"),
         ("Visum als gezondheidszorgbeoefenaar", "een visum als gezondheidszorgbeoefenaar",
          "Visa de professionnel des soins de santé", "un visa de professionnel des soins de santé")),
        ("Authorisation", "b",
         ("Vergunning voor een apotheek", "een vergunning voor een apotheek", "Autorisation d'ouverture d'une pharmacie",
          "une autorisation d'ouverture d'une pharmacie"),
         ("Toelating tot opening van een apotheek", "een toelating tot opening van een apotheek",
          "Permis d'exploitation d'une officine", "un permis d'exploitation d'une officine")),
        ("Certificate", "c",
         ("Attest van verzekerbaarheid", "een attest van verzekerbaarheid", "Attestation d'assurabilité",
          "une attestation d'assurabilité"),
         ("Verzekerbaarheidsattest", "een verzekerbaarheidsattest", "Certificat d'assurabilité",
          "un certificat d'assurabilité")),
        ("Obligation", "c",
         ("Aangifte van arbeidsongeschiktheid", "een aangifte van arbeidsongeschiktheid",
          "Déclaration d'incapacité de travail", "une déclaration d'incapacité de travail"),
         ("Melding van ziekte aan het ziekenfonds", "een melding van ziekte aan het ziekenfonds",
          "Notification de maladie à la mutualité", "une notification de maladie à la mutualité")),
    ),
    ("national", "pensioen"): (
        ("Certificate", "c",
         ("Pensioenattest", "een pensioenattest", "Attestation de pension", "une attestation de pension"),
         ("Attest van pensioenrechten", "een attest van pensioenrechten", "Attestation des droits à la pension",
          "une attestation des droits à la pension")),
        ("Obligation", "c",
         ("Melding van een beroepsactiviteit na het pensioen", "een melding van een beroepsactiviteit na het pensioen",
          "Déclaration d'une activité professionnelle après la pension",
          "une déclaration d'une activité professionnelle après la pension"),
         ("Aangifte van werken na pensionering", "een aangifte van werken na pensionering",
          "Déclaration de travail après la retraite", "une déclaration de travail après la retraite")),
    ),
    ("national", "ondernemen"): (
        ("Obligation", "b",
         ("Inschrijving in de Kruispuntbank van Ondernemingen", "een inschrijving in de KBO",
          "Inscription à la Banque-Carrefour des Entreprises", "une inscription à la BCE"),
         ("Registratie van een onderneming", "een registratie van een onderneming", "Enregistrement d'une entreprise",
          "un enregistrement d'une entreprise")),
        ("Obligation", "b",
         ("Aansluiting bij een sociaal verzekeringsfonds", "een aansluiting bij een sociaal verzekeringsfonds",
          "Affiliation à une caisse d'assurances sociales", "une affiliation à une caisse d'assurances sociales"),
         ("Aansluiting als zelfstandige", "een aansluiting als zelfstandige", "Affiliation en tant qu'indépendant",
          "une affiliation en tant qu'indépendant")),
        ("Authorisation", "b",
         ("Toegang tot een gereglementeerd beroep", "een toegang tot een gereglementeerd beroep",
          "Accès à une profession réglementée", "un accès à une profession réglementée"),
         ("Vergunning voor een gereglementeerd beroep", "een vergunning voor een gereglementeerd beroep",
          "Autorisation d'exercer une profession réglementée", "une autorisation d'exercer une profession réglementée")),
        ("Certificate", "b",
         ("Uittreksel uit de KBO", "een uittreksel uit de KBO", "Extrait de la BCE", "un extrait de la BCE"),
         ("Ondernemingsattest", "een ondernemingsattest", "Attestation d'entreprise", "une attestation d'entreprise")),
    ),
    ("national", "mobiliteit"): (
        ("Authorisation", "b",
         ("Vergunning voor uitzonderlijk vervoer", "een vergunning voor uitzonderlijk vervoer",
          "Autorisation de transport exceptionnel", "une autorisation de transport exceptionnel"),
         ("Toelating voor uitzonderlijk vervoer", "een toelating voor uitzonderlijk vervoer",
          "Permis de transport exceptionnel", "un permis de transport exceptionnel")),
        ("Authorisation", "cb",
         ("Vergunning voor het gebruik van een drone", "een vergunning voor het gebruik van een drone",
          "Autorisation d'utilisation d'un drone", "une autorisation d'utilisation d'un drone"),
         ("Dronevergunning", "een dronevergunning", "Licence de drone", "une licence de drone")),
        ("Obligation", "cb",
         ("Inschrijving van een voertuig", "een inschrijving van een voertuig", "Immatriculation d'un véhicule",
          "une immatriculation d'un véhicule"),
         ("Registratie van een voertuig", "een registratie van een voertuig", "Enregistrement d'un véhicule",
          "un enregistrement d'un véhicule")),
    ),
    ("national", "gezin"): (
        ("Authorisation", "cb",
         ("Vergunning voor kinderopvang", "een vergunning voor kinderopvang", "Autorisation de milieu d'accueil",
          "une autorisation de milieu d'accueil"),
         ("Erkenning als kinderbegeleider", "een erkenning als kinderbegeleider", "Agrément d'accueillant d'enfants",
          "un agrément d'accueillant d'enfants")),
        ("Certificate", "c",
         ("Attest van gezinsbijslag", "een attest van gezinsbijslag", "Attestation d'allocations familiales",
          "une attestation d'allocations familiales"),
         ("Attest groeipakket", "een attest groeipakket", "Attestation de prestations familiales",
          "une attestation de prestations familiales")),
    ),
    ("national", "onderwijs"): (
        ("Authorisation", "c",
         ("Erkenning van een buitenlands diploma", "een erkenning van een buitenlands diploma",
          "Équivalence d'un diplôme étranger", "une équivalence d'un diplôme étranger"),
         ("Gelijkwaardigheid van een buitenlands diploma", "een gelijkwaardigheid van een buitenlands diploma",
          "Reconnaissance d'un diplôme étranger", "une reconnaissance d'un diplôme étranger")),
        ("Certificate", "c",
         ("Attest van gevolgde studies", "een attest van gevolgde studies", "Attestation d'études suivies",
          "une attestation d'études suivies"),
         ("Studieattest", "een studieattest", "Certificat d'études", "un certificat d'études")),
        ("Obligation", "c",
         ("Melding van huisonderwijs", "een melding van huisonderwijs", "Déclaration d'enseignement à domicile",
          "une déclaration d'enseignement à domicile"),
         ("Aangifte van huisonderwijs", "een aangifte van huisonderwijs", "Notification d'enseignement à domicile",
          "une notification d'enseignement à domicile")),
    ),
    ("national", "cultuur"): (
        ("Authorisation", "b",
         ("Erkenning als jeugdvereniging", "een erkenning als jeugdvereniging", "Agrément comme organisation de jeunesse",
          "un agrément comme organisation de jeunesse"),
         ("Erkenning van een jeugdorganisatie", "een erkenning van een jeugdorganisatie",
          "Reconnaissance d'une organisation de jeunesse", "une reconnaissance d'une organisation de jeunesse")),
        ("Authorisation", "b",
         ("Erkenning als sportfederatie", "een erkenning als sportfederatie", "Reconnaissance comme fédération sportive",
          "une reconnaissance comme fédération sportive"),
         ("Erkenning van een sportbond", "een erkenning van een sportbond", "Agrément d'une fédération sportive",
          "un agrément d'une fédération sportive")),
    ),
    ("regional", "wonen"): (
        ("Authorisation", "c",
         ("Vergunning voor kamerverhuur", "een vergunning voor kamerverhuur", "Permis de location de chambres",
          "un permis de location de chambres"),
         ("Toelating voor kamerverhuur", "een toelating voor kamerverhuur", "Autorisation de location de kots",
          "une autorisation de location de kots")),
        ("Certificate", "c",
         ("Conformiteitsattest", "een conformiteitsattest", "Attestation de conformité", "une attestation de conformité"),
         ("Attest van woningkwaliteit", "een attest van woningkwaliteit", "Attestation de qualité du logement",
          "une attestation de qualité du logement")),
        ("Obligation", "c",
         ("Melding van leegstand", "een melding van leegstand", "Déclaration d'inoccupation",
          "une déclaration d'inoccupation"),
         ("Aangifte van een leegstaand gebouw", "een aangifte van een leegstaand gebouw",
          "Déclaration d'un bâtiment inoccupé", "une déclaration d'un bâtiment inoccupé")),
    ),
    ("regional", "energie"): (
        ("Certificate", "c",
         ("Energieprestatiecertificaat", "een energieprestatiecertificaat", "Certificat de performance énergétique",
          "un certificat de performance énergétique"),
         ("EPC-attest", "een EPC-attest", "Certificat PEB", "un certificat PEB")),
        ("Obligation", "cb",
         ("Registratie van zonnepanelen", "een registratie van zonnepanelen", "Enregistrement de panneaux solaires",
          "un enregistrement de panneaux solaires"),
         ("Melding van een zonne-installatie", "een melding van een zonne-installatie",
          "Déclaration d'une installation solaire", "une déclaration d'une installation solaire")),
        ("Authorisation", "b",
         ("Vergunning voor de levering van elektriciteit", "een vergunning voor de levering van elektriciteit",
          "Licence de fourniture d'électricité", "une licence de fourniture d'électricité"),
         ("Leveringsvergunning", "een leveringsvergunning", "Licence de fourniture", "une licence de fourniture")),
    ),
    ("regional", "milieu"): (
        ("Authorisation", "b",
         ("Omgevingsvergunning voor een ingedeelde inrichting", "een omgevingsvergunning voor een ingedeelde inrichting",
          "Permis d'environnement pour un établissement classé", "un permis d'environnement pour un établissement classé"),
         ("Milieuvergunning", "een milieuvergunning", "Permis d'environnement", "un permis d'environnement")),
        ("Authorisation", "cb",
         ("Kapvergunning voor bos", "een kapvergunning voor bos", "Permis de déboisement", "un permis de déboisement"),
         ("Ontbossingsvergunning", "een ontbossingsvergunning", "Autorisation de défrichement",
          "une autorisation de défrichement")),
        ("Obligation", "b",
         ("Integraal milieujaarverslag", "een integraal milieujaarverslag", "Déclaration environnementale annuelle",
          "une déclaration environnementale annuelle"),
         ("Jaarlijkse milieuaangifte", "een jaarlijkse milieuaangifte", "Rapport environnemental annuel",
          "un rapport environnemental annuel")),
        ("Certificate", "c", ("Bodemattest", "een bodemattest", "Attestation du sol", "une attestation du sol"),
         ("Attest over de bodemtoestand", "een attest over de bodemtoestand", "Certificat d'état du sol",
          "un certificat d'état du sol")),
    ),
    ("regional", "landbouw"): (
        ("Authorisation", "b",
         ("Erkenning als biologisch producent", "een erkenning als biologisch producent",
          "Agrément de producteur biologique", "un agrément de producteur biologique"),
         ("Bio-erkenning", "een bio-erkenning", "Certification bio", "une certification bio")),
        ("Obligation", "b",
         ("Mestbankaangifte", "een mestbankaangifte", "Déclaration d'engrais", "une déclaration d'engrais"),
         ("Aangifte bij de mestbank", "een aangifte bij de mestbank", "Déclaration à la banque d'engrais",
          "une déclaration à la banque d'engrais")),
        ("Certificate", "b",
         ("Attest van landbouwactiviteit", "een attest van landbouwactiviteit", "Attestation d'activité agricole",
          "une attestation d'activité agricole"),
         ("Landbouwattest", "een landbouwattest", "Certificat agricole", "un certificat agricole")),
    ),
    ("regional", "werk"): (
        ("Authorisation", "b",
         ("Toelating tot arbeid voor buitenlandse werknemers", "een toelating tot arbeid voor buitenlandse werknemers",
          "Autorisation de travail pour travailleurs étrangers", "une autorisation de travail pour travailleurs étrangers"),
         ("Gecombineerde vergunning", "een gecombineerde vergunning", "Permis unique", "un permis unique")),
        ("Certificate", "c",
         ("Attest van inschrijving als werkzoekende", "een attest van inschrijving als werkzoekende",
          "Attestation d'inscription comme demandeur d'emploi", "une attestation d'inscription comme demandeur d'emploi"),
         ("Inschrijvingsattest werkzoekende", "een inschrijvingsattest werkzoekende",
          "Certificat d'inscription de demandeur d'emploi", "un certificat d'inscription de demandeur d'emploi")),
    ),
    ("regional", "ondernemen"): (
        ("Authorisation", "b",
         ("Erkenning als dienstverlener voor de kmo-portefeuille",
          "een erkenning als dienstverlener voor de kmo-portefeuille", "Agrément de prestataire pour le portefeuille PME",
          "un agrément de prestataire pour le portefeuille PME"),
         ("Registratie als erkende adviesverlener", "een registratie als erkende adviesverlener",
          "Enregistrement comme consultant agréé", "un enregistrement comme consultant agréé")),
    ),
    ("regional", "mobiliteit"): (
        ("Authorisation", "b",
         ("Erkenning van een rijschool", "een erkenning van een rijschool", "Agrément d'une école de conduite",
          "un agrément d'une école de conduite"),
         ("Rijschoolvergunning", "een rijschoolvergunning", "Autorisation d'école de conduite",
          "une autorisation d'école de conduite")),
        ("Obligation", "cb",
         ("Aangifte voor de verkeersbelasting", "een aangifte voor de verkeersbelasting",
          "Déclaration pour la taxe de circulation", "une déclaration pour la taxe de circulation"),
         ("Aangifte van een nieuw voertuig voor de verkeersbelasting", "een aangifte van een nieuw voertuig",
          "Déclaration d'un nouveau véhicule", "une déclaration d'un nouveau véhicule")),
    ),
    ("regional", "fiscaliteit"): (
        ("Obligation", "c",
         ("Aangifte van nalatenschap", "een aangifte van nalatenschap", "Déclaration de succession",
          "une déclaration de succession"),
         ("Successieaangifte", "een successieaangifte", "Déclaration successorale", "une déclaration successorale")),
    ),
    ("local", "burgerzaken"): (
        ("Certificate", "c",
         ("Attest van woonst", "een attest van woonst", "Certificat de résidence", "un certificat de résidence"),
         ("Woonstattest", "een woonstattest", "Attestation de résidence", "une attestation de résidence")),
        ("Certificate", "c",
         ("Attest van gezinssamenstelling", "een attest van gezinssamenstelling", "Certificat de composition de ménage",
          "un certificat de composition de ménage"),
         ("Gezinssamenstellingsattest", "een gezinssamenstellingsattest", "Attestation de composition de ménage",
          "une attestation de composition de ménage")),
        ("Certificate", "c", ("Attest van leven", "een attest van leven", "Certificat de vie", "un certificat de vie"),
         ("Levensbewijs", "een levensbewijs", "Preuve de vie", "une preuve de vie")),
        ("Certificate", "c",
         ("Uittreksel uit de akte van geboorte", "een uittreksel uit de akte van geboorte", "Extrait d'acte de naissance",
          "un extrait d'acte de naissance"),
         ("Geboorteakte", "een geboorteakte", "Acte de naissance", "un acte de naissance")),
        ("Obligation", "c", ("Adreswijziging", "een adreswijziging", "Changement d'adresse", "un changement d'adresse"),
         ("Aangifte van verhuizing", "een aangifte van verhuizing", "Déclaration de déménagement",
          "une déclaration de déménagement")),
        ("Obligation", "c",
         ("Aangifte van een geboorte", "een aangifte van een geboorte", "Déclaration de naissance",
          "une déclaration de naissance"),
         ("Geboorteaangifte", "een geboorteaangifte", "Déclaration d'une naissance", "une déclaration d'une naissance")),
        ("Obligation", "c",
         ("Aangifte van een overlijden", "een aangifte van een overlijden", "Déclaration de décès",
          "une déclaration de décès"),
         ("Overlijdensaangifte", "een overlijdensaangifte", "Déclaration d'un décès", "une déclaration d'un décès")),
    ),
    ("local", "mobiliteit"): (
        ("Authorisation", "c", ("Parkeerkaart", "een parkeerkaart", "Carte de stationnement", "une carte de stationnement"),
         ("Parkeervergunning", "een parkeervergunning", "Autorisation de stationnement", "une autorisation de stationnement")),
        ("Authorisation", "cb",
         ("Inname van het openbaar domein", "een inname van het openbaar domein", "Occupation du domaine public",
          "une occupation du domaine public"),
         ("Signalisatievergunning", "een signalisatievergunning", "Autorisation d'occupation de voirie",
          "une autorisation d'occupation de voirie")),
        ("Authorisation", "b",
         ("Vergunning voor een taxidienst", "een vergunning voor een taxidienst",
          "Autorisation d'exploiter un service de taxi", "une autorisation d'exploiter un service de taxi"),
         ("Taxivergunning", "een taxivergunning", "Licence de taxi", "une licence de taxi")),
    ),
    ("local", "wonen"): (
        ("Authorisation", "c",
         ("Omgevingsvergunning voor een verbouwing", "een omgevingsvergunning voor een verbouwing",
          "Permis d'urbanisme pour une transformation", "un permis d'urbanisme pour une transformation"),
         ("Bouwvergunning voor een verbouwing", "een bouwvergunning voor een verbouwing",
          "Permis de bâtir pour une transformation", "un permis de bâtir pour une transformation")),
        ("Certificate", "c",
         ("Stedenbouwkundig uittreksel", "een stedenbouwkundig uittreksel", "Renseignements urbanistiques",
          "des renseignements urbanistiques"),
         ("Stedenbouwkundige inlichtingen", "stedenbouwkundige inlichtingen", "Informations urbanistiques",
          "des informations urbanistiques")),
        ("Obligation", "c",
         ("Melding van stedenbouwkundige handelingen", "een melding van stedenbouwkundige handelingen",
          "Déclaration urbanistique préalable", "une déclaration urbanistique préalable"),
         ("Voorafgaande melding van werken", "een voorafgaande melding van werken", "Déclaration préalable de travaux",
          "une déclaration préalable de travaux")),
    ),
    ("local", "ondernemen"): (
        ("Authorisation", "b",
         ("Vergunning voor een terras", "een vergunning voor een terras", "Autorisation de terrasse",
          "une autorisation de terrasse"),
         ("Terrasvergunning", "een terrasvergunning", "Permis de terrasse", "un permis de terrasse")),
        ("Authorisation", "b",
         ("Ambulante handelsvergunning", "een ambulante handelsvergunning", "Autorisation de commerce ambulant",
          "une autorisation de commerce ambulant"),
         ("Vergunning voor een marktkraam", "een vergunning voor een marktkraam",
          "Autorisation d'emplacement sur le marché", "une autorisation d'emplacement sur le marché")),
    ),
    ("local", "cultuur"): (
        ("Authorisation", "cb",
         ("Toelating voor een evenement", "een toelating voor een evenement", "Autorisation d'organiser un événement",
          "une autorisation d'organiser un événement"),
         ("Evenementenvergunning", "een evenementenvergunning", "Permis d'événement", "un permis d'événement")),
        ("Authorisation", "b",
         ("Reservering van een gemeentelijke zaal", "een reservering van een gemeentelijke zaal",
          "Réservation d'une salle communale", "une réservation d'une salle communale"),
         ("Huur van een gemeentelijke feestzaal", "een huur van een gemeentelijke feestzaal",
          "Location d'une salle des fêtes communale", "une location d'une salle des fêtes communale")),
    ),
    ("local", "milieu"): (
        ("Authorisation", "c",
         ("Kapvergunning voor een boom", "een kapvergunning voor een boom", "Permis d'abattage d'un arbre",
          "un permis d'abattage d'un arbre"),
         ("Toelating om een boom te vellen", "een toelating om een boom te vellen", "Autorisation d'abattre un arbre",
          "une autorisation d'abattre un arbre")),
        ("Obligation", "b",
         ("Melding van een ingedeelde inrichting klasse 3", "een melding van een ingedeelde inrichting klasse 3",
          "Déclaration d'un établissement de classe 3", "une déclaration d'un établissement de classe 3"),
         ("Melding van een hinderlijke inrichting", "een melding van een hinderlijke inrichting",
          "Déclaration d'un établissement incommode", "une déclaration d'un établissement incommode")),
    ),
    ("local", "fiscaliteit"): (
        ("Obligation", "c",
         ("Aangifte van een tweede verblijf", "een aangifte van een tweede verblijf", "Déclaration de seconde résidence",
          "une déclaration de seconde résidence"),
         ("Aangifte van een tweede woning", "een aangifte van een tweede woning", "Déclaration d'une résidence secondaire",
          "une déclaration d'une résidence secondaire")),
    ),
    ("local", "sociaal"): (),
}

#: Domains: nl, fr, purposes, conditions, regulation topics, common facts (no authentic source), app prefix.
DOMAINS: dict[str, dict] = {
    "wonen": dict(
        nl="wonen", fr="logement", app="Woon",
        purposes=(("De maatregel moet de woningkwaliteit verbeteren.", "La mesure vise à améliorer la qualité des logements."),
                  ("Zo wil de overheid betaalbaar wonen ondersteunen.",
                   "Les pouvoirs publics soutiennent ainsi le logement abordable."),
                  ("Het doel is een veilige en gezonde woning voor iedereen.",
                   "L'objectif est un logement sûr et sain pour chacun.")),
        conds=(("de werken laat uitvoeren door een geregistreerde aannemer",
                "faites réaliser les travaux par un entrepreneur enregistré"),
               ("de woning als hoofdverblijfplaats gebruikt", "utilisez le logement comme résidence principale"),
               ("de woning ouder is dan 15 jaar", "le logement a plus de 15 ans"),
               ("geen andere woning in volle eigendom heeft", "ne possédez pas d'autre logement en pleine propriété")),
        topics=(("het woonbeleid", "la politique du logement"), ("de huurovereenkomsten", "les contrats de bail"),
                ("de renovatiepremies", "les primes à la rénovation"),
                ("de kwaliteitsnormen voor woningen", "les normes de qualité des logements"),
                ("de sociale huisvesting", "le logement social")),
        commons=(("Bouwjaar van de woning", "Année de construction du logement"),
                 ("Bewoonbare oppervlakte", "Superficie habitable"),
                 ("Aard van de werken", "Nature des travaux"), ("Ligging van de woning", "Situation du logement"),
                 ("Aantal slaapkamers", "Nombre de chambres")),
    ),
    "energie": dict(
        nl="energie", fr="énergie", app="Ener",
        purposes=(("De maatregel moet het energieverbruik van gebouwen verlagen.",
                   "La mesure vise à réduire la consommation d'énergie des bâtiments."),
                  ("Zo stimuleert de overheid hernieuwbare energie.",
                   "Les pouvoirs publics encouragent ainsi les énergies renouvelables."),
                  ("Het doel is een lagere energiefactuur en minder uitstoot.",
                   "L'objectif est une facture énergétique plus basse et moins d'émissions.")),
        conds=(("de installatie laat plaatsen door een erkende installateur",
                "faites placer l'installation par un installateur agréé"),
               ("de installatie binnen twaalf maanden laat keuren", "faites contrôler l'installation dans les douze mois"),
               ("een energieaudit laat uitvoeren", "faites réaliser un audit énergétique"),
               ("aangesloten bent op het distributienet", "êtes raccordé au réseau de distribution")),
        topics=(("het energiebeleid", "la politique énergétique"),
                ("de energieprestatie van gebouwen", "la performance énergétique des bâtiments"),
                ("de hernieuwbare energie", "les énergies renouvelables"),
                ("de openbare dienstverplichtingen in de energiesector",
                 "les obligations de service public dans le secteur de l'énergie")),
        commons=(("Isolatiewaarde van de materialen", "Valeur d'isolation des matériaux"),
                 ("Vermogen van de installatie", "Puissance de l'installation"),
                 ("Erkende installateur", "Installateur agréé"),
                 ("Type verwarmingsinstallatie", "Type d'installation de chauffage")),
    ),
    "milieu": dict(
        nl="leefmilieu", fr="environnement", app="Eco",
        purposes=(("De maatregel moet de biodiversiteit versterken.", "La mesure vise à renforcer la biodiversité."),
                  ("Zo wil de overheid wateroverlast en droogte beperken.",
                   "Les pouvoirs publics veulent ainsi limiter les inondations et la sécheresse."),
                  ("Het doel is minder afval en een gezonder leefmilieu.",
                   "L'objectif est moins de déchets et un environnement plus sain.")),
        conds=(("de werken uitvoert op een perceel in het gewest", "réalisez les travaux sur une parcelle de la région"),
               ("de voorschriften van de gemeente naleeft", "respectez les prescriptions de la commune"),
               ("de installatie minstens tien jaar behoudt", "conservez l'installation au moins dix ans")),
        topics=(("het milieubeleid", "la politique environnementale"),
                ("het integraal waterbeleid", "la gestion intégrée de l'eau"),
                ("de afvalstoffen", "les déchets"), ("het natuurbehoud", "la conservation de la nature")),
        commons=(("Te onthardene oppervlakte", "Surface à désimperméabiliser"), ("Inhoud van de put", "Capacité de la citerne"),
                 ("Soort beplanting", "Type de plantation"),
                 ("Milieu-impact van de activiteit", "Impact environnemental de l'activité")),
    ),
    "landbouw": dict(
        nl="landbouw", fr="agriculture", app="Agri",
        purposes=(("De maatregel ondersteunt een duurzame landbouw.", "La mesure soutient une agriculture durable."),
                  ("Zo wil de overheid het inkomen van landbouwers beschermen.",
                   "Les pouvoirs publics veulent ainsi protéger le revenu des agriculteurs.")),
        conds=(("een landbouwbedrijf uitbaat in hoofdberoep", "exploitez une exploitation agricole à titre principal"),
               ("een verzamelaanvraag indient", "introduisez une demande unique"),
               ("de randvoorwaarden naleeft", "respectez la conditionnalité")),
        topics=(("het landbouwbeleid", "la politique agricole"),
                ("de steun aan landbouwbedrijven", "les aides aux exploitations agricoles"),
                ("de mestproblematiek", "la gestion des effluents d'élevage")),
        commons=(("Teeltplan", "Plan de culture"), ("Veebezetting", "Densité de bétail"),
                 ("Oppervlakte landbouwgrond", "Superficie agricole"), ("Type landbouwbedrijf", "Type d'exploitation agricole")),
    ),
    "werk": dict(
        nl="werk", fr="emploi", app="Job",
        purposes=(("De maatregel moet meer mensen aan het werk helpen.",
                   "La mesure vise à aider davantage de personnes à trouver un emploi."),
                  ("Zo wil de overheid werk en gezin beter combineerbaar maken.",
                   "Les pouvoirs publics veulent ainsi mieux concilier travail et vie de famille."),
                  ("Het doel is een vlotte overgang tussen twee banen.",
                   "L'objectif est une transition fluide entre deux emplois.")),
        conds=(("ingeschreven bent als werkzoekende", "êtes inscrit comme demandeur d'emploi"),
               ("minstens een halftijdse arbeidsovereenkomst heeft", "avez au moins un contrat de travail à mi-temps"),
               ("de opleiding met succes afrondt", "terminez la formation avec succès"),
               ("in dienst bent bij een werkgever in België", "êtes occupé par un employeur en Belgique")),
        topics=(("de arbeidsovereenkomsten", "les contrats de travail"),
                ("de werkloosheidsreglementering", "la réglementation du chômage"),
                ("de beroepsopleiding", "la formation professionnelle"),
                ("de tewerkstelling van werkzoekenden", "l'emploi des demandeurs d'emploi"),
                ("het tijdskrediet", "le crédit-temps")),
        commons=(("Aard van de opleiding", "Nature de la formation"), ("Duur van de opleiding", "Durée de la formation"),
                 ("Arbeidsregime", "Régime de travail"), ("Beroepservaring", "Expérience professionnelle"),
                 ("Functieomschrijving", "Description de fonction")),
    ),
    "ondernemen": dict(
        nl="ondernemen", fr="entreprendre", app="Entre",
        purposes=(("De maatregel moet ondernemers helpen groeien.", "La mesure vise à aider les entrepreneurs à se développer."),
                  ("Zo wil de overheid de administratieve lasten verlagen.",
                   "Les pouvoirs publics veulent ainsi réduire les charges administratives."),
                  ("Het doel is een sterker en innovatiever bedrijfsleven.",
                   "L'objectif est un tissu économique plus fort et plus innovant.")),
        conds=(("ingeschreven bent in de Kruispuntbank van Ondernemingen", "êtes inscrit à la Banque-Carrefour des Entreprises"),
               ("een vestiging heeft in het gewest", "avez un siège d'exploitation dans la région"),
               ("voldoet aan de definitie van een kmo", "répondez à la définition d'une PME"),
               ("in orde bent met uw sociale bijdragen", "êtes en ordre de cotisations sociales")),
        topics=(("de Kruispuntbank van Ondernemingen", "la Banque-Carrefour des Entreprises"),
                ("het sociaal statuut der zelfstandigen", "le statut social des travailleurs indépendants"),
                ("de economische steun aan ondernemingen", "l'aide économique aux entreprises"),
                ("de vestigingsvoorwaarden", "les conditions d'établissement")),
        commons=(("Omschrijving van de investering", "Description de l'investissement"),
                 ("Aantal werknemers in voltijdse equivalenten", "Nombre de travailleurs en équivalents temps plein"),
                 ("Omzet van de onderneming", "Chiffre d'affaires de l'entreprise"),
                 ("Sector van de onderneming", "Secteur de l'entreprise"),
                 ("Innovatiegraad van het project", "Degré d'innovation du projet")),
    ),
    "mobiliteit": dict(
        nl="mobiliteit", fr="mobilité", app="Mobi",
        purposes=(("De maatregel moet duurzame verplaatsingen aanmoedigen.",
                   "La mesure vise à encourager les déplacements durables."),
                  ("Zo wil de overheid de verkeersveiligheid verhogen.",
                   "Les pouvoirs publics veulent ainsi renforcer la sécurité routière."),
                  ("Het doel is een vlotte en toegankelijke mobiliteit.", "L'objectif est une mobilité fluide et accessible.")),
        conds=(("in het bezit bent van een geldig rijbewijs", "êtes titulaire d'un permis de conduire valable"),
               ("het voertuig op uw naam is ingeschreven", "le véhicule est immatriculé à votre nom"),
               ("de verkeersregels en de parkeerreglementering naleeft",
                "respectez le code de la route et la réglementation du stationnement")),
        topics=(("de politie over het wegverkeer", "la police de la circulation routière"),
                ("de inschrijving van voertuigen", "l'immatriculation des véhicules"),
                ("het openbaar vervoer", "les transports publics"), ("het rijbewijs", "le permis de conduire")),
        commons=(("Afstand woon-werk", "Distance domicile-travail"), ("Type voertuig", "Type de véhicule"),
                 ("Uitstoot van het voertuig", "Émissions du véhicule"), ("Traject van het vervoer", "Itinéraire du transport"),
                 ("Afmetingen van de lading", "Dimensions du chargement")),
    ),
    "fiscaliteit": dict(
        nl="fiscaliteit", fr="fiscalité", app="Fisc",
        purposes=(("De maatregel verlaagt de belastingdruk voor wie in aanmerking komt.",
                   "La mesure allège la charge fiscale des personnes qui y ont droit."),
                  ("Zo wil de overheid bepaalde uitgaven fiscaal aanmoedigen.",
                   "Les pouvoirs publics veulent ainsi encourager fiscalement certaines dépenses.")),
        conds=(("de uitgave vermeldt in uw belastingaangifte", "mentionnez la dépense dans votre déclaration fiscale"),
               ("een fiscaal attest van de ontvanger bezit", "disposez d'une attestation fiscale du bénéficiaire"),
               ("de akte binnen de wettelijke termijn laat registreren", "faites enregistrer l'acte dans le délai légal")),
        topics=(("de inkomstenbelastingen", "les impôts sur les revenus"),
                ("de registratierechten", "les droits d'enregistrement"),
                ("de onroerende voorheffing", "le précompte immobilier"),
                ("de gewestelijke belastingen", "les taxes régionales")),
        commons=(("Bedrag van de giften", "Montant des libéralités"), ("Aankoopprijs van het goed", "Prix d'achat du bien"),
                 ("Datum van de notariële akte", "Date de l'acte notarié"), ("Waarde van de schenking", "Valeur de la donation")),
    ),
    "gezin": dict(
        nl="gezin", fr="famille", app="Kido",
        purposes=(("De maatregel ondersteunt gezinnen in de opvoeding van hun kinderen.",
                   "La mesure soutient les familles dans l'éducation de leurs enfants."),
                  ("Zo wil de overheid de kosten van kinderen draaglijker maken.",
                   "Les pouvoirs publics veulent ainsi alléger le coût des enfants.")),
        conds=(("een kind opvoedt dat bij u gedomicilieerd is", "élevez un enfant domicilié chez vous"),
               ("gebruik maakt van een erkende opvang", "faites appel à un milieu d'accueil agréé"),
               ("de aanvraag indient binnen het jaar na de geboorte",
                "introduisez la demande dans l'année qui suit la naissance")),
        topics=(("de gezinsbijslagen", "les prestations familiales"), ("de kinderopvang", "l'accueil de l'enfance"),
                ("de adoptie", "l'adoption"), ("de pleegzorg", "l'accueil familial")),
        commons=(("Aantal kinderen in opvang", "Nombre d'enfants accueillis"), ("Opvangregeling", "Régime d'accueil"),
                 ("Datum van de adoptie", "Date de l'adoption"), ("Leeftijd van het kind", "Âge de l'enfant")),
    ),
    "onderwijs": dict(
        nl="onderwijs", fr="enseignement", app="Edu",
        purposes=(("De maatregel moet de toegang tot onderwijs verbreden.", "La mesure vise à élargir l'accès à l'enseignement."),
                  ("Zo wil de overheid de studiekosten beperken.",
                   "Les pouvoirs publics veulent ainsi limiter le coût des études.")),
        conds=(("ingeschreven bent in een erkende onderwijsinstelling",
                "êtes inscrit dans un établissement d'enseignement reconnu"),
               ("regelmatig de lessen volgt", "suivez régulièrement les cours"),
               ("voldoende studiepunten verwerft", "obtenez suffisamment de crédits")),
        topics=(("de studiefinanciering", "le financement des études"), ("het hoger onderwijs", "l'enseignement supérieur"),
                ("het leerlingenvervoer", "le transport scolaire"), ("de inschrijvingsgelden", "les droits d'inscription")),
        commons=(("Studierichting", "Orientation d'études"), ("Studiepunten", "Crédits d'études"),
                 ("Onderwijsniveau", "Niveau d'enseignement"), ("Afstand tot de school", "Distance jusqu'à l'école")),
    ),
    "cultuur": dict(
        nl="cultuur en sport", fr="culture et sport", app="Cult",
        purposes=(("De maatregel moet cultuur en sport voor iedereen toegankelijk maken.",
                   "La mesure vise à rendre la culture et le sport accessibles à tous."),
                  ("Zo wil de overheid het verenigingsleven versterken.",
                   "Les pouvoirs publics veulent ainsi renforcer la vie associative.")),
        conds=(("lid bent van een erkende vereniging", "êtes membre d'une association reconnue"),
               ("de activiteit openstaat voor het publiek", "l'activité est ouverte au public"),
               ("een begroting van het project voorlegt", "présentez un budget du projet")),
        topics=(("het cultuurbeleid", "la politique culturelle"), ("het jeugdwerkbeleid", "la politique de la jeunesse"),
                ("de sportfederaties", "les fédérations sportives")),
        commons=(("Omschrijving van het project", "Description du projet"), ("Aantal deelnemers", "Nombre de participants"),
                 ("Begroting van het project", "Budget du projet"),
                 ("Doelgroep van de activiteit", "Public cible de l'activité")),
    ),
    "gezondheid": dict(
        nl="gezondheid", fr="santé", app="Medi",
        purposes=(("De maatregel houdt de zorg betaalbaar.", "La mesure garde les soins abordables."),
                  ("Zo wil de overheid de toegang tot zorg garanderen.",
                   "Les pouvoirs publics veulent ainsi garantir l'accès aux soins.")),
        conds=(("aangesloten bent bij een ziekenfonds", "êtes affilié à une mutualité"),
               ("een voorschrift van een arts heeft", "disposez d'une prescription médicale"),
               ("de zorg krijgt van een erkende zorgverlener", "recevez les soins d'un prestataire agréé")),
        topics=(("de verplichte verzekering voor geneeskundige verzorging", "l'assurance obligatoire soins de santé"),
                ("de uitoefening van de gezondheidszorgberoepen", "l'exercice des professions des soins de santé"),
                ("de patiëntenrechten", "les droits du patient"), ("de thuiszorg", "les soins à domicile")),
        commons=(("Medische diagnose", "Diagnostic médical"), ("Voorgeschreven behandeling", "Traitement prescrit"),
                 ("Zorgbehoefte", "Besoin en soins"),
                 ("Erkenningsnummer van de zorgverlener", "Numéro d'agrément du prestataire")),
    ),
    "sociaal": dict(
        nl="sociale bescherming", fr="protection sociale", app="Soci",
        purposes=(("De maatregel beschermt mensen met een kwetsbare sociale positie.",
                   "La mesure protège les personnes en situation sociale fragile."),
                  ("Zo wil de overheid armoede voorkomen.", "Les pouvoirs publics veulent ainsi prévenir la pauvreté.")),
        conds=(("uw inkomen onder het grensbedrag blijft", "vos revenus restent sous le plafond"),
               ("een sociaal onderzoek laat uitvoeren", "acceptez une enquête sociale"),
               ("werkelijk in België verblijft", "résidez effectivement en Belgique")),
        topics=(("de tegemoetkomingen aan personen met een handicap", "les allocations aux personnes handicapées"),
                ("het recht op maatschappelijke integratie", "le droit à l'intégration sociale"),
                ("de sociale maximumprijzen", "les prix maximaux sociaux"),
                ("de openbare centra voor maatschappelijk welzijn", "les centres publics d'action sociale")),
        commons=(("Bestaansmiddelen", "Moyens d'existence"), ("Schuldenlast", "Niveau d'endettement"),
                 ("Woonkosten", "Coût du logement"), ("Sociale situatie", "Situation sociale")),
    ),
    "pensioen": dict(
        nl="pensioen", fr="pension", app="Pensio",
        purposes=(("De maatregel waarborgt een behoorlijk inkomen na de loopbaan.",
                   "La mesure garantit un revenu décent après la carrière."),),
        conds=(("de wettelijke pensioenleeftijd heeft bereikt", "avez atteint l'âge légal de la pension"),
               ("een loopbaan van minstens 30 jaar heeft", "avez une carrière d'au moins 30 ans"),
               ("geen beroepsactiviteit meer uitoefent", "n'exercez plus d'activité professionnelle")),
        topics=(("de rust- en overlevingspensioenen", "les pensions de retraite et de survie"),
                ("de inkomensgarantie voor ouderen", "la garantie de revenus aux personnes âgées"),
                ("het pensioenstelsel der zelfstandigen", "le régime de pension des indépendants")),
        commons=(("Loopbaanverloop", "Déroulement de carrière"), ("Gelijkgestelde periodes", "Périodes assimilées"),
                 ("Pensioenleeftijd", "Âge de la pension")),
    ),
    "burgerzaken": dict(
        nl="burgerzaken", fr="population et état civil", app="Civi",
        purposes=(("De dienst zorgt voor correcte gegevens in de bevolkingsregisters.",
                   "Le service garantit des données correctes dans les registres de la population."),
                  ("Zo kan iedereen zijn rechten als inwoner uitoefenen.", "Chacun peut ainsi exercer ses droits d'habitant.")),
        conds=(("ingeschreven bent in de bevolkingsregisters", "êtes inscrit aux registres de la population"),
               ("persoonlijk langskomt aan het loket", "vous présentez en personne au guichet"),
               ("een geldig identiteitsdocument voorlegt", "présentez un document d'identité valable")),
        topics=(("de bevolkingsregisters", "les registres de la population"), ("de identiteitskaarten", "les cartes d'identité"),
                ("de burgerlijke stand", "l'état civil"), ("de lokale besturen", "les pouvoirs locaux")),
        commons=(("Reden van de aanvraag", "Motif de la demande"), ("Taalkeuze", "Choix de la langue"),
                 ("Datum van de akte van burgerlijke stand", "Date de l'acte d'état civil")),
    ),
    "justitie": dict(
        nl="justitie", fr="justice", app="Justi",
        purposes=(("De dienst draagt bij tot de openbare veiligheid.", "Le service contribue à la sécurité publique."),
                  ("Zo blijft de toegang tot het recht gewaarborgd.", "L'accès au droit reste ainsi garanti.")),
        conds=(("meerderjarig bent", "êtes majeur"), ("een geldige reden kunt aantonen", "pouvez justifier d'un motif légitime"),
               ("niet veroordeeld bent voor bepaalde misdrijven", "n'avez pas été condamné pour certaines infractions")),
        topics=(("het strafregister", "le casier judiciaire"), ("de wapens", "les armes"),
                ("de juridische tweedelijnsbijstand", "l'aide juridique de deuxième ligne")),
        commons=(("Reden van de wapenaanvraag", "Motif de la demande d'arme"),
                 ("Slagen voor de praktische proef", "Réussite de l'épreuve pratique"),
                 ("Aard van het geschil", "Nature du litige")),
    ),
    "gegevensdeling": dict(
        nl="gegevensdeling", fr="partage de données", app="Data",
        purposes=(), conds=(), commons=(),
        topics=(("de elektronische gegevensuitwisseling tussen overheidsdiensten",
                 "l'échange électronique de données entre services publics"),
                ("de bescherming van natuurlijke personen bij de verwerking van persoonsgegevens",
                 "la protection des personnes physiques à l'égard des traitements de données à caractère personnel"),
                ("het elektronisch bestuurlijk gegevensverkeer", "l'échange électronique de données administratives"),
                ("de oprichting en organisatie van een Kruispuntbank van de sociale zekerheid",
                 "l'institution et l'organisation d'une Banque-carrefour de la sécurité sociale"),
                ("het eenmalig opvragen van gegevens", "la collecte unique des données")),
    ),
}

SCOPE_DOMAINS = {
    "national": ("burgerzaken", "justitie", "fiscaliteit", "werk", "sociaal", "gezondheid", "pensioen", "ondernemen",
                 "mobiliteit", "gezin", "onderwijs", "cultuur"),
    "regional": ("wonen", "energie", "milieu", "landbouw", "werk", "ondernemen", "mobiliteit", "fiscaliteit"),
    "local": ("burgerzaken", "mobiliteit", "wonen", "ondernemen", "cultuur", "milieu", "fiscaliteit", "sociaal"),
}

#: Life and business events: key, nl, fr, domains, business?
EVENTS = (
    ("geboorte", "Geboorte van een kind", "Naissance d'un enfant", ("gezin",), False),
    ("verhuizen", "Verhuizen", "Déménager", ("wonen", "burgerzaken"), False),
    ("woning-kopen", "Een woning kopen of bouwen", "Acheter ou construire un logement", ("wonen", "fiscaliteit"), False),
    ("woning-renoveren", "Een woning renoveren", "Rénover un logement", ("wonen", "energie", "milieu"), False),
    ("huren", "Een woning huren", "Louer un logement", ("wonen", "sociaal"), False),
    ("studeren", "Studeren", "Faire des études", ("onderwijs",), False),
    ("werk-zoeken", "Werk zoeken", "Chercher un emploi", ("werk",), False),
    ("werk-verliezen", "Werk verliezen", "Perdre son emploi", ("werk", "sociaal"), False),
    ("ziek-worden", "Ziek worden", "Tomber malade", ("gezondheid",), False),
    ("handicap", "Leven met een handicap", "Vivre avec un handicap", ("gezondheid", "sociaal", "mobiliteit"), False),
    ("pensioen", "Met pensioen gaan", "Prendre sa retraite", ("pensioen",), False),
    ("overlijden", "Overlijden van een naaste", "Décès d'un proche", ("burgerzaken", "pensioen", "fiscaliteit"), False),
    ("huwelijk", "Trouwen of wettelijk samenwonen", "Se marier ou cohabiter légalement", ("burgerzaken",), False),
    ("voertuig", "Een voertuig kopen", "Acheter un véhicule", ("mobiliteit",), False),
    ("vrije-tijd", "Vrije tijd en sport", "Loisirs et sport", ("cultuur",), False),
    ("energie-besparen", "Energie besparen", "Économiser l'énergie", ("energie", "milieu"), False),
    ("belastingen", "Belastingen betalen", "Payer ses impôts", ("fiscaliteit",), False),
    ("kinderen-opvoeden", "Kinderen opvoeden", "Élever des enfants", ("gezin", "onderwijs"), False),
    ("justitie", "In contact komen met justitie", "Avoir affaire à la justice", ("justitie",), False),
    ("zich-vestigen", "Zich in België vestigen", "S'installer en Belgique", ("burgerzaken",), False),
    ("onderneming-starten", "Een onderneming starten", "Créer une entreprise", ("ondernemen",), True),
    ("personeel-aanwerven", "Personeel aanwerven", "Engager du personnel", ("werk",), True),
    ("investeren", "Investeren en innoveren", "Investir et innover", ("ondernemen", "energie", "landbouw"), True),
    ("exploitatie", "Een vestiging uitbaten", "Exploiter un établissement", ("ondernemen", "milieu", "mobiliteit", "wonen"),
     True),
    ("onderneming-stoppen", "Een onderneming stopzetten", "Cesser une activité", ("ondernemen",), True),
    ("landbouwbedrijf", "Een landbouwbedrijf runnen", "Gérer une exploitation agricole", ("landbouw",), True),
    ("bedrijfsfiscaliteit", "Belastingen van de onderneming", "Fiscalité de l'entreprise", ("fiscaliteit",), True),
    ("evenement", "Een evenement organiseren", "Organiser un événement", ("cultuur", "burgerzaken"), True),
    ("zorgaanbod", "Een zorgvoorziening uitbaten", "Exploiter une structure de soins",
     ("gezondheid", "gezin", "sociaal", "onderwijs"), True),
)

#: Activities of process steps.
ACTIVITIES = (
    ("ontvangst", "Ontvangst van de aanvraag", "Réception de la demande"),
    ("identiteitscontrole", "Identiteitscontrole", "Contrôle d'identité"),
    ("volledigheidscontrole", "Volledigheidscontrole", "Contrôle de complétude"),
    ("gegevensraadpleging", "Raadpleging van authentieke bronnen", "Consultation des sources authentiques"),
    ("gegevensuitwisseling", "Gegevensuitwisseling via de dienstenintegrator",
     "Échange de données via l'intégrateur de services"),
    ("inkomenscontrole", "Inkomenscontrole", "Contrôle des revenus"),
    ("voorwaardencontrole", "Controle van de voorwaarden", "Vérification des conditions"),
    ("plaatsbezoek", "Plaatsbezoek", "Visite sur place"),
    ("medisch-onderzoek", "Medisch onderzoek", "Examen médical"),
    ("advies", "Adviesaanvraag", "Demande d'avis"),
    ("beslissing", "Beslissing", "Décision"),
    ("kennisgeving", "Kennisgeving", "Notification"),
    ("betaling", "Betaling", "Paiement"),
    ("aflevering", "Aflevering van het document", "Délivrance du document"),
    ("registratie", "Registratie", "Enregistrement"),
    ("archivering", "Archivering", "Archivage"),
)

OUTPUT_TYPES = (
    ("beslissing", "Beslissing", "Décision"),
    ("betaling", "Betaling", "Paiement"),
    ("vergunning", "Vergunning", "Autorisation"),
    ("attest", "Attest", "Attestation"),
    ("ontvangstbewijs", "Ontvangstbewijs", "Accusé de réception"),
    ("informatie", "Informatie", "Information"),
)

#: Documents applicants bring that no authority produces as an output (background evidence types).
APPLICANT_DOCS = (
    ("factuur", "Factuur", "Facture"), ("offerte", "Offerte", "Devis"), ("foto", "Foto's", "Photos"),
    ("erewoord", "Verklaring op erewoord", "Déclaration sur l'honneur"), ("bouwplan", "Bouwplan", "Plan de construction"),
    ("medisch-attest", "Medisch attest van de behandelend arts", "Certificat médical du médecin traitant"),
    ("huurcontract", "Huurcontract", "Contrat de bail"), ("bankafschrift", "Bankafschrift", "Extrait de compte"),
    ("motivatiebrief", "Motivatiebrief", "Lettre de motivation"), ("businessplan", "Businessplan", "Plan d'affaires"),
    ("programma", "Programma van de activiteit", "Programme de l'activité"),
    ("technische-fiche", "Technische fiche", "Fiche technique"),
    ("keuringsverslag", "Keuringsverslag", "Rapport de contrôle"), ("volmacht", "Volmacht", "Procuration"),
    ("situatieschets", "Situatieschets", "Croquis de situation"), ("begroting", "Begroting", "Budget prévisionnel"),
)

#: Facts a single service collects (its own concepts, asked from the applicant), per service type.
OWN_FACTS = {
    "Entitlement": (("Beschrijving van het project", "Description du projet"),
                    ("Gedetailleerde kostenraming", "Estimation détaillée des coûts"),
                    ("Motivering van de aanvraag", "Motivation de la demande"),
                    ("Planning van de uitvoering", "Calendrier de mise en œuvre")),
    "Authorisation": (("Technische beschrijving van de activiteit", "Description technique de l'activité"),
                      ("Inplantingsplan", "Plan d'implantation"),
                      ("Veiligheidsmaatregelen", "Mesures de sécurité")),
    "Obligation": (("Gegevens van de aangifte", "Données de la déclaration"),
                   ("Datum van de gebeurtenis", "Date de l'événement")),
    "Certificate": (("Doel van het attest", "Finalité de l'attestation"),
                    ("Gewenste taal van het attest", "Langue souhaitée de l'attestation")),
    "Information": (("Vraag van de burger", "Question du citoyen"), ("Gewenst contactkanaal", "Canal de contact souhaité")),
}

#: Facts several services ask applicants for (planted duplicate-data-collection), no authentic source holds them.
SHARED_FACTS = (
    ("Rekeningnummer voor de uitbetaling", "Numéro de compte pour le paiement"), ("Huurprijs van de woning", "Loyer du logement"),
    ("Kostprijs van de uitgevoerde werken", "Coût des travaux réalisés"),
    ("Medisch verslag van de behandelend arts", "Rapport médical du médecin traitant"),
    ("Loonbrief van de laatste maand", "Fiche de paie du dernier mois"),
    ("Verklaring van de werkgever", "Déclaration de l'employeur"),
    ("Energieverbruik van het voorbije jaar", "Consommation d'énergie de l'année écoulée"),
    ("Plan van de werken", "Plan des travaux"),
    ("Foto's van de situatie voor de werken", "Photos de la situation avant travaux"),
    ("Akkoord van de eigenaar", "Accord du propriétaire"),
    ("Ondernemingsplan", "Plan d'entreprise"), ("Attest van de verzekeraar", "Attestation de l'assureur"),
    ("Bewijs van lidmaatschap", "Preuve d'affiliation"), ("Programma van het evenement", "Programme de l'événement"),
    ("Reisweg tussen woning en werk", "Trajet entre domicile et travail"), ("Uurrooster van de opvang", "Horaire de l'accueil"),
)

#: Notions defined differently by several regulations (planted concept-harmonisation):
#: label variants (nl, fr) and three definitions (nl, fr).
NOTIONS = (
    ((("Kind ten laste", "Enfant à charge"), ("Ten laste zijnd kind", "Enfant bénéficiaire")),
     (("kind dat deel uitmaakt van het gezin en waarvan de eigen netto bestaansmiddelen 3.820 euro per jaar niet overschrijden",
       "enfant qui fait partie du ménage et dont les ressources nettes ne dépassent pas 3.820 euros par an"),
      ("kind jonger dan 25 jaar dat bij de aanvrager gedomicilieerd is en voor wie gezinsbijslag wordt ontvangen",
       "enfant de moins de 25 ans domicilié chez le demandeur et pour lequel des allocations familiales sont perçues"),
      ("kind dat minstens de helft van de tijd bij de aanvrager verblijft in het kader van een gelijkmatig verdeelde huisvesting",
       "enfant qui réside au moins la moitié du temps chez le demandeur dans le cadre d'un hébergement égalitaire"))),
    ((("Samenwonende", "Cohabitant"), ("Samenwonende persoon", "Personne cohabitante")),
     (("persoon die met een of meer anderen onder hetzelfde dak leeft en de huishoudelijke zaken gemeenschappelijk regelt",
       "personne qui vit sous le même toit qu'une ou plusieurs autres et règle en commun les questions ménagères"),
      ("persoon die een verklaring van wettelijke samenwoning heeft afgelegd",
       "personne qui a fait une déclaration de cohabitation légale"),
      ("persoon die op hetzelfde adres in het bevolkingsregister is ingeschreven als de aanvrager",
       "personne inscrite à la même adresse que le demandeur au registre de la population"))),
    ((("Alleenstaande", "Isolé"), ("Alleenwonende", "Personne vivant seule")),
     (("persoon die alleen woont en geen huishouden vormt met een andere meerderjarige",
       "personne qui vit seule et ne forme pas de ménage avec un autre majeur"),
      ("persoon die niet gehuwd is en niet wettelijk samenwoont", "personne qui n'est ni mariée ni cohabitante légale"),
      ("persoon die als enige volwassene op het adres is ingeschreven, ongeacht de kinderen",
       "personne inscrite comme seul adulte à l'adresse, quels que soient les enfants"))),
    ((("Gezinshoofd", "Chef de ménage"), ("Referentiepersoon van het gezin", "Personne de référence du ménage")),
     (("persoon die het grootste inkomen van het gezin verwerft", "personne qui perçoit le revenu le plus élevé du ménage"),
      ("persoon die in het bevolkingsregister als referentiepersoon van het gezin is vermeld",
       "personne mentionnée au registre de la population comme personne de référence du ménage"),
      ("persoon die de huurovereenkomst van de gezinswoning heeft ondertekend",
       "personne qui a signé le bail du logement familial"))),
    ((("Bescheiden inkomen", "Revenus modestes"), ("Laag gezinsinkomen", "Faibles revenus du ménage")),
     (("gezamenlijk belastbaar inkomen van het gezin dat 35.000 euro niet overschrijdt",
       "revenu imposable globalement du ménage qui ne dépasse pas 35.000 euros"),
      ("inkomen dat lager is dan het grensbedrag voor de verhoogde tegemoetkoming",
       "revenu inférieur au plafond de l'intervention majorée"),
      ("netto maandinkomen van het gezin onder 2.300 euro, verhoogd per persoon ten laste",
       "revenu mensuel net du ménage inférieur à 2.300 euros, majoré par personne à charge"))),
    ((("Student", "Étudiant"), ("Studerende", "Personne aux études")),
     (("persoon die ingeschreven is voor minstens 27 studiepunten in een erkende instelling",
       "personne inscrite pour au moins 27 crédits dans un établissement reconnu"),
      ("persoon jonger dan 25 jaar die voltijds onderwijs volgt",
       "personne de moins de 25 ans qui suit un enseignement à temps plein"),
      ("persoon die een studentenovereenkomst heeft en lessen volgt", "personne qui a un contrat d'étudiant et suit des cours"))),
    ((("Mantelzorger", "Aidant proche"), ("Mantelzorgverlener", "Aidant familial")),
     (("persoon die op niet-professionele wijze zorg verleent aan een zorgbehoevende naaste",
       "personne qui apporte une aide non professionnelle à un proche dépendant"),
      ("persoon die erkend is door het ziekenfonds na een verklaring op erewoord van de geholpen persoon",
       "personne reconnue par la mutualité après déclaration sur l'honneur de la personne aidée"),
      ("persoon die minstens 50 uur per maand zorg verleent aan een persoon met een handicap",
       "personne qui apporte au moins 50 heures d'aide par mois à une personne handicapée"))),
    ((("Jongere", "Jeune"), ("Jonge persoon", "Jeune personne")),
     (("persoon die de leeftijd van 26 jaar nog niet heeft bereikt", "personne qui n'a pas encore atteint l'âge de 26 ans"),
      ("persoon tussen 18 en 30 jaar", "personne âgée de 18 à 30 ans"),
      ("persoon die nog niet de leeftijd van 25 jaar heeft bereikt op 1 januari van het jaar",
       "personne qui n'a pas atteint 25 ans au 1er janvier de l'année"))),
    ((("Eigen woning", "Habitation propre"), ("Eigen gezinswoning", "Habitation familiale propre")),
     (("woning die de belastingplichtige als eigenaar zelf betrekt",
       "habitation que le contribuable occupe lui-même en tant que propriétaire"),
      ("woning waarin de aanvrager zijn hoofdverblijfplaats heeft, ongeacht het zakelijk recht",
       "logement où le demandeur a sa résidence principale, quel que soit le droit réel"),
      ("enige woning waarvan de aanvrager voor minstens de helft eigenaar is",
       "unique logement dont le demandeur est propriétaire pour au moins la moitié"))),
    ((("Bescheiden woning", "Habitation modeste"), ("Kleine woning", "Petit logement")),
     (("woning waarvan het kadastraal inkomen 745 euro niet overschrijdt",
       "habitation dont le revenu cadastral ne dépasse pas 745 euros"),
      ("woning met een bewoonbare oppervlakte van maximaal 110 vierkante meter",
       "logement d'une superficie habitable de 110 mètres carrés au maximum"),
      ("woning waarvan de aankoopprijs onder het gewestelijke plafond blijft",
       "logement dont le prix d'achat reste sous le plafond régional"))),
    ((("Nieuwkomer", "Primo-arrivant"), ("Pas aangekomen inwoner", "Nouvel arrivant")),
     (("meerderjarige vreemdeling die sinds minder dan drie jaar legaal in het land verblijft",
       "étranger majeur qui séjourne légalement dans le pays depuis moins de trois ans"),
      ("persoon die voor het eerst in een gemeente van het gewest is ingeschreven",
       "personne inscrite pour la première fois dans une commune de la région"),
      ("persoon met een verblijfsrecht van meer dan drie maanden die een inburgeringstraject volgt",
       "personne titulaire d'un droit de séjour de plus de trois mois qui suit un parcours d'intégration"))),
    ((("Kmo", "PME"), ("Kleine of middelgrote onderneming", "Petite ou moyenne entreprise")),
     (("onderneming met minder dan 250 werknemers en een jaaromzet van maximaal 50 miljoen euro",
       "entreprise de moins de 250 travailleurs et d'un chiffre d'affaires annuel de 50 millions d'euros au maximum"),
      ("vennootschap die niet meer dan één van de drempels van het Wetboek van vennootschappen overschrijdt",
       "société qui ne dépasse pas plus d'un des seuils du Code des sociétés"),
      ("onderneming met minder dan 50 werknemers", "entreprise de moins de 50 travailleurs"))),
    ((("Starter", "Starter"), ("Startende onderneming", "Entreprise débutante")),
     (("onderneming die sinds minder dan vier jaar is ingeschreven in de Kruispuntbank van Ondernemingen",
       "entreprise inscrite depuis moins de quatre ans à la Banque-Carrefour des Entreprises"),
      ("natuurlijke persoon die voor het eerst een zelfstandige activiteit in hoofdberoep begint",
       "personne physique qui commence pour la première fois une activité indépendante à titre principal"),
      ("vennootschap die haar eerste boekjaar nog niet heeft afgesloten",
       "société qui n'a pas encore clôturé son premier exercice"))),
    ((("Landbouwer in hoofdberoep", "Agriculteur à titre principal"), ("Beroepslandbouwer", "Agriculteur professionnel")),
     (("landbouwer die minstens de helft van zijn arbeidstijd aan het landbouwbedrijf besteedt",
       "agriculteur qui consacre au moins la moitié de son temps de travail à l'exploitation"),
      ("landbouwer die minstens 35 procent van zijn inkomen uit landbouw haalt",
       "agriculteur qui tire au moins 35 pour cent de son revenu de l'agriculture"),
      ("landbouwer die aangesloten is als zelfstandige in hoofdberoep",
       "agriculteur affilié comme indépendant à titre principal"))),
    ((("Dakloze", "Sans-abri"), ("Persoon zonder woning", "Personne sans logement")),
     (("persoon die geen eigen woonst heeft en in een opvangcentrum verblijft",
       "personne qui ne dispose pas de logement propre et séjourne dans un centre d'accueil"),
      ("persoon die een referentieadres bij het OCMW heeft", "personne qui a une adresse de référence au CPAS"),
      ("persoon die sinds minstens drie maanden op straat leeft", "personne qui vit en rue depuis au moins trois mois"))),
    ((("Pleegouder", "Parent d'accueil"), ("Pleeggezin", "Famille d'accueil")),
     (("persoon bij wie een kind geplaatst is door de jeugdrechter",
       "personne chez qui un enfant est placé par le juge de la jeunesse"),
      ("persoon die erkend is door een dienst voor pleegzorg", "personne reconnue par un service d'accueil familial"),
      ("persoon die een kind opvangt dat niet van hem afstamt en dat bij hem gedomicilieerd is",
       "personne qui accueille un enfant qui n'est pas le sien et qui est domicilié chez elle"))),
    ((("Energiearm gezin", "Ménage en précarité énergétique"),
      ("Gezin in energiearmoede", "Ménage précarisé sur le plan énergétique")),
     (("gezin dat meer dan 10 procent van zijn inkomen aan energie besteedt",
       "ménage qui consacre plus de 10 pour cent de ses revenus à l'énergie"),
      ("gezin dat een budgetmeter heeft", "ménage équipé d'un compteur à budget"),
      ("gezin dat recht heeft op het sociaal tarief voor energie", "ménage qui bénéficie du tarif social pour l'énergie"))),
    ((("Ingrijpende energetische renovatie", "Rénovation énergétique lourde"),
      ("Diepgaande energierenovatie", "Rénovation énergétique profonde")),
     (("renovatie waarbij de installaties worden vervangen en minstens 75 procent van de buitenschil wordt geïsoleerd",
       "rénovation qui remplace les installations et isole au moins 75 pour cent de l'enveloppe"),
      ("renovatie waardoor de woning binnen vijf jaar energielabel C haalt",
       "rénovation par laquelle le logement atteint le label énergétique C dans les cinq ans"),
      ("renovatie waarvan de kostprijs 30.000 euro overschrijdt", "rénovation dont le coût dépasse 30.000 euros"))),
)

#: Notions two regulations define with the same words (hard negatives for concept-harmonisation).
SAME_DEFINITION_NOTIONS = (
    (("Meerderjarige", "Majeur"),
     ("natuurlijke persoon die de volle leeftijd van achttien jaar heeft bereikt",
      "personne physique qui a atteint l'âge de dix-huit ans accomplis")),
    (("Minderjarige", "Mineur"),
     ("natuurlijke persoon die de volle leeftijd van achttien jaar nog niet heeft bereikt",
      "personne physique qui n'a pas encore atteint l'âge de dix-huit ans accomplis")),
    (("Werkdag", "Jour ouvrable"),
     ("elke dag behalve zaterdag, zondag en wettelijke feestdagen",
      "tout jour à l'exception du samedi, du dimanche et des jours fériés légaux")),
    (("Kalenderjaar", "Année civile"), ("periode van 1 januari tot en met 31 december", "période du 1er janvier au 31 décembre")),
)

#: Pairs of notions with alike labels that differ (hard negatives for concept-harmonisation).
LOOKALIKE_NOTIONS = (
    ((("Zelfstandige in hoofdberoep", "Indépendant à titre principal"),
      ("zelfstandige wiens beroepsactiviteit zijn voornaamste activiteit is",
       "indépendant dont l'activité professionnelle est l'activité principale")),
     (("Zelfstandige in bijberoep", "Indépendant à titre complémentaire"),
      ("zelfstandige die daarnaast een hoofdactiviteit als werknemer of ambtenaar uitoefent",
       "indépendant qui exerce en outre une activité principale de salarié ou de fonctionnaire"))),
    ((("Beroepsinkomen", "Revenus professionnels"),
      ("inkomen uit arbeid als werknemer, zelfstandige of bedrijfsleider",
       "revenus du travail comme salarié, indépendant ou dirigeant d'entreprise")),
     (("Vervangingsinkomen", "Revenu de remplacement"),
      ("uitkering die een beroepsinkomen vervangt, zoals een pensioen of werkloosheidsuitkering",
       "allocation qui remplace un revenu professionnel, comme une pension ou une allocation de chômage"))),
    ((("Eigenaar-bewoner", "Propriétaire occupant"),
      ("eigenaar die de woning zelf als hoofdverblijfplaats betrekt",
       "propriétaire qui occupe le logement comme résidence principale")),
     (("Eigenaar-verhuurder", "Propriétaire bailleur"),
      ("eigenaar die de woning verhuurt aan een derde", "propriétaire qui donne le logement en location à un tiers"))),
    ((("Volledige werkloosheid", "Chômage complet"),
      ("toestand van een werknemer wiens arbeidsovereenkomst is beëindigd",
       "situation du travailleur dont le contrat de travail a pris fin")),
     (("Tijdelijke werkloosheid", "Chômage temporaire"),
      ("toestand van een werknemer wiens arbeidsovereenkomst tijdelijk geschorst is",
       "situation du travailleur dont le contrat de travail est temporairement suspendu"))),
)

#: Authentic sources: key, nl, fr, publisher roles (first present wins), integrator role, authoritative, concepts.
#: Concepts: key, nl, fr, flag (None: inherit the source's), document (nl, fr), definition (nl, fr).
SOURCES = (
    ("rijksregister", "Rijksregister van de natuurlijke personen", "Registre national des personnes physiques",
     ("fod-biza",), "ksz", True, (
        ("domicilieadres", "Domicilieadres", "Adresse du domicile", None, ("Bewijs van woonst", "Preuve de résidence"),
         ("adres waar de persoon in het bevolkingsregister is ingeschreven als hoofdverblijfplaats",
          "adresse à laquelle la personne est inscrite au registre de la population comme résidence principale")),
        ("gezinssamenstelling", "Gezinssamenstelling", "Composition de ménage", True,
         ("Attest van gezinssamenstelling (papier)", "Certificat de composition de ménage (papier)"),
         ("de personen die op hetzelfde adres als één huishouden zijn ingeschreven",
          "les personnes inscrites à la même adresse comme un seul ménage")),
        ("burgerlijke-staat", "Burgerlijke staat", "État civil", None,
         ("Uittreksel uit een akte van burgerlijke stand", "Extrait d'un acte d'état civil"),
         ("de juridische toestand van een persoon ten aanzien van huwelijk en samenwoning",
          "la situation juridique d'une personne quant au mariage et à la cohabitation")),
        ("nationaliteit", "Nationaliteit", "Nationalité", None,
         ("Nationaliteitsbewijs (papier)", "Certificat de nationalité (papier)"),
         ("de staat waarvan de persoon onderdaan is", "l'État dont la personne est ressortissante")),
        ("geboortedatum", "Geboortedatum", "Date de naissance", None,
         ("Kopie van de identiteitskaart", "Copie de la carte d'identité"),
         ("de datum waarop de persoon geboren is", "la date à laquelle la personne est née")),
        ("overlijdensdatum", "Datum van overlijden", "Date de décès", True, ("Akte van overlijden", "Acte de décès"),
         ("de datum waarop de persoon overleden is", "la date à laquelle la personne est décédée")),
    )),
    ("fiscale-inkomsten", "Databank inkomstenbelasting", "Base de données de l'impôt sur les revenus", ("fod-fin",), "ksz",
     True, (
        ("belastbaar-inkomen", "Belastbaar inkomen", "Revenu imposable", None,
         ("Aanslagbiljet personenbelasting", "Avertissement-extrait de rôle"),
         ("het inkomen waarop de personenbelasting wordt berekend",
          "le revenu sur lequel l'impôt des personnes physiques est calculé")),
        ("gezamenlijk-belastbaar-inkomen", "Gezamenlijk belastbaar inkomen", "Revenu imposable globalement", True,
         ("Kopie van het aanslagbiljet", "Copie de l'avertissement-extrait de rôle"),
         ("de som van de belastbare inkomsten van de partners", "la somme des revenus imposables des partenaires")),
        ("onroerend-inkomen", "Inkomen uit onroerende goederen", "Revenus immobiliers", None,
         ("Huurinkomstenoverzicht", "Relevé des revenus locatifs"),
         ("het belastbaar inkomen uit verhuurde of zelf bewoonde onroerende goederen",
          "le revenu imposable des biens immobiliers loués ou occupés")),
        ("geraamde-belasting", "Geraamde belasting", "Impôt estimé", False,
         ("Voorlopige belastingberekening", "Calcul provisoire de l'impôt"),
         ("de raming van de belasting vóór de definitieve aanslag", "l'estimation de l'impôt avant l'enrôlement définitif")),
    )),
    ("kadaster", "Kadastrale legger", "Matrice cadastrale", ("aapd", "fod-fin"), "ksz", True, (
        ("kadastraal-inkomen", "Kadastraal inkomen", "Revenu cadastral", None, ("Kadastraal uittreksel", "Extrait cadastral"),
         ("het forfaitair geraamde jaarlijkse netto huurinkomen van een onroerend goed",
          "le revenu locatif net annuel estimé forfaitairement d'un bien immobilier")),
        ("eigendom-onroerend-goed", "Eigendom van onroerende goederen", "Propriété de biens immobiliers", None,
         ("Eigendomsakte", "Acte de propriété"),
         ("de zakelijke rechten van een persoon op onroerende goederen",
          "les droits réels d'une personne sur des biens immobiliers")),
        ("kadastraal-perceel", "Kadastraal perceel", "Parcelle cadastrale", None, ("Kadastraal plan", "Plan cadastral"),
         ("een stuk grond zoals het in de kadastrale legger is opgenomen",
          "une parcelle telle qu'elle figure dans la matrice cadastrale")),
    )),
    ("handicapdatabank", "Databank personen met een handicap", "Banque de données des personnes handicapées",
     ("dg-han", "fod-sz"), "ksz", True, (
        ("erkenning-handicap", "Erkenning van de handicap", "Reconnaissance du handicap", None,
         ("Attest van erkenning van de handicap (papier)", "Attestation de reconnaissance du handicap (papier)"),
         ("de medische erkenning van een vermindering van zelfredzaamheid of verdienvermogen",
          "la reconnaissance médicale d'une réduction d'autonomie ou de capacité de gain")),
        ("graad-zelfredzaamheid", "Graad van zelfredzaamheid", "Degré d'autonomie", True,
         ("Medisch verslag over de zelfredzaamheid", "Rapport médical sur l'autonomie"),
         ("de punten toegekend op de schaal van zelfredzaamheid", "les points attribués sur l'échelle d'autonomie")),
        ("integratietegemoetkoming", "Recht op integratietegemoetkoming", "Droit à l'allocation d'intégration", None,
         ("Attest integratietegemoetkoming", "Attestation d'allocation d'intégration"),
         ("het recht op een tegemoetkoming voor de bijkomende kosten van een handicap",
          "le droit à une allocation pour les frais supplémentaires liés au handicap")),
    )),
    ("dimona", "Personeelsbestand (Dimona)", "Répertoire du personnel (Dimona)", ("rsz",), "ksz", True, (
        ("tewerkstelling", "Tewerkstelling als werknemer", "Occupation comme travailleur salarié", None,
         ("Kopie van de arbeidsovereenkomst", "Copie du contrat de travail"),
         ("het bestaan van een arbeidsrelatie met een werkgever", "l'existence d'une relation de travail avec un employeur")),
        ("werkgever", "Werkgever van de werknemer", "Employeur du travailleur", None,
         ("Werkgeversattest", "Attestation de l'employeur"),
         ("de onderneming of instelling die de werknemer tewerkstelt",
          "l'entreprise ou l'institution qui occupe le travailleur")),
    )),
    ("werkloosheid", "Databank werkloosheidsuitkeringen", "Banque de données des allocations de chômage", ("rva", "fod-sz"),
     "ksz", True, (
        ("werkloosheidsuitkering", "Recht op werkloosheidsuitkering", "Droit aux allocations de chômage", None,
         ("Attest van werkloosheid (papier)", "Attestation de chômage (papier)"),
         ("het recht op een uitkering na het verlies van een betrekking",
          "le droit à une allocation après la perte d'un emploi")),
        ("loopbaanonderbreking", "Onderbreking van de loopbaan", "Interruption de carrière", None,
         ("Attest loopbaanonderbreking", "Attestation d'interruption de carrière"),
         ("een toegekende volledige of gedeeltelijke onderbreking van de loopbaan",
          "une interruption de carrière complète ou partielle octroyée")),
    )),
    ("pensioenkadaster", "Pensioenkadaster", "Cadastre des pensions", ("fpd", "fod-sz"), "ksz", True, (
        ("pensioenbedrag", "Bedrag van het pensioen", "Montant de la pension", None,
         ("Pensioenattest (papier)", "Attestation de pension (papier)"),
         ("het maandelijkse brutobedrag van de wettelijke pensioenen", "le montant mensuel brut des pensions légales")),
        ("statuut-gepensioneerde", "Statuut van gepensioneerde", "Statut de pensionné", None,
         ("Pensioenbeslissing", "Décision de pension"),
         ("het feit dat een persoon een wettelijk pensioen ontvangt", "le fait qu'une personne perçoit une pension légale")),
    )),
    ("verzekerbaarheid", "Databank verzekerbaarheid", "Banque de données de l'assurabilité", ("riziv", "fod-sz"), "ksz", True, (
        ("verhoogde-tegemoetkoming", "Recht op verhoogde tegemoetkoming", "Droit à l'intervention majorée", None,
         ("Attest van het ziekenfonds", "Attestation de la mutualité"),
         ("het recht op een hogere terugbetaling van geneeskundige verzorging",
          "le droit à un meilleur remboursement des soins de santé")),
        ("arbeidsongeschiktheid", "Erkende arbeidsongeschiktheid", "Incapacité de travail reconnue", None,
         ("Attest van arbeidsongeschiktheid", "Attestation d'incapacité de travail"),
         ("de door de adviserend arts erkende ongeschiktheid om te werken",
          "l'incapacité de travailler reconnue par le médecin-conseil")),
        ("chronische-aandoening", "Statuut chronische aandoening", "Statut affection chronique", None,
         ("Attest chronische aandoening", "Attestation d'affection chronique"),
         ("het statuut van een persoon met hoge medische kosten door een langdurige ziekte",
          "le statut d'une personne ayant des frais médicaux élevés dus à une longue maladie")),
    )),
    ("kbo", "Kruispuntbank van Ondernemingen", "Banque-Carrefour des Entreprises", ("fod-eco",), "ksz", True, (
        ("inschrijving-onderneming", "Inschrijving van de onderneming", "Inscription de l'entreprise", None,
         ("Uittreksel uit de KBO (papier)", "Extrait de la BCE (papier)"),
         ("de inschrijving van een onderneming met haar ondernemingsnummer",
          "l'inscription d'une entreprise avec son numéro d'entreprise")),
        ("nace-activiteit", "Economische activiteit (NACE)", "Activité économique (NACE)", None,
         ("Verklaring van activiteiten", "Déclaration d'activités"),
         ("de activiteiten van de onderneming volgens de NACE-nomenclatuur",
          "les activités de l'entreprise selon la nomenclature NACE")),
        ("rechtsvorm", "Rechtsvorm", "Forme juridique", None, ("Statuten van de vennootschap", "Statuts de la société"),
         ("de juridische vorm van de onderneming", "la forme juridique de l'entreprise")),
        ("vestigingseenheid", "Vestigingseenheid", "Unité d'établissement", None,
         ("Bewijs van vestiging", "Preuve d'établissement"),
         ("een plaats waar de onderneming een activiteit uitoefent", "un lieu où l'entreprise exerce une activité")),
    )),
    ("zelfstandigen", "Repertorium van de zelfstandigen", "Répertoire des travailleurs indépendants", ("rsvz", "fod-sz"),
     "ksz", True, (
        ("aansluiting-zelfstandige", "Aansluiting als zelfstandige", "Affiliation comme travailleur indépendant", None,
         ("Attest van aansluiting bij een sociaal verzekeringsfonds",
          "Attestation d'affiliation à une caisse d'assurances sociales"),
         ("de aansluiting van een zelfstandige bij het sociaal statuut", "l'affiliation d'un indépendant au statut social")),
    )),
    ("voertuigen", "Repertorium van de voertuigen", "Répertoire des véhicules", ("fod-mob",), None, True, (
        ("inschrijving-voertuig", "Inschrijving van het voertuig", "Immatriculation du véhicule", None,
         ("Inschrijvingsbewijs van het voertuig", "Certificat d'immatriculation"),
         ("de inschrijving van een voertuig op naam van een titularis", "l'immatriculation d'un véhicule au nom d'un titulaire")),
        ("rijbewijs", "Rijbewijs en categorieën", "Permis de conduire et catégories", None,
         ("Kopie van het rijbewijs", "Copie du permis de conduire"),
         ("de geldige categorieën van het rijbewijs van een persoon",
          "les catégories valables du permis de conduire d'une personne")),
    )),
    ("strafregister", "Centraal strafregister", "Casier judiciaire central", ("fod-just",), None, True, (
        ("veroordelingen", "Strafrechtelijke veroordelingen", "Condamnations pénales", None,
         ("Uittreksel uit het strafregister (papier)", "Extrait de casier judiciaire (papier)"),
         ("de veroordelingen die in het strafregister zijn opgenomen", "les condamnations inscrites au casier judiciaire")),
    )),
    ("epc-databank", "Energieprestatiedatabank", "Base de données de la performance énergétique", ("veka", "spw-tlpe"), "dv",
     True, (
        ("epc-score", "Energieprestatiescore van de woning", "Score de performance énergétique du logement", None,
         ("Energieprestatiecertificaat (papier)", "Certificat de performance énergétique (papier)"),
         ("het berekende primaire energieverbruik per vierkante meter",
          "la consommation d'énergie primaire calculée par mètre carré")),
        ("hernieuwbare-installatie", "Geregistreerde installatie voor hernieuwbare energie",
         "Installation d'énergie renouvelable enregistrée", None,
         ("Keuringsverslag van de installatie", "Rapport de contrôle de l'installation"),
         ("een installatie voor hernieuwbare energie die bij de netbeheerder is geregistreerd",
          "une installation d'énergie renouvelable enregistrée auprès du gestionnaire de réseau")),
    )),
    ("woningregister", "Register van de woningkwaliteit", "Registre de la qualité des logements",
     ("wonen-vl", "spw-tlpe", "veka"), "dv", True, (
        ("conformiteit-woning", "Conformiteit van de woning", "Conformité du logement", None,
         ("Conformiteitsattest (papier)", "Attestation de conformité (papier)"),
         ("het feit dat een woning aan de kwaliteitsnormen voldoet", "le fait qu'un logement répond aux normes de qualité")),
        ("sociale-huurovereenkomst", "Sociale huurovereenkomst", "Contrat de bail social", None,
         ("Huurcontract sociale woning", "Contrat de bail d'un logement social"),
         ("een lopende huurovereenkomst met een sociale huisvestingsmaatschappij",
          "un bail en cours avec une société de logement social")),
    )),
    ("werkzoekenden", "Databank werkzoekenden", "Banque de données des demandeurs d'emploi", ("vdab", "forem", "actiris"),
     "dv", True, (
        ("inschrijving-werkzoekende", "Inschrijving als werkzoekende", "Inscription comme demandeur d'emploi", None,
         ("Inschrijvingsbewijs werkzoekende", "Preuve d'inscription comme demandeur d'emploi"),
         ("de inschrijving van een persoon bij de gewestelijke dienst voor arbeidsbemiddeling",
          "l'inscription d'une personne auprès du service régional de l'emploi")),
    )),
    ("leerlingen", "Databank leerlingen en studenten", "Banque de données des élèves et étudiants",
     ("onderwijs-vl", "fwb-onderwijs", "opgroeien"), "dv", True, (
        ("diplomas", "Behaalde diploma's", "Diplômes obtenus", None, ("Kopie van het diploma", "Copie du diplôme"),
         ("de diploma's en getuigschriften die een persoon heeft behaald",
          "les diplômes et certificats qu'une personne a obtenus")),
        ("studietoelage", "Toegekende studietoelage", "Allocation d'études octroyée", None,
         ("Beslissing studietoelage", "Décision d'allocation d'études"),
         ("een studietoelage die voor het lopende schooljaar is toegekend",
          "une allocation d'études octroyée pour l'année scolaire en cours")),
    )),
    ("gezinsbijslag", "Databank gezinsbijslagen", "Banque de données des prestations familiales", ("opgroeien", "one"),
     "ksz", True, (
        ("recht-gezinsbijslag", "Recht op gezinsbijslag", "Droit aux allocations familiales", None,
         ("Attest van gezinsbijslag (papier)", "Attestation d'allocations familiales (papier)"),
         ("het recht op gezinsbijslag voor een kind", "le droit aux allocations familiales pour un enfant")),
    )),
    ("integratie", "Databank maatschappelijke integratie", "Banque de données de l'intégration sociale", ("fod-sz",), "ksz",
     True, (
        ("leefloon", "Recht op leefloon", "Droit au revenu d'intégration", None, ("Attest van het OCMW", "Attestation du CPAS"),
         ("het recht op een leefloon toegekend door een OCMW", "le droit au revenu d'intégration octroyé par un CPAS")),
    )),
    ("landbouwers", "Landbouwersregister", "Registre des agriculteurs", ("landbouw-vl", "spw-arne"), "dv", True, (
        ("landbouwernummer", "Registratie als landbouwer", "Enregistrement comme agriculteur", None,
         ("Bewijs van registratie als landbouwer", "Preuve d'enregistrement comme agriculteur"),
         ("de registratie van een landbouwbedrijf bij de bevoegde administratie",
          "l'enregistrement d'une exploitation agricole auprès de l'administration compétente")),
        ("perceelsaangifte", "Aangegeven landbouwpercelen", "Parcelles agricoles déclarées", None,
         ("Kopie van de verzamelaanvraag", "Copie de la demande unique"),
         ("de percelen die een landbouwer in zijn verzamelaanvraag aangeeft",
          "les parcelles qu'un agriculteur déclare dans sa demande unique")),
    )),
    ("inkomenshistoriek", "Historiek van inkomensgegevens", "Historique des données de revenus", ("fod-fin",), None, False, (
        ("inkomen-referentiejaar", "Inkomen van het referentiejaar", "Revenus de l'année de référence", True,
         ("Aanslagbiljet van het referentiejaar", "Avertissement-extrait de rôle de l'année de référence"),
         ("het belastbaar inkomen van het derde jaar vóór de aanvraag",
          "le revenu imposable de la troisième année précédant la demande")),
        ("voorlopig-inkomen", "Voorlopig belastbaar inkomen", "Revenu imposable provisoire", None,
         ("Voorlopige inkomensverklaring", "Déclaration provisoire de revenus"),
         ("een raming van het belastbaar inkomen vóór de aanslag", "une estimation du revenu imposable avant l'enrôlement")),
    )),
)

#: Authorities the model draws from first: key, nl, fr, level, region, parent, domains, acronym (nl, fr).
CORE_AUTHORITIES = (
    ("fod-biza", "FOD Binnenlandse Zaken", "SPF Intérieur", "Federal", None, None, ("burgerzaken",), None),
    ("fod-fin", "FOD Financiën", "SPF Finances", "Federal", None, None, ("fiscaliteit",), None),
    ("veka", "Vlaams Energie- en Klimaatagentschap", "Agence flamande de l'Énergie et du Climat", "Regional", "vl", None,
     ("energie", "wonen"), ("VEKA", "VEKA")),
    ("fod-sz", "FOD Sociale Zekerheid", "SPF Sécurité sociale", "Federal", None, None, ("sociaal", "pensioen"), None),
    ("dg-han", "DG Personen met een handicap", "DG Personnes handicapées", "Federal", None, "fod-sz",
     ("sociaal", "gezondheid"), ("DG HAN", "DG HAN")),
    ("spw-tlpe", "Waalse Overheidsdienst Grondgebied, Huisvesting, Erfgoed en Energie",
     "SPW Territoire, Logement, Patrimoine, Énergie", "Regional", "wa", None, ("wonen", "energie"),
     ("SPW TLPE", "SPW TLPE")),
    ("opgroeien", "Agentschap Opgroeien", "Agence Grandir", "Community", "vl", None, ("gezin", "onderwijs"), None),
    ("rsz", "Rijksdienst voor Sociale Zekerheid", "Office national de sécurité sociale", "Federal", None, None, ("werk",),
     ("RSZ", "ONSS")),
    ("leefmilieu-brussel", "Leefmilieu Brussel", "Bruxelles Environnement", "Regional", "br", None, ("milieu", "energie"), None),
    ("aapd", "Algemene Administratie van de Patrimoniumdocumentatie",
     "Administration générale de la Documentation patrimoniale", "Federal", None, "fod-fin", ("fiscaliteit",),
     ("AAPD", "AGDP")),
    ("rva", "Rijksdienst voor Arbeidsvoorziening", "Office national de l'emploi", "Federal", None, None, ("werk",),
     ("RVA", "ONEM")),
    ("fpd", "Federale Pensioendienst", "Service fédéral des Pensions", "Federal", None, None, ("pensioen",), ("FPD", "SFP")),
    ("riziv", "Rijksinstituut voor Ziekte- en Invaliditeitsverzekering", "Institut national d'assurance maladie-invalidité",
     "Federal", None, None, ("gezondheid",), ("RIZIV", "INAMI")),
    ("fod-eco", "FOD Economie, K.M.O., Middenstand en Energie", "SPF Économie, P.M.E., Classes moyennes et Énergie",
     "Federal", None, None, ("ondernemen",), ("FOD Economie", "SPF Économie")),
    ("vdab", "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding",
     "Office flamand de l'emploi et de la formation professionnelle", "Regional", "vl", None, ("werk",), ("VDAB", "VDAB")),
    ("fod-mob", "FOD Mobiliteit en Vervoer", "SPF Mobilité et Transports", "Federal", None, None, ("mobiliteit",), None),
    ("fod-just", "FOD Justitie", "SPF Justice", "Federal", None, None, ("justitie",), None),
    ("forem", "Waalse Dienst voor Beroepsopleiding en Arbeidsbemiddeling", "Le Forem", "Regional", "wa", None, ("werk",),
     ("Forem", "Forem")),
    ("wonen-vl", "Wonen in Vlaanderen", "Logement en Flandre", "Regional", "vl", None, ("wonen",), None),
    ("actiris", "Brusselse Gewestelijke Dienst voor Arbeidsbemiddeling", "Office régional bruxellois de l'emploi",
     "Regional", "br", None, ("werk",), ("Actiris", "Actiris")),
    ("rsvz", "Rijksinstituut voor de Sociale Verzekeringen der Zelfstandigen",
     "Institut national d'assurances sociales pour travailleurs indépendants", "Federal", None, None, ("ondernemen",),
     ("RSVZ", "INASTI")),
    ("one", "Dienst voor Geboorte en Kinderen", "Office de la Naissance et de l'Enfance", "Community", "wa", None,
     ("gezin",), ("ONE", "ONE")),
    ("onderwijs-vl", "Departement Onderwijs en Vorming", "Département de l'Enseignement et de la Formation", "Community",
     "vl", None, ("onderwijs",), None),
    ("landbouw-vl", "Departement Landbouw en Visserij", "Département de l'Agriculture et de la Pêche", "Regional", "vl",
     None, ("landbouw",), None),
    ("spw-arne", "Waalse Overheidsdienst Landbouw, Natuurlijke Hulpbronnen en Leefmilieu",
     "SPW Agriculture, Ressources naturelles et Environnement", "Regional", "wa", None, ("landbouw", "milieu"),
     ("SPW ARNE", "SPW ARNE")),
    ("fwb-onderwijs", "Algemene Administratie Onderwijs van de Federatie Wallonië-Brussel",
     "Administration générale de l'Enseignement de la Fédération Wallonie-Bruxelles", "Community", "wa", None,
     ("onderwijs",), ("AGE", "AGE")),
    ("vlabel", "Vlaamse Belastingdienst", "Service flamand des Impôts", "Regional", "vl", None, ("fiscaliteit",),
     ("Vlabel", "Vlabel")),
    ("brussel-fiscaliteit", "Brussel Fiscaliteit", "Bruxelles Fiscalité", "Regional", "br", None, ("fiscaliteit",), None),
    ("cjm", "Departement Cultuur, Jeugd en Media", "Département de la Culture, de la Jeunesse et des Médias", "Community",
     "vl", None, ("cultuur",), None),
    ("fod-vg", "FOD Volksgezondheid, Veiligheid van de Voedselketen en Leefmilieu",
     "SPF Santé publique, Sécurité de la Chaîne alimentaire et Environnement", "Federal", None, None, ("gezondheid",),
     ("FOD Volksgezondheid", "SPF Santé publique")),
    ("mow-vl", "Departement Mobiliteit en Openbare Werken", "Département de la Mobilité et des Travaux publics", "Regional",
     "vl", None, ("mobiliteit",), None),
    ("spw-mi", "Waalse Overheidsdienst Mobiliteit en Infrastructuur", "SPW Mobilité et Infrastructures", "Regional", "wa",
     None, ("mobiliteit",), ("SPW MI", "SPW MI")),
    ("brussel-mobiliteit", "Brussel Mobiliteit", "Bruxelles Mobilité", "Regional", "br", None, ("mobiliteit",), None),
    ("vlaio", "Agentschap Innoveren en Ondernemen", "Agence flamande pour l'Innovation et l'Entrepreneuriat", "Regional",
     "vl", None, ("ondernemen",), ("VLAIO", "VLAIO")),
    ("spw-eer", "Waalse Overheidsdienst Economie, Werk en Onderzoek", "SPW Économie, Emploi, Recherche", "Regional", "wa",
     None, ("ondernemen", "werk"), ("SPW EER", "SPW EER")),
    ("hub-brussels", "Brussels Agentschap voor de Onderneming", "Agence bruxelloise pour l'Accompagnement de l'Entreprise",
     "Regional", "br", None, ("ondernemen",), ("hub.brussels", "hub.brussels")),
    ("sport-vl", "Sport Vlaanderen", "Sport Flandre", "Community", "vl", None, ("cultuur",), None),
)

INTEGRATORS = (
    ("ksz", "Kruispuntbank van de Sociale Zekerheid", "Banque Carrefour de la Sécurité Sociale", "Federal", None,
     ("KSZ", "BCSS")),
    ("dv", "Digitaal Vlaanderen", "Digitaal Vlaanderen (Flandre numérique)", "Regional", "vl", None),
)

REGIONS = {
    "vl": ("Vlaams Gewest", "Région flamande"),
    "wa": ("Waals Gewest", "Région wallonne"),
    "br": ("Brussels Hoofdstedelijk Gewest", "Région de Bruxelles-Capitale"),
}

#: Generated agencies beyond the core list: per scope, name patterns (nl, fr) with a topic.
AGENCY_TOPICS = {
    "wonen": ("Huisvesting", "Logement"), "energie": ("Energie", "Énergie"), "milieu": ("Natuur en Bos", "Nature et Forêts"),
    "landbouw": ("Plattelandsontwikkeling", "Développement rural"), "werk": ("Sociale Economie", "Économie sociale"),
    "ondernemen": ("Innovatie", "Innovation"), "mobiliteit": ("Wegen en Verkeer", "Routes et Circulation"),
    "fiscaliteit": ("Fiscale Invordering", "Recouvrement fiscal"), "gezin": ("Gezinsondersteuning", "Soutien aux familles"),
    "onderwijs": ("Studietoelagen", "Allocations d'études"), "cultuur": ("Jeugdwerk", "Jeunesse"),
    "gezondheid": ("Zorg en Preventie", "Soins et Prévention"), "sociaal": ("Sociale Bijstand", "Aide sociale"),
    "pensioen": ("Aanvullende Pensioenen", "Pensions complémentaires"),
    "burgerzaken": ("Vreemdelingenzaken", "Office des Étrangers"),
    "justitie": ("Slachtofferhulp", "Aide aux victimes"),
}

MUNICIPALITIES = {
    "vl": (("Antwerpen", "Anvers"), ("Gent", "Gand"), ("Brugge", "Bruges"), ("Leuven", "Louvain"), ("Mechelen", "Malines"),
           ("Aalst", "Alost"), ("Kortrijk", "Courtrai"), ("Hasselt", "Hasselt"), ("Sint-Niklaas", "Saint-Nicolas"),
           ("Oostende", "Ostende"), ("Genk", "Genk"), ("Roeselare", "Roulers"), ("Turnhout", "Turnhout"),
           ("Dendermonde", "Termonde"), ("Beveren", "Beveren"), ("Lokeren", "Lokeren"), ("Vilvoorde", "Vilvorde"),
           ("Halle", "Hal"), ("Geel", "Geel"), ("Lier", "Lierre"), ("Ieper", "Ypres"), ("Tienen", "Tirlemont"),
           ("Tongeren", "Tongres"), ("Ronse", "Renaix"), ("Oudenaarde", "Audenarde"), ("Waregem", "Waregem"),
           ("Mol", "Mol"), ("Herentals", "Herentals"), ("Zaventem", "Saventhem"), ("Aarschot", "Aarschot"),
           ("Deinze", "Deinze"), ("Eeklo", "Eeklo"), ("Tielt", "Tielt"), ("Poperinge", "Poperinge"),
           ("Diest", "Diest"), ("Maaseik", "Maaseik"), ("Lommel", "Lommel"), ("Beringen", "Beringen"),
           ("Brasschaat", "Brasschaat"), ("Schoten", "Schoten"), ("Mortsel", "Mortsel"), ("Kapellen", "Kapellen"),
           ("Wetteren", "Wetteren"), ("Zele", "Zele"), ("Ninove", "Ninove"), ("Geraardsbergen", "Grammont"),
           ("Menen", "Menin"), ("Wevelgem", "Wevelgem"), ("Harelbeke", "Harelbeke"), ("Izegem", "Izegem"),
           ("Knokke-Heist", "Knokke-Heist"), ("Blankenberge", "Blankenberge"), ("Nieuwpoort", "Nieuport"),
           ("Veurne", "Furnes"), ("Diksmuide", "Dixmude"), ("Bilzen", "Bilzen"), ("Sint-Truiden", "Saint-Trond"),
           ("Maasmechelen", "Maasmechelen"), ("Zottegem", "Zottegem"), ("Heist-op-den-Berg", "Heist-op-den-Berg")),
    "wa": (("Luik", "Liège"), ("Charleroi", "Charleroi"), ("Namen", "Namur"), ("Bergen", "Mons"),
           ("La Louvière", "La Louvière"), ("Doornik", "Tournai"), ("Verviers", "Verviers"), ("Seraing", "Seraing"),
           ("Moeskroen", "Mouscron"), ("Waver", "Wavre"), ("Ottignies-Louvain-la-Neuve", "Ottignies-Louvain-la-Neuve"),
           ("Nijvel", "Nivelles"), ("Aat", "Ath"), ("Edingen", "Enghien"), ("Hoei", "Huy"), ("Borgworm", "Waremme"),
           ("Aarlen", "Arlon"), ("Bastenaken", "Bastogne"), ("Marche-en-Famenne", "Marche-en-Famenne"),
           ("Dinant", "Dinant"), ("Ciney", "Ciney"), ("Gembloers", "Gembloux"), ("Geldenaken", "Jodoigne"),
           ("Binche", "Binche"), ("Zinnik", "Soignies"), ("Lessen", "Lessines"), ("Péruwelz", "Péruwelz"),
           ("Herstal", "Herstal"), ("Spa", "Spa"), ("Malmedy", "Malmedy"), ("Durbuy", "Durbuy"),
           ("Philippeville", "Philippeville"), ("Chimay", "Chimay"), ("Fleurus", "Fleurus"), ("Châtelet", "Châtelet"),
           ("Eigenbrakel", "Braine-l'Alleud"), ("Waterloo", "Waterloo"), ("Rixensart", "Rixensart"), ("Tubeke", "Tubize")),
    "br": (("Brussel", "Bruxelles"), ("Elsene", "Ixelles"), ("Schaarbeek", "Schaerbeek"), ("Anderlecht", "Anderlecht"),
           ("Ukkel", "Uccle"), ("Sint-Jans-Molenbeek", "Molenbeek-Saint-Jean"), ("Etterbeek", "Etterbeek"),
           ("Vorst", "Forest"), ("Jette", "Jette"), ("Oudergem", "Auderghem"), ("Evere", "Evere"),
           ("Ganshoren", "Ganshoren"), ("Koekelberg", "Koekelberg"), ("Sint-Gillis", "Saint-Gilles"),
           ("Sint-Joost-ten-Node", "Saint-Josse-ten-Noode"), ("Watermaal-Bosvoorde", "Watermael-Boitsfort"),
           ("Sint-Lambrechts-Woluwe", "Woluwe-Saint-Lambert"), ("Sint-Pieters-Woluwe", "Woluwe-Saint-Pierre"),
           ("Sint-Agatha-Berchem", "Berchem-Sainte-Agathe")),
}
SYNTHETIC_PLACE_HEADS = ("Ber", "Hel", "Mol", "Wes", "Lin", "Dor", "Ham", "Rum", "Zwa", "Kes", "Ast", "Bor", "Gel", "Oos",
                         "Ren", "Vel")
SYNTHETIC_PLACE_TAILS = ("broek", "hoven", "kerke", "dijk", "veld", "berg", "rode", "beke", "lo", "hout", "donk", "gem")

#: Capability map: top level, functions (second level, each narrowed per authority), shared support capabilities.
CAP_TOP = (("dienstverlening", "Dienstverlening", "Prestation de services"),
           ("beheer", "Beheer en controle", "Gestion et contrôle"),
           ("ondersteuning", "Ondersteuning", "Support"))
CAP_FUNCTIONS = (
    ("aanvraagbeheer", "Aanvraagbeheer", "Gestion des demandes", "dienstverlening"),
    ("dossierbehandeling", "Dossierbehandeling", "Traitement des dossiers", "dienstverlening"),
    ("klantencontact", "Klantencontact", "Contact avec les usagers", "dienstverlening"),
    ("betalingsbeheer", "Betalingsbeheer", "Gestion des paiements", "beheer"),
    ("controle", "Controle en inspectie", "Contrôle et inspection", "beheer"),
    ("registerbeheer", "Registerbeheer", "Gestion des registres", "beheer"),
    ("beslissingsondersteuning", "Beslissingsondersteuning", "Aide à la décision", "beheer"),
    ("rapportering", "Rapportering en statistiek", "Rapportage et statistiques", "beheer"),
    ("inning", "Inning en invordering", "Perception et recouvrement", "beheer"),
)
SUPPORT_CAPS = (
    ("elektronische-handtekening", "Elektronische handtekening", "Signature électronique", "eSign"),
    ("online-betalen", "Online betalen", "Paiement en ligne", "ePay"),
    ("afsprakenbeheer", "Afsprakenbeheer", "Gestion des rendez-vous", "Agenda"),
    ("documentbeheer", "Documentbeheer", "Gestion documentaire", "DocBox"),
    ("klantrelatiebeheer", "Klantrelatiebeheer", "Gestion de la relation client", "CRM"),
    ("e-facturatie", "Elektronische facturatie", "Facturation électronique", "eFact"),
    ("geografische-informatie", "Geografische informatie", "Information géographique", "GeoViewer"),
    ("archivering", "Digitale archivering", "Archivage numérique", "eArchief"),
    ("identiteitsbeheer", "Identiteits- en toegangsbeheer", "Gestion des identités et des accès", "IAM"),
    ("virtuele-assistent", "Virtuele assistent", "Assistant virtuel", "Chatbot"),
    ("formulierenbeheer", "Formulierenbeheer", "Gestion des formulaires", "eForms"),
    ("notificaties", "Notificaties aan burgers", "Notifications aux citoyens", "Notify"),
    ("scannen", "Scannen en digitaliseren", "Numérisation", "ScanStraat"),
    ("datawarehouse", "Datawarehouse", "Entrepôt de données", "DWH"),
    ("workflow", "Workflowbeheer", "Gestion des flux de travail", "Flow"),
    ("kennisbeheer", "Kennisbeheer", "Gestion des connaissances", "Wiki"),
    ("klachtenbeheer", "Klachtenbeheer", "Gestion des plaintes", "Klachtenloket"),
    ("e-boxlevering", "Elektronische briefwisseling", "Correspondance électronique", "eBox"),
    ("opvolging-inspecties", "Planning van inspecties", "Planification des inspections", "InspectPlan"),
    ("vertaalbeheer", "Vertaalbeheer", "Gestion des traductions", "Translate"),
    ("personeelsplanning", "Personeelsplanning", "Planification du personnel", "Rooster"),
    ("contractbeheer", "Contractbeheer", "Gestion des contrats", "Contracta"),
    ("boekhouding", "Boekhouding", "Comptabilité", "Fin"),
    ("subsidiebeheer", "Subsidiebeheer", "Gestion des subsides", "SubsidieDesk"),
)
APP_SUFFIXES = ("net", "flow", "desk", "web", "base", "link", "gate", "dossier", "track", "portal", "hub", "suite", "one",
                "pro", "plan", "care")

MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
             "december")
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
             "décembre")

#: Kinds of regulation per jurisdiction: (nl, fr, French gender, ELI type); the first is the "law", the second the "decree".
REG_KINDS = {
    "fed": (("Wet", "Loi", "f", "wet"), ("Koninklijk besluit", "Arrêté royal", "m", "besluit")),
    "vl": (("Decreet", "Décret", "m", "decreet"),
           ("Besluit van de Vlaamse Regering", "Arrêté du Gouvernement flamand", "m", "besluit")),
    "wa": (("Decreet van het Waals Gewest", "Décret de la Région wallonne", "m", "decreet"),
           ("Besluit van de Waalse Regering", "Arrêté du Gouvernement wallon", "m", "besluit")),
    "br": (("Ordonnantie", "Ordonnance", "f", "ordonnantie"),
           ("Besluit van de Brusselse Hoofdstedelijke Regering", "Arrêté du Gouvernement de la Région de Bruxelles-Capitale",
            "m", "besluit")),
    "cvl": (("Decreet van de Vlaamse Gemeenschap", "Décret de la Communauté flamande", "m", "decreet"),
            ("Besluit van de Vlaamse Regering", "Arrêté du Gouvernement flamand", "m", "besluit")),
    "cfr": (("Decreet van de Franse Gemeenschap", "Décret de la Communauté française", "m", "decreet"),
            ("Besluit van de Regering van de Franse Gemeenschap", "Arrêté du Gouvernement de la Communauté française", "m",
             "besluit")),
}


# ---------------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------------

def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"


def _uc(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lc(text: str) -> str:
    if len(text) > 1 and text[1].isupper():  # an acronym: KBO, EPC
        return text
    return text[:1].lower() + text[1:]


def _fr(prep: str, phrase: str) -> str:
    """French preposition + phrase, with the contractions French requires (de le → du, à les → aux)."""
    if prep == "de":
        for plain, contracted in (("le ", "du "), ("les ", "des "), ("des ", "de "), ("un ", "d'un "), ("une ", "d'une "),
                                  ("Le ", "du "), ("Les ", "des ")):
            if phrase.startswith(plain):
                return contracted + phrase[len(plain):]
        if phrase[:1].lower() in "aeiouyâéèêîô" and not phrase.startswith(("l'", "L'")):
            return "d'" + phrase
        return "de " + phrase
    if prep == "à":
        if phrase.startswith(("le ", "Le ")):
            return "au " + phrase[3:]
        if phrase.startswith(("les ", "Les ")):
            return "aux " + phrase[4:]
    return f"{prep} {phrase}"


def _lit(text: str, lang: str | None = None) -> str:
    """A Turtle string literal, escaped."""
    body = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{body}"@{lang}' if lang else f'"{body}"'


def _long_lit(text: str, lang: str) -> str:
    """A Turtle long string literal (\"\"\"...\"\"\"), which may span lines."""
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"""{body}"""@{lang}'


def _date_nl(d: date) -> str:
    return f"{d.day} {MONTHS_NL[d.month - 1]} {d.year}"


def _date_fr(d: date) -> str:
    return f"{'1er' if d.day == 1 else d.day} {MONTHS_FR[d.month - 1]} {d.year}"


def _full(term: str) -> str:
    """The full IRI of a prefixed name or an <IRI>."""
    if term.startswith("<"):
        return term[1:-1]
    prefix, local = term.split(":", 1)
    return PREFIXES[prefix] + local


def _mod97(base8: int) -> str:
    """A Belgian enterprise number: eight digits and a two-digit check, 97 - (first eight mod 97)."""
    return f"{base8:08d}{97 - base8 % 97:02d}"


# ---------------------------------------------------------------------------------------------
# The model, as objects
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Thing:
    key: str
    stype: str
    scope: str
    domain: str
    kind: str
    variants: tuple  # ((nl, nl with article, fr, fr with article), ...)


@dataclass(frozen=True, slots=True)
class Audience:
    key: str
    kind: str
    variants: tuple  # ((nl, fr), ...)


def _build_things() -> dict[tuple[str, str], list[Thing]]:
    things: dict[tuple[str, str], list[Thing]] = {}
    for (scope, domain), objects in ENT_OBJECTS.items():
        for kind, *obj_variants in objects:
            obj_key = _slug(obj_variants[0][0])
            for head_key, head_variants, prep_nl, prep_fr in ENT_HEADS:
                variants = []
                for i in range(2):
                    (h_nl, h_nl_art), (h_fr, h_fr_art) = head_variants[i]
                    o_nl, o_fr = obj_variants[i]
                    variants.append((f"{h_nl} {prep_nl} {o_nl}", f"{h_nl_art} {prep_nl} {o_nl}",
                                     f"{h_fr} {_fr(prep_fr, o_fr)}", f"{h_fr_art} {_fr(prep_fr, o_fr)}"))
                things.setdefault((scope, domain), []).append(
                    Thing(f"{head_key}|{obj_key}", "Entitlement", scope, domain, kind, tuple(variants)))
    for (scope, domain), entries in OTHER_THINGS.items():
        for stype, kind, *variants in entries:
            things.setdefault((scope, domain), []).append(
                Thing(_slug(variants[0][0]), stype, scope, domain, kind, tuple(variants)))
    for scope, domains in SCOPE_DOMAINS.items():
        for domain in domains:
            for t_nl, t_fr in DOMAINS[domain]["topics"][:2]:
                variants = ((f"Informatie over {t_nl}", f"informatie over {t_nl}",
                             f"Information sur {t_fr}", f"des informations sur {t_fr}"),
                            (f"Uitleg over {t_nl}", f"uitleg over {t_nl}",
                             f"Explications sur {t_fr}", f"des explications sur {t_fr}"))
                things.setdefault((scope, domain), []).append(
                    Thing("info|" + _slug(t_nl), "Information", scope, domain, "cb", variants))
    return things


THINGS = _build_things()
AUDS = tuple(Audience(key, kind, variants) for key, kind, variants in AUDIENCES)
AUDS_BY_KIND = {"c": tuple(a for a in AUDS if a.kind == "c"), "b": tuple(a for a in AUDS if a.kind == "b"), "cb": AUDS}


@dataclass(slots=True, eq=False)
class Territory:
    qname: str
    nl: str
    fr: str


@dataclass(slots=True, eq=False)
class Regulation:
    qname: str  # <ELI IRI>
    when: date
    jur: str
    kind: tuple
    domain: str
    topic: tuple
    nl: str
    fr: str
    numac: str
    changes: list = field(default_factory=list)
    based_on: list = field(default_factory=list)


@dataclass(slots=True, eq=False)
class EvidenceType:
    qname: str
    nl: str
    fr: str


@dataclass(slots=True, eq=False)
class Authority:
    key: str
    qname: str
    nl: str
    fr: str
    level: str
    scope: str
    region: str | None
    domains: tuple
    acronym: tuple | None = None
    parent: "Authority | None" = None
    ident: str | None = None
    integrator: bool = False
    territory: Territory | None = None
    jur: str = "fed"
    quota: int = 0
    children: list = field(default_factory=list)
    published: list = field(default_factory=list)
    consumes: list = field(default_factory=list)
    access: dict = field(default_factory=dict)  # source key -> Source, in source order
    apps: list = field(default_factory=list)

    @property
    def group(self) -> "Authority":
        return self.parent or self

    @property
    def short_nl(self) -> str:
        return self.acronym[0] if self.acronym else self.nl

    @property
    def short_fr(self) -> str:
        return self.acronym[1] if self.acronym else self.fr


@dataclass(slots=True, eq=False)
class Source:
    key: str
    qname: str
    nl: str
    fr: str
    publisher: Authority
    integrator: Authority | None
    authoritative: bool
    agreements: list = field(default_factory=list)
    concepts: list = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Agreement:
    qname: str
    ident: str
    source: Source
    consumers: list
    basis: Regulation


@dataclass(slots=True, eq=False)
class Concept:
    qname: str
    nl: str
    fr: str
    source: Source | None = None
    flag: bool | None = None
    defined_in: Regulation | None = None
    definition: tuple | None = None
    doc: EvidenceType | None = None
    close: list = field(default_factory=list)
    exact: list = field(default_factory=list)

    @property
    def available(self) -> bool:
        if self.source is None:
            return False
        return self.flag if self.flag is not None else self.source.authoritative


@dataclass(slots=True, eq=False)
class Requirement:
    qname: str
    ident: str
    cls: str
    nl: str
    fr: str
    concepts: list
    children: list = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Evidence:
    qname: str
    ident: str
    nl: str
    fr: str
    conforms: EvidenceType
    concept: Concept | None = None
    part_of: Source | None = None


@dataclass(slots=True, eq=False)
class Output:
    qname: str
    ident: str
    nl: str
    fr: str
    otype: str
    part_of: Source | None = None
    usable: EvidenceType | None = None


@dataclass(slots=True, eq=False)
class Step:
    qname: str | None
    order: int
    activity: str
    performer: Authority
    app: "App"
    reads: list = field(default_factory=list)
    captures: list = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Rule:
    qname: str
    ident: str
    nl: str
    fr: str
    implements: Regulation


@dataclass(slots=True, eq=False)
class App:
    qname: str
    title: str
    owner: Authority
    caps: list
    uses: list


@dataclass(slots=True, eq=False)
class Capability:
    qname: str
    nl: str
    fr: str
    broader: "Capability | None"


@dataclass(slots=True, eq=False)
class Slot:
    auth: Authority
    role: str
    params: dict = field(default_factory=dict)
    executing: Authority | None = None
    key: tuple | None = None  # (Thing, Audience, edition) decided when planning
    num: int = 0


@dataclass(slots=True, eq=False)
class Service:
    num: int
    qname: str
    ident: str
    role: str
    auth: Authority
    executing: Authority | None
    thing: Thing
    stype: str
    mode: str
    title: tuple
    description: tuple
    long_description: bool
    cases: int
    territory: Territory | None
    legal: list
    event: str
    channels: list
    reqs: list = field(default_factory=list)
    evidence: list = field(default_factory=list)
    outputs: list = field(default_factory=list)
    rules: list = field(default_factory=list)
    steps: list = field(default_factory=list)
    process_owner: Authority | None = None
    blank_steps: bool = False
    see_also: list = field(default_factory=list)
    extra_captures: list = field(default_factory=list)

    @property
    def local(self) -> str:
        return self.qname.split(":", 1)[1]

    @property
    def authorities(self) -> list:
        return [self.auth] + ([self.executing] if self.executing else [])

    def required_concepts(self) -> list:
        """Required concepts per the contract: requirements (nested too) and the concepts evidence supports."""
        out: dict[int, Concept] = {}
        stack = list(self.reqs)
        while stack:
            req = stack.pop()
            for c in req.concepts:
                out.setdefault(id(c), c)
            stack.extend(req.children)
        for ev in self.evidence:
            if ev.concept is not None:
                out.setdefault(id(ev.concept), ev.concept)
        return list(out.values())

    def consults(self) -> dict:
        acc: dict[str, Source] = {}
        for a in self.authorities:
            acc.update(a.access)
        return acc


@dataclass
class Manifest:
    """What ``generate`` wrote."""

    out_dir: Path
    seed: int
    services: int
    authorities: int
    files: int
    triples: int
    labels: Path
    findings: dict[str, int]
    hard_negatives: int


# ---------------------------------------------------------------------------------------------
# Building the world
# ---------------------------------------------------------------------------------------------

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


class _World:
    """Builds the model as objects, plants the findings and computes the labels."""

    def __init__(self, services: int, seed: int):
        self.n = services
        self.seed = seed
        self.rng = Random(seed)
        self.authorities: list[Authority] = []
        self.by_key: dict[str, Authority] = {}
        self.territories: list[Territory] = []
        self.region_terr: dict[str, Territory] = {}
        self.sources: list[Source] = []
        self.concepts: list[Concept] = []
        self.concept_labels: set[str] = set()
        self.concept_iris: set[str] = set()
        self.regs: list[Regulation] = []
        self.reg_pool: dict[tuple, list] = {}
        self.numacs: set[str] = set()
        self.etypes: list[EvidenceType] = []
        self.applicant_docs: list[EvidenceType] = []
        self.services: list[Service] = []
        self.apps: list[App] = []
        self.app_titles: set[str] = set()
        self.caps: list[Capability] = []
        self.top_caps: dict[str, Capability] = {}
        self.func_caps: dict[str, Capability] = {}
        self.leaf_owner: dict[str, Authority] = {}
        self.leaves: dict[str, Capability] = {}
        self.events: list[tuple] = []
        self.used_keys: dict[tuple, int] = {}  # (thing, audience, territory) -> editions delivered
        self.pools: dict[tuple, list] = {}
        self.exhausted: set[tuple] = set()
        self.enterprise_numbers: set[int] = set()
        self.commons: dict[str, list] = {}
        self.planted: dict[str, list] = {k: [] for k in KINDS}
        self.dup_clusters: dict[int, list] = {}
        self.cluster_state: dict[tuple, dict] = {}
        self.harmonisation: list[tuple] = []
        self.hard_negatives: list[dict] = []
        self.producers: list[tuple] = []
        self.ddc_concepts: dict[int, Concept] = {}
        self.singles: list[tuple] = []
        self.nonauth_used: int = 0
        self.counters: dict[tuple, int] = {}
        self.cluster_members: dict[tuple, list] = {}

    # -- authorities ---------------------------------------------------------------------------

    def _add_auth(self, key, nl, fr, level, region, parent, domains, acronym, *, integrator=False, territory=None, ident=True):
        scope = {"Federal": "national", "Community": "national", "Regional": "regional", "Local": "local"}[level]
        if level == "Federal":
            jur = "fed"
        elif level == "Community":
            jur = "cvl" if region == "vl" else "cfr"
        else:
            jur = region
        if territory is None and level == "Regional":
            territory = self.region_terr[region]
        a = Authority(key, f"authority:{key}", nl, fr, level, scope, region, tuple(domains), acronym, parent,
                      integrator=integrator, territory=territory, jur=jur)
        if ident:
            while True:
                base = self.rng.randint(2_000_000, 9_999_999)
                if base not in self.enterprise_numbers:
                    self.enterprise_numbers.add(base)
                    a.ident = _mod97(base)
                    break
        if parent is not None:
            parent.children.append(a)
        self.authorities.append(a)
        self.by_key[key] = a
        return a

    def _build_authorities(self):
        count = max(10, round(self.n / 60))
        n_int = 1 if count < 40 else 2
        n_local = max(2, round(count * 0.4))
        n_core = count - n_int - n_local
        for r, (nl, fr) in REGIONS.items():
            t = Territory(f"territory:{_slug(nl)}", nl, fr)
            self.territories.append(t)
            self.region_terr[r] = t
        for key, nl, fr, level, region, acr in INTEGRATORS[:n_int]:
            self._add_auth(key, nl, fr, level, region, None, ("gegevensdeling",), acr, integrator=True)
        for key, nl, fr, level, region, parent, domains, acr in CORE_AUTHORITIES[:n_core]:
            par = self.by_key[parent] if parent else None
            self._add_auth(key, nl, fr, level, region, par, domains, acr, ident=par is None)
        if n_core > len(CORE_AUTHORITIES):
            self._extra_agencies(n_core - len(CORE_AUTHORITIES))
        self._municipalities(n_local)
        # Services per authority: largest remainder over level weights (sub-organisations a bit less).
        weights = [0.0 if a.integrator else LEVEL_WEIGHTS[a.level] * (0.6 if a.parent else 1.0) for a in self.authorities]
        total = sum(weights)
        raw = [self.n * w / total for w in weights]
        quotas = [int(x) for x in raw]
        order = sorted(range(len(raw)), key=lambda i: (quotas[i] - raw[i], i))
        for i in order[: self.n - sum(quotas)]:
            quotas[i] += 1
        for i, w in enumerate(weights):
            if w > 0 and quotas[i] == 0:
                j = max(range(len(quotas)), key=lambda k: quotas[k])
                quotas[j] -= 1
                quotas[i] += 1
        for a, q in zip(self.authorities, quotas):
            a.quota = q

    def _extra_agencies(self, count: int):
        rng = self.rng
        patterns = (("Federal", None), ("Regional", "vl"), ("Regional", "wa"), ("Federal", None), ("Regional", "br"),
                    ("Community", "vl"), ("Community", "wa"))
        names = {a.nl for a in self.authorities}
        i = 0
        while count > 0:
            level, region = patterns[i % len(patterns)]
            i += 1
            domains = {"Federal": FEDERAL_DOMAINS, "Regional": SCOPE_DOMAINS["regional"], "Community": COMMUNITY_DOMAINS}[level]
            domain = rng.choice(domains)
            topic_nl, topic_fr = AGENCY_TOPICS[domain]
            parents = [a for a in self.authorities if a.level == level and a.region == region and a.parent is None
                       and not a.integrator and level != "Community"]
            if parents and rng.random() < 0.15:
                parent = rng.choice(parents)
                nl, fr = f"Directie {topic_nl}", f"Direction {topic_fr}"
                if nl in names:
                    nl, fr = f"{nl} ({parent.short_nl})", f"{fr} ({parent.short_fr})"
                if nl in names:
                    continue
                names.add(nl)
                self._add_auth(_slug(nl), nl, fr, level, region, parent, (domain,), None, ident=rng.random() < 0.5)
                count -= 1
                continue
            for pfx_nl, pfx_fr in AGENCY_PREFIXES[(level, region)]:
                nl, fr = f"{pfx_nl} {topic_nl}", f"{pfx_fr} {topic_fr}"
                if nl not in names:
                    break
            else:
                k = 2
                while f"{nl} {k}" in names:
                    k += 1
                nl, fr = f"{nl} {k}", f"{fr} {k}"
            names.add(nl)
            self._add_auth(_slug(nl), nl, fr, level, region, None, (domain,), None)
            count -= 1

    def _municipalities(self, count: int):
        rng = self.rng
        pattern = ("vl", "wa", "vl", "br", "vl", "wa", "vl", "wa", "vl", "br")
        pools = {r: list(names) for r, names in MUNICIPALITIES.items()}
        for pool in pools.values():
            rng.shuffle(pool)
        made = 0
        while made < count:
            region = pattern[made % len(pattern)]
            if pools[region]:
                nl, fr = pools[region].pop(0)
            else:
                nl = (rng.choice(("", "", "Sint-", "Oost-", "West-", "Groot-")) + rng.choice(SYNTHETIC_PLACE_HEADS)
                      + rng.choice(SYNTHETIC_PLACE_TAILS))
                fr = nl
            key = "gemeente-" + _slug(nl)
            if key in self.by_key:
                if not pools[region]:
                    nl = fr = f"{nl}-{made}"  # the synthetic names ran out
                    key = "gemeente-" + _slug(nl)
                if key in self.by_key:
                    continue
            made += 1
            terr = Territory(f"territory:{_slug(nl)}", nl, fr)
            self.territories.append(terr)
            fr_name = ("Commune d'" if fr[:1] in "AEIOUYÉ" else "Commune de ") + fr
            self._add_auth(key, f"Gemeente {nl}", fr_name, "Local", region, None, SCOPE_DOMAINS["local"], None, territory=terr)

    # -- regulations ---------------------------------------------------------------------------

    def _new_reg(self, jur: str, domain: str, kind_idx: int = 0, *, after: date | None = None, changes=None, based_on=None):
        rng = self.rng
        kind = REG_KINDS[jur][kind_idx]
        if after is None:
            when = date(rng.randint(1965, 2023), rng.randint(1, 12), rng.randint(1, 28))
        else:
            when = min(after + timedelta(days=rng.randint(60, 5000)), date(2024, 12, 20))
        while True:
            numac = f"{when.year}{rng.randint(1, 999999):06d}"
            if numac not in self.numacs:
                self.numacs.add(numac)
                break
        topic = rng.choice(DOMAINS[domain]["topics"])
        fem = kind[2] == "f"
        head_nl = f"{kind[0]} van {_date_nl(when)}"
        head_fr = f"{kind[1]} du {_date_fr(when)}"
        if changes is not None:
            nl = f"{head_nl} tot wijziging van {self._ref_nl(changes)}"
            fr = f"{head_fr} modifiant {self._ref_fr(changes)}"
            topic = changes.topic
        elif based_on is not None:
            nl = f"{head_nl} tot uitvoering van {self._ref_nl(based_on)}"
            fr = f"{head_fr} portant exécution {_fr('de', self._ref_fr(based_on))}"
            topic = based_on.topic
        else:
            nl = f"{head_nl} betreffende {topic[0]}"
            fr = f"{head_fr} {'relative' if fem else 'relatif'} {_fr('à', topic[1])}"
            if rng.random() < 0.1:
                nl += f' (hierna: "Regeling {DOMAINS[domain]["nl"]} {when.year}")'
                fr += f' (ci-après : "Régime {DOMAINS[domain]["fr"]} {when.year}")'
        qname = f"<http://www.ejustice.just.fgov.be/eli/{kind[3]}/{when.year}/{when.month:02d}/{when.day:02d}/{numac}/staatsblad>"
        reg = Regulation(qname, when, jur, kind, domain, topic, nl, fr, numac)
        if changes is not None:
            reg.changes.append(changes)
        if based_on is not None:
            reg.based_on.append(based_on)
        self.regs.append(reg)
        return reg

    @staticmethod
    def _ref_nl(reg: Regulation) -> str:
        kind = reg.kind[0]
        art = "het" if kind.startswith("Decreet") or kind.startswith("Koninklijk") or kind.startswith("Besluit") else "de"
        return f"{art} {_lc(kind)} van {_date_nl(reg.when)} betreffende {reg.topic[0]}"

    @staticmethod
    def _ref_fr(reg: Regulation) -> str:
        kind = reg.kind[1]
        art = "l'" if kind[:1] in "AEIOUÉ" else ("la " if reg.kind[2] == "f" else "le ")
        rel = "relative" if reg.kind[2] == "f" else "relatif"
        return f"{art}{_lc(kind)} du {_date_fr(reg.when)} {rel} {_fr('à', reg.topic[1])}"

    def _legal(self, jur: str, domain: str) -> Regulation:
        """A regulation services, concepts and agreements of (jur, domain) cite; new ones appear as they are needed."""
        rng = self.rng
        pool = self.reg_pool.setdefault((jur, domain), [])
        if pool and rng.random() >= 0.22:
            return rng.choice(pool)
        r = rng.random()
        laws = [x for x in pool if x.kind is REG_KINDS[jur][0] and not x.changes]
        if r < 0.55 or (r >= 0.85 and not pool):
            reg = self._new_reg(jur, domain, 0)
        elif r < 0.85:
            base = None
            if laws and rng.random() < 0.6:
                base = rng.choice(laws)
            elif rng.random() < 0.5:
                base = self._new_reg(jur, domain, 0)  # a law cited only through eli:based_on
            reg = self._new_reg(jur, domain, 1, after=base.when if base else None, based_on=base)
        else:
            target = rng.choice(pool)
            reg = self._new_reg(jur, domain, 0, after=target.when, changes=target)
        pool.append(reg)
        return reg

    # -- concepts and sources ------------------------------------------------------------------

    def _add_concept(self, c: Concept, unique: bool = True) -> Concept:
        assert not unique or c.nl not in self.concept_labels, c.nl
        assert c.qname not in self.concept_iris, c.qname
        self.concept_labels.add(c.nl)
        self.concept_iris.add(c.qname)
        self.concepts.append(c)
        return c

    def _build_sources(self):
        founding: dict[str, Regulation] = {}
        for key, nl, fr, roles, integ_role, authoritative, concepts in SOURCES:
            publisher = next((self.by_key[r] for r in roles if r in self.by_key), None)
            if publisher is None:
                continue
            integrator = self.by_key.get(integ_role) if integ_role else None
            src = Source(key, f"source:{key}", nl, fr, publisher, integrator, authoritative)
            publisher.published.append(src)
            # One regulation defines the concepts of a publisher's sources: they are distinct notions.
            if publisher.key not in founding:
                founding[publisher.key] = self._legal(publisher.jur, publisher.domains[0])
            reg = founding[publisher.key]
            for ckey, cnl, cfr, flag, doc, definition in concepts:
                doc_type = EvidenceType(f"evidencetype:doc-{ckey}", doc[0], doc[1])
                self.etypes.append(doc_type)
                src.concepts.append(self._add_concept(Concept(f"concept:{ckey}", cnl, cfr, src, flag, reg, definition, doc_type)))
            self.sources.append(src)
        self.available = [c for s in self.sources for c in s.concepts if c.available]
        self.sources_with_available = {c.source.key for c in self.available}
        self.unavailable_with_source = [c for s in self.sources for c in s.concepts if not c.available]

    @staticmethod
    def _own_sources(a: Authority) -> set:
        return {s.key for s in a.published} | {s.key for s in a.consumes}

    def _build_access(self):
        rng = self.rng
        for a in self.authorities:
            if a.integrator:
                continue
            for s in self.sources:
                if s.publisher is a or s.publisher is a.parent:
                    continue
                if s.key == "rijksregister":
                    p = 0.92
                elif set(s.publisher.domains) & set(a.domains):
                    p = 0.55
                elif a.level == "Local" and s.key in LOCAL_SOURCES:
                    p = 0.35
                else:
                    p = 0.12
                if a.parent is not None:
                    p *= 0.3
                if rng.random() < p:
                    a.consumes.append(s)
        for a in self.authorities:
            keys = self._own_sources(a) | (self._own_sources(a.parent) if a.parent else set())
            a.access = {s.key: s for s in self.sources if s.key in keys}
        order = {id(a): i for i, a in enumerate(self.authorities)}
        for s in self.sources:
            consumers = [a for a in self.authorities if any(x is s for x in a.consumes)]
            rng.shuffle(consumers)
            i = 0
            while i < len(consumers):
                k = rng.randint(1, 4)
                group = sorted(consumers[i:i + k], key=lambda a: order[id(a)])
                i += k
                ident = f"BER-{rng.randint(9, 24):02d}/{rng.randint(1, 250):03d}"
                basis = self._legal(s.publisher.jur, "gegevensdeling")
                s.agreements.append(Agreement(f"agreement:{s.key}-{len(s.agreements) + 1:02d}", ident, s, group, basis))

    def _common(self, svc: Service, taken: list) -> Concept:
        """A fact no authentic source holds, shared by the services of one domain."""
        domain = svc.thing.domain
        if domain not in self.commons:
            reg = self._legal("fed" if svc.auth.scope == "national" else svc.auth.jur, domain)
            self.commons[domain] = [
                self._add_concept(Concept(f"concept:{_slug(nl)}", nl, fr, defined_in=reg)) for nl, fr in DOMAINS[domain]["commons"]]
        free = [c for c in self.commons[domain] if all(c is not t for t in taken)]
        if free:
            return self.rng.choice(free)
        return self._own_concept(svc, taken)

    def _own_concept(self, svc: Service, taken: list) -> Concept:
        """A fact only this service collects (no source, no definition)."""
        facts = OWN_FACTS[svc.stype]
        used = {c.nl.split(":", 1)[0] for c in taken}
        free = [f for f in facts if f[0] not in used] or list(facts)
        f_nl, f_fr = self.rng.choice(free)
        where_nl = f" ({svc.territory.nl})" if svc.territory else ""
        where_fr = f" ({svc.territory.fr})" if svc.territory else ""
        nl, fr = f"{f_nl}: {svc.title[0]}{where_nl}", f"{f_fr} : {svc.title[1]}{where_fr}"
        k = self._count(svc, "concept")
        if nl in self.concept_labels:
            nl, fr = f"{nl} [{svc.ident}/{k}]", f"{fr} [{svc.ident}/{k}]"
        return self._add_concept(Concept(f"concept:{svc.local}-{k}", nl, fr))

    # -- evidence types, events, capabilities, applications ---------------------------------------

    def _build_vocabularies(self):
        self.applicant_docs = [EvidenceType(f"evidencetype:{k}", nl, fr) for k, nl, fr in APPLICANT_DOCS]
        self.events = [(f"event:{k}", nl, fr, doms, biz) for k, nl, fr, doms, biz in EVENTS]

    def _leaf(self, a: Authority, fkey: str, fnl: str, ffr: str, domain: str) -> Capability:
        dn = DOMAINS[domain]
        key = f"{fkey}-{_slug(dn['nl'])}"
        nl, fr = f"{fnl} {dn['nl']}", f"{ffr} – {dn['fr']}"
        owner = self.leaf_owner.get(key)
        if owner is not None and owner is not a.group:
            key = f"{key}-{a.group.key}"
            nl, fr = f"{nl} ({a.group.short_nl})", f"{fr} ({a.group.short_fr})"
        cap = self.leaves.get(key)
        if cap is None:
            cap = Capability(f"capability:{key}", nl, fr, self.func_caps[fkey])
            self.leaves[key] = cap
            self.caps.append(cap)
            self.leaf_owner[key] = a.group
        return cap

    def _app_title(self, domain: str) -> str:
        prefix = DOMAINS[domain]["app"]
        for _ in range(8):
            title = prefix + self.rng.choice(APP_SUFFIXES)
            if title not in self.app_titles:
                break
        else:
            k = 2
            while f"{title} {k}" in self.app_titles:
                k += 1
            title = f"{title} {k}"
        self.app_titles.add(title)
        return title

    def _add_app(self, owner: Authority, title: str, caps: list, uses: list) -> App:
        app = App(f"application:{owner.key}-{len(owner.apps) + 1:02d}", title, owner, caps, uses)
        owner.apps.append(app)
        self.apps.append(app)
        return app

    def _build_capabilities(self):
        rng = self.rng
        for key, nl, fr in CAP_TOP:
            self.top_caps[key] = Capability(f"capability:{key}", nl, fr, None)
            self.caps.append(self.top_caps[key])
        for key, nl, fr, top in CAP_FUNCTIONS:
            self.func_caps[key] = Capability(f"capability:{key}", nl, fr, self.top_caps[top])
            self.caps.append(self.func_caps[key])
        for a in self.authorities:
            offset = rng.randrange(len(CAP_FUNCTIONS))
            for j in range(2 + min(8, a.quota // 15)):
                fkey, fnl, ffr, _ = CAP_FUNCTIONS[(offset + j) % len(CAP_FUNCTIONS)]
                domain = a.domains[j % len(a.domains)]
                caps = [self._leaf(a, fkey, fnl, ffr, domain)]
                if rng.random() < 0.3:
                    fkey2, fnl2, ffr2, _ = CAP_FUNCTIONS[(offset + j + 4) % len(CAP_FUNCTIONS)]
                    extra = self._leaf(a, fkey2, fnl2, ffr2, domain)
                    if extra is not caps[0]:
                        caps.append(extra)
                sources = list(a.access.values())
                uses = rng.sample(sources, min(len(sources), rng.randint(0, 2)))
                self._add_app(a, self._app_title(domain), caps, uses)
        # Planted: support capabilities that several authorities each run their own application for.
        groups = []
        for a in self.authorities:
            if all(g is not a.group for g in groups):
                groups.append(a.group)
        members = {id(g): [a for a in self.authorities if a.group is g] for g in groups}
        n_shared = max(1, min(len(SUPPORT_CAPS) - 1, round(len(self.authorities) / 8)))
        for key, nl, fr, product in SUPPORT_CAPS[:n_shared]:
            cap = Capability(f"capability:{key}", nl, fr, self.top_caps["ondersteuning"])
            self.caps.append(cap)
            for g in rng.sample(groups, rng.randint(2, min(4, len(groups)))):
                owner = rng.choice(members[id(g)])
                self._add_app(owner, f"{product} {owner.short_nl}", [cap], [])
            self.planted["shared-capability"].append(cap.qname)
        # Hard negative: a parent and its sub-organisation, each with an application for one capability.
        parents = [a for a in self.authorities if a.children]
        if parents:
            key, nl, fr, product = SUPPORT_CAPS[-1]
            cap = Capability(f"capability:{key}", nl, fr, self.top_caps["ondersteuning"])
            self.caps.append(cap)
            parent = rng.choice(parents)
            child = rng.choice(parent.children)
            self._add_app(parent, f"{product} {parent.short_nl}", [cap], [])
            self._add_app(child, f"{product} {child.short_nl}", [cap], [])
            self.hard_negatives.append(dict(kind="shared-capability", subjects=[cap.qname],
                                            why="the applications belong to an authority and its own sub-organisation"))
        # Hard negative: functions whose narrower capabilities several authorities support.
        narrow = [f for f in self.func_caps.values()
                  if len({id(self.leaf_owner[k]) for k, c in self.leaves.items() if c.broader is f}) >= 2]
        for f in narrow[:3]:
            self.hard_negatives.append(dict(kind="shared-capability", subjects=[f.qname],
                                            why="different authorities support only narrower capabilities (skos:broader)"))

    # -- planning ------------------------------------------------------------------------------

    def _avail(self, access: dict) -> list:
        return [c for c in self.available if c.source.key in access]

    def _holds_available(self, s: Source) -> bool:
        return s.key in self.sources_with_available

    def _has_ent(self, a: Authority) -> bool:
        return any(t.stype == "Entitlement" for d in a.domains for t in THINGS.get((a.scope, d), ()))

    def _parent_only(self, a: Authority) -> list:
        """Sources with available concepts a sub-organisation may consult only through its parent."""
        if a.parent is None:
            return []
        own = self._own_sources(a)
        return [s for k, s in a.access.items() if k not in own and self._holds_available(s)]

    def _exec_sources(self, a: Authority, e: Authority) -> list:
        return [s for k, s in e.access.items() if k not in a.access and self._holds_available(s)]

    def _exec_partners(self, a: Authority, workers: list) -> list:
        return [e for e in workers if e.group is not a.group and self._exec_sources(a, e)]

    def _ma_sources(self, a: Authority) -> list:
        return [s for s in self.sources if s.key not in a.access and self._holds_available(s)
                and all(s.key not in self._own_sources(ch) for ch in a.children)]

    def _pick_key(self, a: Authority, types=None, territories=None):
        """A (thing, audience, edition) no service has delivered in the territory yet: background services are all different."""
        rng = self.rng
        terrs = territories if territories is not None else [a.territory.qname if a.territory else None]
        if types is None:
            mine = self._pool(a.scope, a.domains, None)
            avail_types = [t for t, _ in TYPE_WEIGHTS if any(x.stype == t for x in mine)]
            weights = [w for t, w in TYPE_WEIGHTS if t in avail_types]
            chosen = rng.choices(avail_types, weights)[0]
            pools = [self._pool(a.scope, a.domains, frozenset({chosen})), mine]
        else:
            pools = [self._pool(a.scope, a.domains, types)]
        pools.append(self._pool(a.scope, SCOPE_DOMAINS[a.scope], types))

        for pool in pools:
            if not pool:
                continue
            for _ in range(25):
                t = rng.choice(pool)
                aud = rng.choice(AUDS_BY_KIND[t.kind])
                if all((t.key, aud.key, terr) not in self.used_keys for terr in terrs):
                    return t, aud, self._take_key(t, aud, terrs)
        exhausted = (a.scope, types, tuple(terrs))
        if exhausted not in self.exhausted:
            pairs = [(t, aud) for t in pools[-1] for aud in AUDS_BY_KIND[t.kind]]
            rng.shuffle(pairs)
            for t, aud in pairs:
                if all((t.key, aud.key, terr) not in self.used_keys for terr in terrs):
                    return t, aud, self._take_key(t, aud, terrs)
            self.exhausted.add(exhausted)
        # Every combination is taken (large models): another edition of a scheme is another service.
        t = rng.choice(pools[-1])
        aud = rng.choice(AUDS_BY_KIND[t.kind])
        return t, aud, self._take_key(t, aud, terrs)

    def _pool(self, scope: str, domains: tuple, types) -> list:
        key = (scope, domains, types)
        if key not in self.pools:
            self.pools[key] = [x for d in domains for x in THINGS.get((scope, d), ()) if types is None or x.stype in types]
        return self.pools[key]

    def _take_key(self, t: Thing, aud: Audience, terrs: list) -> int:
        """Mark (thing, audience) as delivered in the territories; returns the edition it gets (0 for the first)."""
        edition = max(self.used_keys.get((t.key, aud.key, terr), 0) for terr in terrs)
        for terr in terrs:
            self.used_keys[(t.key, aud.key, terr)] = edition + 1
        return edition

    def _plan(self) -> list:
        rng, n = self.rng, self.n
        free = {a.key: a.quota for a in self.authorities}
        workers = [a for a in self.authorities if not a.integrator]
        slots: list[Slot] = []
        # What each authority may consult is fixed by now: work it out once.
        n_avail = {a.key: len(self._avail(a.access)) for a in workers}
        parent_only = {a.key: self._parent_only(a) for a in workers}
        partners = {a.key: self._exec_partners(a, workers) for a in workers}
        ma_sources = {a.key: self._ma_sources(a) for a in workers}
        has_ent = {a.key: self._has_ent(a) for a in workers}

        def rate(r, lo=1):
            return max(lo, round(n * r))

        def eligible(pred, need=1):
            return [a for a in workers if free[a.key] >= need and pred(a)]

        def take(a, role, **params):
            free[a.key] -= 1
            s = Slot(a, role, params)
            slots.append(s)
            return s

        # Producers of certificates others may ask for (background services, several authorities).
        groups_done: set[int] = set()
        for _ in range(max(3, rate(0.02) // 2 + 2)):
            el = eligible(lambda a: id(a.group) not in groups_done) or eligible(lambda a: True)
            if not el:
                break
            a = rng.choice(el)
            take(a, "producer")
            groups_done.add(id(a.group))
        # Duplicate services: clusters of one thing for one audience (national, or one region).
        for i in range(rate(0.012)):
            members = []
            if rng.random() < 0.2:
                regional = eligible(lambda a: a.scope == "regional")
                by_region = {}
                for a in regional:
                    by_region.setdefault(a.region, []).append(a)
                options = [v for v in by_region.values() if len(v) >= 2]
                if options:
                    members = rng.sample(rng.choice(options), 2)
            if not members:
                k = 3 if rng.random() < 0.15 else 2
                if rng.random() < 0.15:
                    el = eligible(lambda a: a.scope == "national", need=k)
                    members = [rng.choice(el)] * k if el else []
                else:
                    el = eligible(lambda a: a.scope == "national")
                    members = rng.sample(el, k) if len(el) >= k else []
            if not members:
                continue
            thing, aud, ed = self._pick_key(members[0])
            for j, m in enumerate(members):
                tv, av = ((0, 0), (1, 1), (0, 1))[j]
                take(m, "dup", cluster=i, tv=tv, av=av).key = (thing, aud, ed)
        # Hard negatives: the same service for different territories.
        for i in range(rate(0.002)):
            locals_ = eligible(lambda a: a.scope == "local")
            members = []
            if len(locals_) >= 2 and rng.random() < 0.7:
                members = rng.sample(locals_, min(len(locals_), rng.randint(2, 4)))
            else:
                by_region = {}
                for a in eligible(lambda a: a.scope == "regional"):
                    by_region.setdefault(a.region, []).append(a)
                if len(by_region) >= 2:
                    members = [rng.choice(v) for v in rng.sample(list(by_region.values()), min(3, len(by_region)))]
            if len(members) < 2:
                continue
            key = self._pick_key(members[0], None, [m.territory.qname for m in members])
            for m in members:
                take(m, "hn-territory", cluster=i).key = key
        # Hard negatives: one thing for two audiences (look alike, differ structurally).
        for i in range(rate(0.002)):
            el = eligible(lambda a: True, need=2)
            if not el:
                break
            a = rng.choice(el)
            thing, aud1, ed = self._pick_key(a)
            terr = a.territory.qname if a.territory else None
            aud2 = rng.choice([x for x in AUDS_BY_KIND[thing.kind] if x is not aud1])
            ed2 = self._take_key(thing, aud2, [terr])
            take(a, "hn-lookalike", pair=i).key = (thing, aud1, ed)
            take(a, "hn-lookalike", pair=i).key = (thing, aud2, ed2)
        # Automatic-granting candidates, in variants that exercise the access rules.
        variants = {
            "plain": lambda a: has_ent[a.key] and n_avail[a.key] >= 2,
            "via-parent": lambda a: has_ent[a.key] and bool(parent_only[a.key]),  # a sub-organisation, its parent's access
            "via-executing": lambda a: has_ent[a.key] and bool(partners[a.key]),  # the executing authority's access
            "nested": lambda a: has_ent[a.key] and n_avail[a.key] >= 2,  # a concept in a nested requirement
            "concept-flag": lambda a: has_ent[a.key] and "inkomenshistoriek" in a.access,  # flag on the concept wins
        }
        for i in range(rate(0.025, 2)):
            v = list(variants)[i % len(variants)]
            el = eligible(variants[v])
            if not el:
                v, el = "plain", eligible(variants["plain"])
            if not el:
                continue
            a = rng.choice(el)
            s = take(a, "agc", variant=v)
            if v == "via-executing":
                s.executing = rng.choice(partners[a.key])
        for _ in range(rate(0.02)):
            el = eligible(lambda a: has_ent[a.key] and n_avail[a.key] >= 3)
            if el:
                take(rng.choice(el), "pgc")
        for i in range(rate(0.02)):
            el = eligible(lambda a: bool(ma_sources[a.key]))
            if el:
                a = rng.choice(el)
                take(a, "ma", variant=("req", "fetch")[i % 2], source=rng.choice(ma_sources[a.key]))
        for _ in range(rate(0.03, 2)):
            el = eligible(lambda a: n_avail[a.key] >= 1)
            if el:
                take(rng.choice(el), "oo")
        for _ in range(rate(0.02)):
            el = eligible(lambda a: True)
            if el:
                take(rng.choice(el), "cl")
        for i in range(rate(0.004)):
            el = eligible(lambda a: True)
            k = rng.randint(2, 4)
            if len(el) < 2:
                break
            for a in rng.sample(el, min(k, len(el))):
                take(a, "ddc", concept=i)
        producer_groups = {id(s.auth.group) for s in slots if s.role == "producer"}
        singles = {
            "hn-automatic": lambda a: has_ent[a.key] and n_avail[a.key] >= 2,
            "hn-proactive": lambda a: has_ent[a.key] and n_avail[a.key] >= 2,
            "hn-below": lambda a: has_ent[a.key] and n_avail[a.key] >= 2,
            "hn-fetched": lambda a: n_avail[a.key] >= 1,
            "hn-captured": lambda a: True,
            "hn-nonauth": lambda a: True,
            "hn-cert-same": lambda a: id(a.group) in producer_groups,
            "hn-cert-fetched": lambda a: n_avail[a.key] >= 1,
            "hn-ma-parent": lambda a: bool(parent_only[a.key]),
            "hn-ma-exec": lambda a: bool(partners[a.key]),
            "hn-ddc-single": lambda a: True,
        }
        for _ in range(rate(0.002)):
            for role, pred in singles.items():
                el = eligible(pred)
                if not el:
                    continue
                a = rng.choice(el)
                s = take(a, role)
                if role == "hn-ma-exec":
                    s.executing = rng.choice(partners[a.key])
        # Everything else is background; number the services authority by authority, shuffled.
        by_auth = {a.key: [] for a in self.authorities}
        for s in slots:
            by_auth[s.auth.key].append(s)
        ordered = []
        for a in self.authorities:
            mine = by_auth[a.key] + [Slot(a, "bg") for _ in range(free[a.key])]
            rng.shuffle(mine)
            ordered.extend(mine)
        for i, s in enumerate(ordered, 1):
            s.num = i
        return ordered

    # -- services ------------------------------------------------------------------------------

    def _count(self, svc: Service, what: str) -> int:
        key = (svc.num, what)
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def _texts(self, a: Authority, thing: Thing, aud: Audience, tv: int, av: int, edition: int, mode: str, territory):
        rng = self.rng
        t_nl, t_art_nl, t_fr, t_art_fr = thing.variants[tv]
        a_nl, a_fr = aud.variants[av]
        title = [f"{t_nl} {a_nl}", f"{t_fr} {a_fr}"]
        if edition:
            title[0] += f" (regeling {2000 + edition})"
            title[1] += f" (régime {2000 + edition})"
        op_nl, op_fr = OPENERS[thing.stype][rng.randrange(2)]
        first_nl = [op_nl.format(A=a.nl, T=t_art_nl, AUD=a_nl)]
        first_fr = [_uc(op_fr.format(A=a.fr, T=t_art_fr, AUD=a_fr))]
        dom = DOMAINS[thing.domain]
        if dom["purposes"] and rng.random() < 0.7:
            p_nl, p_fr = rng.choice(dom["purposes"])
            first_nl.append(p_nl)
            first_fr.append(p_fr)
        cond = rng.choice(dom["conds"]) if dom["conds"] else ("aan de voorwaarden voldoet", "remplissez les conditions")
        period, moment = rng.choice(PERIODS), rng.choice(MOMENTS)
        slots_nl = dict(cond=cond[0], amount=rng.choice((250, 500, 750, 1000, 1500, 2500, 5000)), period=period[0],
                        months=rng.choice((3, 6, 12)), moment=moment[0], days=rng.choice((30, 45, 60, 90)), years=rng.choice((3, 5, 10)))
        slots_fr = dict(slots_nl, cond=cond[1], period=period[1], moment=moment[1])
        pool = TYPE_SENT[thing.stype]
        rest_nl, rest_fr = [], []
        for s_nl, s_fr in rng.sample(pool, min(len(pool), rng.randint(2, 3))):
            rest_nl.append(s_nl.format(**slots_nl))
            rest_fr.append(s_fr.format(**slots_fr))
        if thing.stype == "Entitlement" and mode in MODE_SENT:
            rest_nl.append(MODE_SENT[mode][0])
            rest_fr.append(MODE_SENT[mode][1])
        if territory is not None:
            rest_nl.append(f"De regeling geldt op het grondgebied van {territory.nl}.")
            rest_fr.append(f"Le régime s'applique au territoire suivant : {territory.fr}.")
        long = rng.random() < 0.25
        if long:
            desc = ("\n\n".join((" ".join(first_nl), " ".join(rest_nl))), "\n\n".join((" ".join(first_fr), " ".join(rest_fr))))
        else:
            desc = (" ".join(first_nl + rest_nl), " ".join(first_fr + rest_fr))
        return tuple(title), desc, long

    def _mode(self, stype: str, role: str, state) -> str:
        if stype != "Entitlement":
            return "OnRequest"
        if state is not None:
            return state["mode"]
        fixed = {"agc": "OnRequest", "pgc": "OnRequest", "hn-below": "OnRequest", "hn-automatic": "Automatic", "hn-proactive": "Proactive"}
        if role in fixed:
            return fixed[role]
        r = self.rng.random()
        return "OnRequest" if r < 0.7 else ("Proactive" if r < 0.85 else "Automatic")

    def _event(self, domain: str, kind: str) -> str:
        business = kind == "b"
        cands = [e for e in self.events if domain in e[3] and e[4] == business] or [e for e in self.events if e[4] == business]
        return self.rng.choice(cands)[0]

    def _req(self, svc: Service, concepts: list) -> Requirement:
        i = self._count(svc, "req")
        cls = self.rng.choice(("cv:Criterion", "cv:Criterion", "cv:Requirement", "cv:InformationRequirement"))
        nl = "Voorwaarde: " + " en ".join(_lc(c.nl) for c in concepts)
        fr = "Condition : " + " et ".join(_lc(c.fr) for c in concepts)
        return Requirement(f"requirement:{svc.local}-{i}", f"REQ-{svc.num:06d}-{i}", cls, nl, fr, list(concepts))

    def _asked(self, svc: Service, etype: EvidenceType, concept) -> Evidence:
        i = self._count(svc, "ev")
        return Evidence(f"evidence:{svc.local}-{i}", f"EV-{svc.num:06d}-{i}", etype.nl, etype.fr, etype, concept, None)

    def _fetched(self, svc: Service, c: Concept, etype: EvidenceType | None = None) -> Evidence:
        i = self._count(svc, "ev")
        return Evidence(f"evidence:{svc.local}-{i}", f"EV-{svc.num:06d}-{i}", f"{c.nl} (bron: {c.source.nl})",
                        f"{c.fr} (source : {c.source.fr})", etype or c.doc, c, c.source)

    def _content_bg(self, svc: Service, avail: list):
        """Clean by construction: available concepts only through requirements or fetched evidence."""
        rng = self.rng
        taken: list = []
        for _ in range(rng.randint(1, 3)):
            cs = []
            for _ in range(1 if rng.random() < 0.8 else 2):
                if avail and rng.random() < 0.4:
                    c = rng.choice(avail)
                    if any(c is t for t in taken):
                        continue
                else:
                    c = self._common(svc, taken)
                cs.append(c)
                taken.append(c)
            if cs:
                svc.reqs.append(self._req(svc, cs))
        for _ in range(rng.randint(1, 3)):
            if avail and rng.random() < 0.35:
                c = rng.choice(avail)
                if any(ev.concept is c for ev in svc.evidence):
                    continue
                svc.evidence.append(self._fetched(svc, c))
            else:
                c = self._own_concept(svc, taken) if rng.random() < 0.5 else None
                if c is not None:
                    taken.append(c)
                svc.evidence.append(self._asked(svc, rng.choice(self.applicant_docs), c))

    def _split_reqs(self, svc: Service, concepts: list) -> list:
        out, i = [], 0
        while i < len(concepts):
            k = self.rng.randint(1, 2)
            out.append(self._req(svc, concepts[i:i + k]))
            i += k
        return out

    def _content_all_available(self, svc: Service, avail: list, variant: str):
        """Every required concept available in a source the service's authorities may consult."""
        rng = self.rng
        need: list = []
        if variant == "via-parent":
            src = rng.choice(self._parent_only(svc.auth))
            need = [rng.choice([c for c in src.concepts if c.available])]
        elif variant == "via-executing":
            src = rng.choice(self._exec_sources(svc.auth, svc.executing))
            need = [rng.choice([c for c in src.concepts if c.available])]
        elif variant == "concept-flag":
            need = [c for c in self.available if c.qname == "concept:inkomen-referentiejaar"]
        pool = [c for c in avail if all(c is not x for x in need)]
        cs = need + rng.sample(pool, min(len(pool), max(0, rng.randint(2, 4) - len(need))))
        rng.shuffle(cs)
        reqs = self._split_reqs(svc, cs)
        if variant == "nested":
            if len(reqs) >= 2:
                reqs[0].children.append(reqs.pop(1))
            elif len(reqs[0].concepts) >= 2:
                child = self._req(svc, [reqs[0].concepts.pop()])
                reqs[0].children.append(child)
        svc.reqs.extend(reqs)
        if rng.random() < 0.5:
            svc.evidence.append(self._fetched(svc, rng.choice(cs)))
        if rng.random() < 0.3:
            svc.evidence.append(self._asked(svc, self.applicant_docs[3], None))  # a sworn statement supports no concept

    def _content_partly_available(self, svc: Service, avail: list, options: tuple):
        rng = self.rng
        n, k = rng.choice([o for o in options if o[1] <= len(avail)])
        cs = rng.sample(avail, k)
        taken = list(cs)
        missing = []
        ask_own = rng.random() < 0.5
        for j in range(n - k):
            c = self._own_concept(svc, taken) if ask_own and j == 0 else self._common(svc, taken)
            taken.append(c)
            missing.append(c)
        in_reqs = cs + (missing[1:] if ask_own else missing)
        rng.shuffle(in_reqs)
        svc.reqs.extend(self._split_reqs(svc, in_reqs))
        if ask_own:
            svc.evidence.append(self._asked(svc, rng.choice(self.applicant_docs), missing[0]))
        if rng.random() < 0.5:
            svc.evidence.append(self._fetched(svc, rng.choice(cs)))

    def _other_producer(self, svc: Service, same: bool):
        """A certificate a service of the same authority group (same=True) or of another group produces."""
        groups = {id(a.group) for a in svc.authorities}

        def fits(y):
            return y is not svc and (id(y.auth.group) in groups) == same

        for _ in range(40):  # usually a few draws suffice; the scan below is the fallback
            if not self.producers:
                break
            y, t = self.rng.choice(self.producers)
            if fits(y):
                return y, t
        cands = [(y, t) for y, t in self.producers if fits(y)]
        return self.rng.choice(cands) if cands else None

    def _shared_fact(self, i: int) -> Concept:
        if i not in self.ddc_concepts:
            nl, fr = SHARED_FACTS[i % len(SHARED_FACTS)]
            if i >= len(SHARED_FACTS):
                dom = list(DOMAINS)[(i // len(SHARED_FACTS)) % len(DOMAINS)]
                nl, fr = f"{nl} ({DOMAINS[dom]['nl']}, {i // len(SHARED_FACTS)})", f"{fr} ({DOMAINS[dom]['fr']}, {i // len(SHARED_FACTS)})"
            c = self._add_concept(Concept(f"concept:gedeeld-{_slug(nl)}", nl, fr))
            self.ddc_concepts[i] = c
            self.planted["duplicate-data-collection"].append(c.qname)
        return self.ddc_concepts[i]

    def _nonauth_concept(self) -> Concept:
        bases = self.unavailable_with_source
        i = self.nonauth_used
        self.nonauth_used += 1
        if i < len(bases):
            return bases[i]
        base = bases[i % len(bases)]
        year = 2000 + i
        return self._add_concept(Concept(f"{base.qname}-{year}", f"{base.nl} aanslagjaar {year}", f"{base.fr} exercice d'imposition {year}",
                                         base.source, base.flag, base.defined_in, None, base.doc))

    def _service(self, slot: Slot) -> Service:
        rng = self.rng
        a, role, p = slot.auth, slot.role, slot.params
        thing, aud, edition = slot.key if slot.key is not None else self._pick_key(a, ROLE_TYPES.get(role))
        tv, av = p.get("tv", rng.randrange(2)), p.get("av", rng.randrange(2))
        state = self.cluster_state.get(("dup", p["cluster"])) if role == "dup" else None
        mode = self._mode(thing.stype, role, state)
        executing = slot.executing
        if executing is None and role == "bg" and a.scope != "local" and rng.random() < 0.04:
            executing = rng.choice([x for x in self.authorities if x.scope == "local"])
        title, desc, long = self._texts(a, thing, aud, tv, av, edition, mode, a.territory)
        if state is not None:
            legal, event = state["legal"], state["event"]
        elif role == "hn-lookalike" or edition:  # another audience, or another edition of a scheme: its own legal basis
            legal, event = [self._new_reg(a.jur, thing.domain)], self._event(thing.domain, aud.kind)
        else:
            legal = [self._legal(a.jur, thing.domain)]
            if rng.random() < 0.25:
                extra = self._legal(a.jur, thing.domain)
                if extra is not legal[0]:
                    legal.append(extra)
            event = self._event(thing.domain, aud.kind)
        kinds = ["Online", "Counter", "Phone", "Post", "Email"]
        n_ch = rng.randint(1, 3)
        types = (["Online"] + rng.sample(kinds[1:], n_ch - 1)) if rng.random() < 0.85 else rng.sample(kinds, n_ch)
        num = slot.num
        local = f"ps-{num:06d}"
        channels = [(f"channel:{local}-{i}", f"CH-{num:06d}-{i}", t) for i, t in enumerate(types, 1)]
        cases = int(10 ** rng.uniform(1, 5.7))
        svc = Service(num, f"service:{local}", f"PS-{num:06d}", role, a, executing, thing, thing.stype, mode, title, desc, long,
                      cases, a.territory, legal, event, channels)
        avail = self._avail(svc.consults())
        planted = {"oo": "only-once-violation", "agc": "automatic-granting-candidate", "pgc": "proactive-granting-candidate",
                   "ma": "missing-agreement", "cl": "certificate-loop"}
        if role == "dup":
            if state is None:
                taken: list = []
                for _ in range(rng.randint(1, 3)):
                    taken.append(self._common(svc, taken))
                state = dict(legal=legal, event=event, mode=mode, concepts=taken)
                self.cluster_state[("dup", p["cluster"])] = state
            svc.reqs.extend(self._split_reqs(svc, list(state["concepts"])))
            for _ in range(rng.randint(1, 2)):
                own = self._own_concept(svc, list(state["concepts"])) if rng.random() < 0.5 else None
                svc.evidence.append(self._asked(svc, rng.choice(self.applicant_docs), own))
            self.dup_clusters.setdefault(p["cluster"], []).append(svc)
        elif role in ("agc", "hn-automatic", "hn-proactive"):
            self._content_all_available(svc, avail, p.get("variant", "plain"))
        elif role == "pgc":
            self._content_partly_available(svc, avail, ((4, 3), (5, 4), (6, 5), (7, 6), (8, 6)))
        elif role == "hn-below":
            self._content_partly_available(svc, avail, ((3, 2), (2, 1)))
        else:
            self._content_bg(svc, avail)
            if role == "oo":
                for c in rng.sample(avail, 2 if len(avail) >= 2 and rng.random() < 0.25 else 1):
                    svc.evidence.append(self._asked(svc, c.doc, c))
            elif role == "ma":
                c = rng.choice([c for c in p["source"].concepts if c.available])
                if p["variant"] == "req":
                    svc.reqs.append(self._req(svc, [c]))
                else:
                    svc.evidence.append(self._fetched(svc, c))
            elif role == "cl":
                prod = self._other_producer(svc, same=False)
                if prod is None:
                    planted.pop("cl")
                else:
                    svc.evidence.append(self._asked(svc, prod[1], None))
            elif role == "ddc":
                svc.evidence.append(self._asked(svc, rng.choice(self.applicant_docs), self._shared_fact(p["concept"])))
            elif role == "hn-fetched":
                if not any(ev.part_of is not None for ev in svc.evidence):
                    svc.evidence.append(self._fetched(svc, rng.choice(avail)))
            elif role == "hn-captured":
                svc.extra_captures.append(rng.choice(self.available))
            elif role == "hn-nonauth":
                c = self._nonauth_concept()
                svc.evidence.append(self._asked(svc, c.doc, c))
            elif role == "hn-cert-same":
                prod = self._other_producer(svc, same=True)
                if prod is not None:
                    svc.evidence.append(self._asked(svc, prod[1], None))
                else:
                    role = "bg"
            elif role == "hn-cert-fetched":
                prod = self._other_producer(svc, same=False)
                if prod is not None:
                    c = rng.choice(avail)
                    svc.evidence.append(self._fetched(svc, c, prod[1]))
                else:
                    role = "bg"
            elif role == "hn-ma-parent":
                src = rng.choice(self._parent_only(a))
                svc.reqs.append(self._req(svc, [rng.choice([c for c in src.concepts if c.available])]))
            elif role == "hn-ma-exec":
                src = rng.choice(self._exec_sources(a, svc.executing))
                svc.reqs.append(self._req(svc, [rng.choice([c for c in src.concepts if c.available])]))
            elif role == "hn-ddc-single":
                nl, fr = SHARED_FACTS[-1 - (len(self.singles) % len(SHARED_FACTS))]
                c = self._add_concept(Concept(f"concept:{local}-gegeven", f"{nl} – {title[0]}", f"{fr} – {title[1]}"), unique=False)
                svc.evidence.append(self._asked(svc, rng.choice(self.applicant_docs), c))
                self.singles.append((svc, c))
        if role in planted:
            self.planted[planted[role]].append(svc.qname)
        if role in HN_WHY:
            kind, why = HN_WHY[role]
            self.hard_negatives.append(dict(kind=kind, subjects=[svc.qname], why=why))
        if role in ("hn-territory", "hn-lookalike"):
            self.cluster_members.setdefault((role, p.get("cluster", p.get("pair"))), []).append(svc)
        # An entitlement granted on request keeps fewer than 75 % of its concepts available, unless planted so.
        if svc.stype == "Entitlement" and svc.mode == "OnRequest" and role not in ("agc", "pgc", "hn-below", "dup"):
            acc = svc.consults()
            while True:
                req = svc.required_concepts()
                k = sum(1 for c in req if c.available and c.source.key in acc)
                if not req or 4 * k < 3 * len(req):
                    break
                svc.reqs.append(self._req(svc, [self._common(svc, req)]))
        self._outputs(svc)
        if rng.random() < 0.3:
            reg = rng.choice(svc.legal)
            if rng.random() < 0.3:  # an implementing decree only the rule cites
                reg = self._new_reg(reg.jur, reg.domain, 1, after=reg.when, based_on=reg)
            svc.rules.append(Rule(f"rule:{local}-1", f"RULE-{num:06d}-1", f"Beslissingsregel: {title[0]}",
                                  f"Règle de décision : {title[1]}", reg))
        if rng.random() < 0.03:
            svc.see_also = [f"<https://{a.key}.example.org/nl/{local}>", f"<https://{a.key}.example.org/fr/{local}>"]
        self._process(svc)
        self.services.append(svc)
        return svc

    def _outputs(self, svc: Service):
        rng = self.rng
        kinds = [OUTPUT_OF[svc.stype]]
        if svc.stype == "Entitlement" and rng.random() < 0.4:
            kinds.append("betaling")
        usable_p = 1.0 if svc.role == "producer" else {"Certificate": 0.6, "Authorisation": 0.4, "Entitlement": 0.15}.get(svc.stype, 0.1)
        if svc.executing is not None:
            usable_p = 0.0  # keeps "a service of another authority" unambiguous for certificate loops
        for j, kind in enumerate(kinds, 1):
            t_nl, t_fr = OUTPUT_TITLE[kind]
            out = Output(f"output:{svc.local}-{j}", f"OUT-{svc.num:06d}-{j}", t_nl.format(t=svc.title[0]),
                         t_fr.format(t=svc.title[1]), kind)
            if svc.auth.published and rng.random() < 0.4:
                out.part_of = rng.choice(svc.auth.published)
            if j == 1 and rng.random() < usable_p:
                et = EvidenceType(f"evidencetype:{svc.local}", f"Bewijs: {svc.title[0]}", f"Preuve : {svc.title[1]}")
                self.etypes.append(et)
                out.usable = et
                self.producers.append((svc, et))
            svc.outputs.append(out)

    def _process(self, svc: Service):
        rng = self.rng
        owner = svc.auth if svc.executing is None or rng.random() < 0.6 else svc.executing
        svc.process_owner = owner
        acc = svc.consults()
        reads = [c for c in svc.required_concepts() if c.available and c.source.key in acc][:3]
        captures = [ev.concept for ev in svc.evidence if ev.part_of is None and ev.concept is not None][:2] + svc.extra_captures
        acts = ["ontvangst"]
        route = None
        if reads:
            acts.append("gegevensraadpleging")
            routes = [c.source.integrator for c in reads if c.source.integrator is not None]
            if routes and rng.random() < 0.5:
                route = routes[0]
                acts.append("gegevensuitwisseling")
        end = list(END_STEPS[svc.stype])
        room = rng.randint(3, 8) - len(acts) - len(end)
        if len(acts) + len(end) < 3:
            room = max(room, 1)
        if room > 0:
            acts += rng.sample(MIDDLE_STEPS, min(room, len(MIDDLE_STEPS)))
        acts += end
        svc.blank_steps = rng.random() < 0.3
        for i, act in enumerate(acts, 1):
            performer = owner
            if act == "gegevensuitwisseling":
                performer = route
            elif svc.executing is not None and rng.random() < 0.3:
                performer = svc.auth if owner is svc.executing else svc.executing
            step = Step(None if svc.blank_steps else f"process:{svc.local}-{i}", i, act, performer, rng.choice(performer.apps))
            if act == "gegevensraadpleging":
                step.reads = reads
            elif act == "ontvangst":
                step.captures = captures
            svc.steps.append(step)

    # -- the whole -----------------------------------------------------------------------------

    def build(self):
        self._build_authorities()
        self._build_sources()
        self._build_access()
        self._build_vocabularies()
        self._build_capabilities()
        slots = self._plan()
        later = ("cl", "hn-cert-same", "hn-cert-fetched")  # they need the certificates other services produce
        for s in slots:
            if s.role not in later:
                self._service(s)
        for s in slots:
            if s.role in later:
                self._service(s)
        self.services.sort(key=lambda s: s.num)
        self._post()

    def _post(self):
        rng = self.rng
        background = [s for s in self.services if s.role == "bg"]
        # Facts one service asks for and other services only capture by hand.
        for svc, c in self.singles:
            for other in rng.sample([s for s in background if s is not svc], min(2, len(background))):
                other.steps[0].captures.append(c)
        for (role, _), members in sorted(self.cluster_members.items(), key=lambda kv: (kv[0][0], kv[0][1])):
            if len(members) < 2:
                continue
            if role == "hn-territory":
                why = "the same service offered by different authorities for different territories (dct:spatial)"
            else:
                why = "titles alike, but different audience, legal basis (cv:hasLegalResource) and outputs"
            self.hard_negatives.append(dict(kind="duplicate-service", subjects=[m.qname for m in members], why=why))
        domains = [d for d in DOMAINS if DOMAINS[d]["commons"]]
        # Planted: one notion defined differently by several regulations.
        order = list(range(len(NOTIONS)))
        rng.shuffle(order)
        for idx in order[: max(1, min(len(NOTIONS), round(self.n / 500)))]:
            labels, definitions = NOTIONS[idx]
            size = 3 if rng.random() < 0.3 else 2
            jurs = rng.sample(list(REG_KINDS), size)
            which = rng.sample(range(3), size)
            group = []
            for j in range(size):
                nl, fr = labels[j % 2]
                reg = self._new_reg(jurs[j], rng.choice(domains))
                d_nl, d_fr = definitions[which[j]]
                c = Concept(f"concept:{_slug(labels[0][0])}-{jurs[j]}", nl, fr, defined_in=reg,
                            definition=(_uc(d_nl) + ".", _uc(d_fr) + "."))
                group.append(self._add_concept(c, unique=False))
            if rng.random() < 0.5:
                for c in group[1:]:
                    c.close.append(group[0].qname)
            for c in group:
                others = [o for o in group if o is not c]
                self.harmonisation.append((c, [o.qname for o in others] + [o.defined_in.qname for o in others]))
                if background:
                    s = rng.choice(background)
                    s.reqs.append(self._req(s, [c]))
        # Hard negatives: one notion, the same words in two regulations; alike labels, two notions.
        for idx in range(min(len(SAME_DEFINITION_NOTIONS), max(1, round(self.n / 2500)))):
            (nl, fr), (d_nl, d_fr) = SAME_DEFINITION_NOTIONS[idx]
            pair = []
            for jur in rng.sample(list(REG_KINDS), 2):
                reg = self._new_reg(jur, rng.choice(domains))
                pair.append(self._add_concept(Concept(f"concept:{_slug(nl)}-{jur}", nl, fr, defined_in=reg,
                                                      definition=(_uc(d_nl) + ".", _uc(d_fr) + ".")), unique=False))
            pair[1].exact.append(pair[0].qname)
            self.hard_negatives.append(dict(kind="concept-harmonisation", subjects=[c.qname for c in pair],
                                            why="one notion (skos:exactMatch) with the same definition in both regulations"))
        for idx in range(min(len(LOOKALIKE_NOTIONS), max(1, round(self.n / 2500)))):
            reg = self._new_reg(rng.choice(list(REG_KINDS)), rng.choice(domains))
            pair = [self._add_concept(Concept(f"concept:{_slug(nl)}", nl, fr, defined_in=reg,
                                              definition=(_uc(d_nl) + ".", _uc(d_fr) + ".")))
                    for (nl, fr), (d_nl, d_fr) in LOOKALIKE_NOTIONS[idx]]
            self.hard_negatives.append(dict(kind="concept-harmonisation", subjects=[c.qname for c in pair],
                                            why="labels alike but two different notions, defined in one regulation"))
        # Planted: regulations nothing refers to (some of them amend a regulation that is cited).
        targets = list(self.regs)
        for _ in range(max(1, round(self.n / 400))):
            if rng.random() < 0.3:
                target = rng.choice(targets)
                reg = self._new_reg(target.jur, target.domain, 0, after=target.when, changes=target)
            else:
                reg = self._new_reg(rng.choice(list(REG_KINDS)), rng.choice(domains), rng.randrange(2))
            self.planted["orphan-regulation"].append(reg.qname)
        refs = self._reg_refs()
        for prop in ("eli:based_on", "eli:changes", "cpsv:implements", "eag:legalBasis", "eag:definedIn"):
            only = [r.qname for r in self.regs if refs.get(r.qname) == {prop}]
            if only:
                self.hard_negatives.append(dict(kind="orphan-regulation", subjects=only[:5], why=f"cited only through {prop}"))

    def _reg_refs(self) -> dict:
        refs: dict[str, set] = {}
        for svc in self.services:
            for r in svc.legal:
                refs.setdefault(r.qname, set()).add("cv:hasLegalResource")
            for rule in svc.rules:
                refs.setdefault(rule.implements.qname, set()).add("cpsv:implements")
        for c in self.concepts:
            if c.defined_in is not None:
                refs.setdefault(c.defined_in.qname, set()).add("eag:definedIn")
        for s in self.sources:
            for ag in s.agreements:
                refs.setdefault(ag.basis.qname, set()).add("eag:legalBasis")
        for r in self.regs:
            for t in r.changes:
                refs.setdefault(t.qname, set()).add("eli:changes")
            for t in r.based_on:
                refs.setdefault(t.qname, set()).add("eli:based_on")
        return refs

    # -- the ground truth ----------------------------------------------------------------------

    def evaluate(self) -> dict[str, dict[str, list[str]]]:
        """The findings of the structural kinds, with the contract's definitions, over the objects."""
        found: dict[str, dict[str, list[str]]] = {k: {} for k in KINDS}
        producers: dict[str, list[Service]] = {}
        for svc in self.services:
            for o in svc.outputs:
                if o.usable is not None:
                    assert svc.executing is None
                    producers.setdefault(o.usable.qname, []).append(svc)
        askers: dict[str, list[str]] = {}
        for svc in self.services:
            acc = svc.consults()
            groups = {id(a.group) for a in svc.authorities}
            req = svc.required_concepts()
            once, loop = [], []
            for ev in svc.evidence:
                if ev.part_of is not None:
                    continue
                if ev.concept is not None:
                    lst = askers.setdefault(ev.concept.qname, [])
                    if svc.qname not in lst:
                        lst.append(svc.qname)
                    if ev.concept.available:
                        once += [ev.qname, ev.concept.qname, ev.concept.source.qname]
                others = [y.qname for y in producers.get(ev.conforms.qname, ()) if id(y.auth.group) not in groups]
                if others:
                    loop += [ev.qname] + others
            if once:
                found["only-once-violation"][svc.qname] = once
            if loop:
                found["certificate-loop"][svc.qname] = loop
            if svc.stype == "Entitlement" and svc.mode == "OnRequest" and req:
                ok = [c for c in req if c.available and c.source.key in acc]
                if len(ok) == len(req):
                    found["automatic-granting-candidate"][svc.qname] = [c.source.qname for c in ok]
                elif 4 * len(ok) >= 3 * len(req):
                    found["proactive-granting-candidate"][svc.qname] = [c.qname for c in req if all(c is not o for o in ok)]
            lacking = [c.source.qname for c in req if c.available and c.source.key not in acc]
            if lacking:
                found["missing-agreement"][svc.qname] = lacking
        for concept, services in askers.items():
            if len(services) >= 2:
                found["duplicate-data-collection"][concept] = services
        by_cap: dict[str, list[App]] = {}
        for app in self.apps:
            for cap in app.caps:
                by_cap.setdefault(cap.qname, []).append(app)
        for cap, apps in by_cap.items():
            if len({id(x.owner.group) for x in apps}) >= 2:
                found["shared-capability"][cap] = [x.qname for x in apps]
        refs = self._reg_refs()
        for r in self.regs:
            if r.qname not in refs:
                found["orphan-regulation"][r.qname] = []
        return found

    def verify(self, found: dict):
        """The background is clean: the analyses find exactly what was planted."""
        for kind in ("only-once-violation", "automatic-granting-candidate", "proactive-granting-candidate", "missing-agreement",
                     "certificate-loop", "shared-capability", "orphan-regulation"):
            got, want = set(found[kind]), set(self.planted[kind])
            if got != want:
                raise RuntimeError(f"{kind}: unplanted {sorted(got - want)[:5]}, missing {sorted(want - got)[:5]}")
        got, want = set(found["duplicate-data-collection"]), set(self.planted["duplicate-data-collection"])
        if not want <= got:
            raise RuntimeError(f"duplicate-data-collection: missing {sorted(want - got)[:5]}")
        roles = {s.qname: s.role for s in self.services}
        for concept in got - want:  # implied: several planted only-once violations ask for one available fact
            if not all(roles[s] == "oo" for s in found["duplicate-data-collection"][concept]):
                raise RuntimeError(f"duplicate-data-collection: unplanted {concept}")

    def labels(self, found: dict) -> dict:
        findings = []
        for kind in KINDS:
            rows = []
            if kind == "duplicate-service":
                for _, members in sorted(self.dup_clusters.items()):
                    members = sorted(members, key=lambda s: s.num)
                    if len(members) >= 2:
                        rows.append((members[0].qname, [m.qname for m in members[1:]]))
            elif kind == "concept-harmonisation":
                rows = [(c.qname, related) for c, related in self.harmonisation]
            else:
                rows = list(found[kind].items())
            for subject, related in sorted((_full(s), sorted({_full(r) for r in rel})) for s, rel in rows):
                findings.append({"kind": kind, "subject": subject, "related": related})
        hard = [{"kind": h["kind"], "subjects": [_full(s) for s in h["subjects"]], "why": h["why"]} for h in self.hard_negatives]
        return {"seed": self.seed, "services": self.n, "findings": findings, "hard_negatives": hard}


# ---------------------------------------------------------------------------------------------
# Writing Turtle the way people write it
# ---------------------------------------------------------------------------------------------

class _BNode:
    __slots__ = ("pairs",)

    def __init__(self, pairs):
        self.pairs = pairs


class _Coll:
    __slots__ = ("items",)

    def __init__(self, items):
        self.items = items


def _render(pairs, indent: int, used: set) -> tuple[str, int]:
    """Predicate-object lists joined with ' ;' and ',' (nested blank nodes indented), and the triples they state.

    Adds the prefixes the terms use to ``used``."""
    lines, count = [], 0
    pad = " " * indent
    for pred, objs in pairs:
        if not objs:
            continue
        if pred != "a":
            used.add(pred.partition(":")[0])
        rendered = []
        for o in objs:
            if type(o) is str:
                first = o[0]
                if first == '"':
                    if "^^" in o:
                        used.add(o.rpartition("^^")[2].partition(":")[0])
                elif first != "<" and not first.isdigit() and o not in ("true", "false"):
                    used.add(o.partition(":")[0])
                rendered.append(o)
                count += 1
            elif type(o) is _BNode:
                inner, k = _render(o.pairs, indent + 4, used)
                rendered.append("[\n" + " " * (indent + 4) + inner + "\n" + pad + "]")
                count += 1 + k
            else:
                rendered.append("( " + " ".join(o.items) + " )")
                count += 1 + 2 * len(o.items)
        lines.append(pred + " " + ", ".join(rendered))
    return (" ;\n" + pad).join(lines), count


class _TurtleFile:
    def __init__(self, title: str):
        self.parts = [f"# {title}\n\n"]
        self.triples = 0
        self.used: set[str] = set()

    def comment(self, text: str):
        self.parts.append(f"# {text}\n")

    def block(self, subject: str, pairs: list):
        if subject[0] != "<":
            self.used.add(subject.partition(":")[0])
        body, count = _render(pairs, 4, self.used)
        self.triples += count
        self.parts.append(f"{subject} {body} .\n\n")

    def text(self) -> str:
        body = "".join(self.parts)
        unknown = self.used - PREFIXES.keys()
        assert not unknown, unknown
        head = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items() if p in self.used)
        return head + "\n" + body.rstrip("\n") + "\n"


def _labels(nl: str, fr: str) -> list:
    return [_lit(nl, "nl"), _lit(fr, "fr")]


def _concept_pairs(c: Concept) -> list:
    return [
        ("a", ["cv:InformationConcept", "authsrc:DataElement"] if c.source else ["cv:InformationConcept"]),
        ("skos:prefLabel", _labels(c.nl, c.fr)),
        ("skos:definition", _labels(*c.definition) if c.definition else []),
        ("eag:definedIn", [c.defined_in.qname] if c.defined_in else []),
        ("authsrc:hasSource", [c.source.qname] if c.source else []),
        ("authsrc:isAuthoritative", [] if c.flag is None else ["true" if c.flag else "false"]),
        ("skos:closeMatch", c.close),
        ("skos:exactMatch", c.exact),
    ]


def _regulation_pairs(r: Regulation) -> list:
    return [
        ("a", ["eli:LegalResource"]),
        ("dct:title", _labels(r.nl, r.fr)),
        ("eli:date_document", [f'"{r.when.isoformat()}"^^xsd:date']),
        ("eli:id_local", [_lit(r.numac)]),
        ("eli:changes", [t.qname for t in r.changes]),
        ("eli:based_on", [t.qname for t in r.based_on]),
    ]


def _step_pairs(s: Step) -> list:
    return [
        ("a", ["eag:ProcessStep"]),
        ("eag:order", [str(s.order)]),
        ("eag:activity", [f"activity:{s.activity}"]),
        ("eag:performedBy", [s.performer.qname]),
        ("eag:usesApplication", [s.app.qname]),
        ("eag:reads", [c.qname for c in s.reads]),
        ("eag:captures", [c.qname for c in s.captures]),
    ]


def _write_service(f: _TurtleFile, svc: Service):
    desc_lit = _long_lit if svc.long_description else _lit
    f.comment(svc.title[0])
    f.block(svc.qname, [
        ("a", ["cpsv:PublicService"]),
        ("dct:identifier", [_lit(svc.ident)]),
        ("dct:title", _labels(*svc.title)),
        ("dct:description", [desc_lit(svc.description[0], "nl"), desc_lit(svc.description[1], "fr")]),
        ("dct:type", [f"eag:{svc.stype}"]),
        ("cv:hasCompetentAuthority", [svc.auth.qname]),
        ("eag:executingAuthority", [svc.executing.qname] if svc.executing else []),
        ("eag:grantingMode", [f"eag:{svc.mode}"]),
        ("eag:annualCases", [str(svc.cases)]),
        ("dct:spatial", [svc.territory.qname] if svc.territory else []),
        ("cv:hasLegalResource", [r.qname for r in svc.legal]),
        ("cv:isGroupedBy", [svc.event]),
        ("cv:holdsRequirement", [r.qname for r in svc.reqs]),
        ("cpsv:hasInput", [e.qname for e in svc.evidence]),
        ("cpsv:produces", [o.qname for o in svc.outputs]),
        ("cv:hasChannel", [c[0] for c in svc.channels]),
        ("cpsv:follows", [r.qname for r in svc.rules]),
        ("rdfs:seeAlso", [_Coll(svc.see_also)] if svc.see_also else []),
    ])
    stack = list(svc.reqs)
    while stack:
        r = stack.pop(0)
        f.block(r.qname, [("a", [r.cls]), ("dct:identifier", [_lit(r.ident)]), ("dct:title", _labels(r.nl, r.fr)),
                          ("cv:hasConcept", [c.qname for c in r.concepts]), ("cv:hasRequirement", [c.qname for c in r.children])])
        stack.extend(r.children)
    for e in svc.evidence:
        f.block(e.qname, [("a", ["cv:Evidence"]), ("dct:identifier", [_lit(e.ident)]), ("dct:title", _labels(e.nl, e.fr)),
                          ("cv:supportsConcept", [e.concept.qname] if e.concept else []),
                          ("dct:isPartOf", [e.part_of.qname] if e.part_of else []), ("dct:conformsTo", [e.conforms.qname])])
    for o in svc.outputs:
        f.block(o.qname, [("a", ["cv:Output"]), ("dct:identifier", [_lit(o.ident)]), ("dct:title", _labels(o.nl, o.fr)),
                          ("dct:type", [f"outputtype:{o.otype}"]), ("dct:isPartOf", [o.part_of.qname] if o.part_of else []),
                          ("eag:usableAs", [o.usable.qname] if o.usable else [])])
    for qname, ident, kind in svc.channels:
        f.block(qname, [("a", ["cv:Channel"]), ("dct:identifier", [_lit(ident)]), ("dct:type", [f"eag:{kind}"])])
    for r in svc.rules:
        f.block(r.qname, [("a", ["cpsv:Rule"]), ("dct:identifier", [_lit(r.ident)]), ("dct:title", _labels(r.nl, r.fr)),
                          ("cpsv:implements", [r.implements.qname])])
    f.comment(f"Proces: {svc.title[0]}")
    steps = [_BNode(_step_pairs(s)) for s in svc.steps] if svc.blank_steps else [s.qname for s in svc.steps]
    f.block(f"process:{svc.local}", [
        ("a", ["eag:Process"]),
        ("dct:title", _labels(f"Behandeling: {svc.title[0]}", f"Traitement : {svc.title[1]}")),
        ("eag:ownedBy", [svc.process_owner.qname]),
        ("eag:realises", [svc.qname]),
        ("eag:hasStep", steps),
    ])
    if not svc.blank_steps:
        for s in svc.steps:
            f.block(s.qname, _step_pairs(s))


def _files(world: _World) -> list[tuple[str, _TurtleFile]]:
    """Every Turtle file of the model: shared vocabularies, then one folder per authority."""
    rng = Random(world.seed * 7919 + 1)  # layout only: how many services a file holds
    out: list[tuple[str, _TurtleFile]] = []

    def chunks(items, size):
        return [items[i:i + size] for i in range(0, len(items), size)]

    regs = sorted(world.regs, key=lambda r: (r.when, r.qname))
    for i, part in enumerate(chunks(regs, 250), 1):
        f = _TurtleFile(f"Regelgeving, deel {i} (Belgisch Staatsblad, ELI)")
        for r in part:
            f.block(r.qname, _regulation_pairs(r))
        out.append((f"shared/regulations-{i:02d}.ttl", f))
    for i, part in enumerate(chunks(world.concepts, 400), 1):
        f = _TurtleFile(f"Informatieconcepten, deel {i}")
        for c in part:
            f.block(c.qname, _concept_pairs(c))
        out.append((f"shared/concepts-{i:02d}.ttl", f))
    f = _TurtleFile("Levensgebeurtenissen en bedrijfsgebeurtenissen")
    for qname, nl, fr, _, business in world.events:
        f.block(qname, [("a", ["cv:BusinessEvent" if business else "cv:LifeEvent"]), ("dct:title", _labels(nl, fr))])
    out.append(("shared/events.ttl", f))
    f = _TurtleFile("Capabilitykaart van de overheid")
    for c in world.caps:
        f.block(c.qname, [("a", ["eag:Capability"]), ("skos:prefLabel", _labels(c.nl, c.fr)),
                          ("skos:broader", [c.broader.qname] if c.broader else [])])
    out.append(("shared/capabilities.ttl", f))
    f = _TurtleFile("Soorten bewijsstukken")
    f.comment("Stukken die aanvragers zelf aanbrengen")
    for t in world.applicant_docs:
        f.block(t.qname, [("a", ["cv:EvidenceType"]), ("skos:prefLabel", _labels(t.nl, t.fr))])
    f.comment("Attesten en bewijzen die diensten afleveren")
    for t in world.etypes:
        f.block(t.qname, [("a", ["cv:EvidenceType"]), ("skos:prefLabel", _labels(t.nl, t.fr))])
    out.append(("shared/evidence-types.ttl", f))
    f = _TurtleFile("Activiteiten van processtappen")
    f.block("activity:activiteiten", [("a", ["skos:ConceptScheme"]), ("skos:prefLabel", _labels("Activiteiten", "Activités"))])
    for key, nl, fr in ACTIVITIES:
        f.block(f"activity:{key}", [("a", ["skos:Concept"]), ("skos:inScheme", ["activity:activiteiten"]),
                                    ("skos:prefLabel", _labels(nl, fr))])
    out.append(("shared/activities.ttl", f))
    f = _TurtleFile("Soorten output")
    f.block("outputtype:outputtypes", [("a", ["skos:ConceptScheme"]), ("skos:prefLabel", _labels("Soorten output", "Types de résultat"))])
    for key, nl, fr in OUTPUT_TYPES:
        f.block(f"outputtype:{key}", [("a", ["skos:Concept"]), ("skos:inScheme", ["outputtype:outputtypes"]),
                                      ("skos:prefLabel", _labels(nl, fr))])
    out.append(("shared/output-types.ttl", f))
    f = _TurtleFile("Grondgebieden")
    for t in world.territories:
        f.block(t.qname, [("a", ["dct:Location"]), ("skos:prefLabel", _labels(t.nl, t.fr))])
    out.append(("shared/territories.ttl", f))

    services_of: dict[str, list[Service]] = {a.key: [] for a in world.authorities}
    for svc in world.services:
        services_of[svc.auth.key].append(svc)
    for a in world.authorities:
        folder = f"authorities/{a.key}"
        f = _TurtleFile(a.nl)
        f.block(a.qname, [
            ("a", ["cv:PublicOrganisation"]),
            ("skos:prefLabel", _labels(a.nl, a.fr)),
            ("skos:altLabel", _labels(*a.acronym) if a.acronym else []),
            ("dct:identifier", [_lit(a.ident)] if a.ident else []),
            ("eag:governmentLevel", [f"eag:{a.level}"]),
            ("org:subOrganizationOf", [a.parent.qname] if a.parent else []),
            ("dct:spatial", [a.territory.qname] if a.level == "Local" else []),
        ])
        out.append((f"{folder}/authority.ttl", f))
        if a.published:
            f = _TurtleFile(f"Authentieke bronnen van {a.nl}")
            for s in a.published:
                f.block(s.qname, [
                    ("a", ["authsrc:DataSource", "dcat:Dataset"]),
                    ("dct:title", _labels(s.nl, s.fr)),
                    ("dct:publisher", [a.qname]),
                    ("authsrc:isAuthoritative", ["true" if s.authoritative else "false"]),
                    ("authsrc:hasIntegrator", [s.integrator.qname] if s.integrator else []),
                    ("authsrc:hasAgreement", [g.qname for g in s.agreements]),
                ])
                for g in s.agreements:
                    f.block(g.qname, [
                        ("a", ["authsrc:Agreement"]),
                        ("dct:identifier", [_lit(g.ident)]),
                        ("dct:title", _labels(f"Machtiging {g.ident}: toegang tot {s.nl}", f"Autorisation {g.ident} : accès à {s.fr}")),
                        ("authsrc:hasProvider", [a.qname]),
                        ("authsrc:hasConsumer", [c.qname for c in g.consumers]),
                        ("eag:legalBasis", [g.basis.qname]),
                    ])
            out.append((f"{folder}/sources.ttl", f))
        f = _TurtleFile(f"Toepassingen van {a.nl}")
        for app in a.apps:
            f.block(app.qname, [
                ("a", ["eag:ApplicationComponent"]),
                ("dct:title", [_lit(app.title)]),
                ("eag:ownedBy", [a.qname]),
                ("eag:supportsCapability", [c.qname for c in app.caps]),
                ("eag:uses", [s.qname for s in app.uses]),
            ])
        out.append((f"{folder}/applications.ttl", f))
        mine = services_of[a.key]
        i = n = 0
        while i < len(mine):
            size = rng.randint(4, 6)
            n += 1
            f = _TurtleFile(f"Dienstverlening van {a.nl}, deel {n}")
            for svc in mine[i:i + size]:
                _write_service(f, svc)
            i += size
            out.append((f"{folder}/services-{n:02d}.ttl", f))
    return out


# ---------------------------------------------------------------------------------------------
# API and command line
# ---------------------------------------------------------------------------------------------

def _prepare(out_dir: Path, force: bool):
    if out_dir.exists() and not out_dir.is_dir():
        raise FileExistsError(f"{out_dir} exists and is not a directory")
    if out_dir.exists() and any(out_dir.iterdir()):
        if not force:
            raise FileExistsError(f"{out_dir} is not empty (use --force to replace a generated model)")
        # Remove only what a previous run wrote, so that no stale file stays in the model.
        for sub in ("authorities", "shared"):
            root = out_dir / sub
            if root.is_dir():
                for p in sorted(root.rglob("*.ttl"), reverse=True):
                    p.unlink()
                for d in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
                    if not any(d.iterdir()):
                        d.rmdir()
        for name in ("eagraph.toml", "labels.json"):
            (out_dir / name).unlink(missing_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)


def generate(out_dir: Path, services: int, seed: int = 1, *, force: bool = False) -> Manifest:
    """Write a synthetic model of ``services`` public services into ``out_dir``, with its ``labels.json``."""
    if services < MIN_SERVICES:
        raise ValueError(f"at least {MIN_SERVICES} services are needed to plant every finding kind")
    out_dir = Path(out_dir)
    _prepare(out_dir, force)
    world = _World(services, seed)
    world.build()
    found = world.evaluate()
    world.verify(found)
    labels = world.labels(found)
    files = _files(world)
    dirs = sorted({(out_dir / rel).parent for rel, _ in files})
    for d in dirs:
        d.mkdir(parents=True, exist_ok=True)
    triples = 0
    for rel, f in files:
        with open(out_dir / rel, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(f.text())
        triples += f.triples
    with open(out_dir / "eagraph.toml", "w", encoding="utf-8", newline="\n") as fh:
        fh.write('[model]\ninclude = ["**/*.ttl"]\nlanguages = ["nl", "fr"]\n')
    labels_path = out_dir / "labels.json"
    with open(labels_path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(labels, ensure_ascii=False, indent=1) + "\n")
    counts = {k: 0 for k in KINDS}
    for finding in labels["findings"]:
        counts[finding["kind"]] += 1
    return Manifest(out_dir=out_dir, seed=seed, services=services, authorities=len(world.authorities), files=len(files),
                    triples=triples, labels=labels_path, findings=counts, hard_negatives=len(labels["hard_negatives"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic eagraph model with its ground-truth labels.")
    parser.add_argument("--services", type=int, required=True, help="number of public services (at least %d)" % MIN_SERVICES)
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1); the same seed writes the same files")
    parser.add_argument("--out", type=Path, required=True, help="output directory (must be empty unless --force)")
    parser.add_argument("--force", action="store_true", help="replace a model generated earlier in OUT")
    args = parser.parse_args(argv)
    try:
        manifest = generate(args.out, args.services, args.seed, force=args.force)
    except (FileExistsError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps({k: (str(v) if isinstance(v, Path) else v) for k, v in vars(manifest).items()}, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
