"""What the demo municipality contains. Plain data; loader.py turns it into rows through the services."""

PASSWORD = "delaktig-demo"
# Two-step verification of the demo accounts whose roles require it (and the superuser): fixed, public secrets, so
# that anyone can add them to an app. The second login step shows the current code while the demo runs (hooks.py).
TOTP_SECRETS = {
    "admin": "DELAKTIGDEMOADMINISTRATORAAAAAAA",
    "demokrati": "DELAKTIGDEMODEMOKRATIAAAAAAAAAAA",
    "registrator": "DELAKTIGDEMOREGISTRATORAAAAAAAAA",
    "superadmin": "DELAKTIGDEMOSUPERADMINAAAAAAAAAA",
}

MUNICIPALITIES = [
    {"name": "Hagfors kommun", "code": "1783", "slug": "hagfors", "email": "kommun@hagfors.example"},
    {"name": "Kramfors kommun", "code": "2282", "slug": "kramfors", "email": "kommun@kramfors.example"},
]

# (name, short name, kind, parent short name)
# How the demo municipalities write case numbers: the executive board's registry, and the boards' own.
CASE_NUMBER_PATTERN = "KS ÅÅÅÅ/N, * ÅÅÅÅ/N"

BODIES = [
    ("Kommunfullmäktige", "KF", "council", None),
    ("Kommunstyrelsen", "KS", "executive_board", None),
    ("Kommunfullmäktiges presidium", "KF-pres", "presidium", "KF"),
    ("Kommunstyrelsens arbetsutskott", "KSAU", "working_committee", "KS"),
    ("Barn- och bildningsnämnden", "BBN", "committee", None),
    ("Socialnämnden", "SN", "committee", None),
    ("Samhällsbyggnadsnämnden", "SBN", "committee", None),
    ("Kultur- och fritidsutskottet", "KFU", "working_committee", "KS"),
]

# (name, responsible body short name)
DEPARTMENTS = [
    ("Kommunledningsförvaltningen", "KS"),
    ("Barn- och bildningsförvaltningen", "BBN"),
    ("Socialförvaltningen", "SN"),
    ("Samhällsbyggnadsförvaltningen", "SBN"),
]

# (e-mail local part, name, role or None for a resident, body short name, title)
PEOPLE = [
    ("admin", "Alva Administratör", "administrator", None, "Systemförvaltare"),
    ("demokrati", "Dan Demokratisson", "democracy_officer", None, "Demokratiutvecklare"),
    ("handlaggare", "Hanna Handläggare", "officer", None, "Utredare"),
    ("registrator", "Rolf Registrator", "registrar", None, "Registrator"),
    ("moderator", "Maja Moderator", "moderator", None, "Kommunikatör"),
    ("politiker", "Per Politiker", "elected_official", "KF", "Ledamot (S)"),
    ("presidium", "Pia Presidiesson", "presidium", "KF", "Ordförande i kommunfullmäktige (C)"),
    ("invanare", "Ines Invånare", None, None, ""),
    ("invanare2", "Omar Ali", None, None, ""),
    ("invanare3", "Saga Lind", None, None, ""),
]

PLAN = {
    "purpose": "Politikerna vill höra invånarnas synpunkter innan de bestämmer.",
    "fixed": "Budgetramen och tidsplanen är redan beslutade.",
    "input_use": (
        "Vi sammanställer alla synpunkter i en rapport. Den blir en del av underlaget "
        "när politikerna fattar beslut, tillsammans med tjänsteskrivelsen."
    ),
    "contact_name": "Hanna Handläggare",
    "contact_email": "hanna.handlaggare@hagfors.example",
    "contact_phone": "0563-123 45",
    "languages": "svenska, finska, engelska",
}

# Each dialogue: state to reach, kind, ladder level, proposing body, texts, days relative to today.
DIALOGUES = [
    {
        "title": "Framtidens Hagforsbadet",
        "state": "open",
        "kind": "citizen_dialogue",
        "level": "consultation",
        "body": "KS",
        "dept": "Samhällsbyggnadsförvaltningen",
        "question": "Vad är viktigast för dig när badhuset byggs om?",
        "background": "Badhuset från 1974 behöver renoveras. Kommunfullmäktige har avsatt 80 miljoner kronor.",
        "open": "Vilka bassänger och aktiviteter som prioriteras, öppettider och tillgänglighet.",
        "easy_read": "Badhuset ska byggas om. Vi vill veta vad du tycker är viktigast. Skriv din idé på webben eller kom till ett möte.",
        "start": -14,
        "end": 30,
        "inputs": True,
        "case": "KS 2026/211",
        # (method, name, description) of more ways to take part than open input
        "more_modules": [
            (
                "dialogue_meetings",
                "Dialogmöten om badhuset",
                "Kom till ett möte i Hagfors, Ekshärad eller Sunnemo och prata med politikerna om badhuset.",
            ),
            (
                "statements",
                "Vad tycker du om påståendena?",
                "Håll med, håll inte med eller hoppa över påståenden om det nya badhuset, ett i taget, och skriv egna. "
                "Se sedan vilka åsiktsgrupper som finns och vad alla är överens om.",
            ),
            (
                "surveys",
                "Enkät om badhuset",
                "Svara på några frågor om hur du använder badhuset och vad som är viktigast. Det tar fem minuter.",
            ),
            (
                "map_input",
                "Vägen till badhuset",
                "Visa på kartan var vägen till badhuset behöver bli bättre att gå eller cykla, var det känns otryggt "
                "och var cyklarna kan stå.",
            ),
        ],
    },
    {
        "title": "Måltider i äldreomsorgen",
        "state": "open",
        "kind": "user_dialogue",
        "level": "consultation",
        "body": None,
        "dept": "Socialförvaltningen",
        "question": "Hur vill du att maten i äldreomsorgen ska bli bättre?",
        "background": "Vi ser över menyer och hur maten serveras på våra boenden.",
        "open": "Menyer, tider och hur maten serveras.",
        "easy_read": "Vi vill att maten på äldreboendet ska bli bättre. Berätta vad du tycker.",
        "start": -7,
        "end": 21,
        "inputs": True,
        "case": "",
        "public_identity": "pseudonym",  # residents write under a pseudonym they choose
        "more_modules": [
            (
                "consultations",
                "Samråd om förslag till kostpolicy",
                "Läs förslaget till ny kostpolicy för äldreomsorgen och lämna synpunkter på hela förslaget, ett "
                "avsnitt eller ett stycke.",
            ),
        ],
    },
    {
        "title": "Ny avfallstaxa 2027",
        "state": "open",
        "kind": "information",
        "level": "information",
        "body": None,
        "dept": "Samhällsbyggnadsförvaltningen",
        "question": "Så ändras avfallstaxan från 1 januari 2027.",
        "background": "Kommunfullmäktige har beslutat om en ny taxa för sophämtning.",
        "open": "",
        "easy_read": "Det kostar lite mer att hämta sopor från 2027.",
        "purpose": "Vi berättar vad som ändras och varför, så att du vet vad som gäller från årsskiftet.",
        "start": -3,
        "end": 40,
        "inputs": False,
        "case": "KS 2026/88",
    },
    {
        "title": "Konst på Älvstranden",
        "state": "open",
        "kind": "citizen_dialogue",
        "level": "co_decision",
        "body": "KFU",
        "dept": "Kommunledningsförvaltningen",
        "question": "Vilken skulptur ska stå på torget vid Älvstranden?",
        "background": "Fem konstnärer har gjort skisser till en skulptur på torget vid Älvstranden. Kultur- och "
        "fritidsutskottet har lovat att beställa den som invånarna väljer, inom budgeten på 500 000 kronor.",
        "open": "Vilken av de fem skisserna som blir skulptur.",
        "easy_read": "Fem konstnärer har ritat var sin skulptur. Du röstar på den du tycker bäst om.",
        "start": -7,
        "end": 14,
        "inputs": True,
        "case": "KS 2026/340",
        "more_modules": [
            (
                "votes",
                "Rösta om skulpturen",
                "Titta på de fem skisserna och rangordna dem. Du kan ändra din röst tills omröstningen stänger.",
            ),
        ],
    },
    {
        "title": "Trygghetsvandring i centrum",
        "state": "planned",
        "kind": "citizen_dialogue",
        "level": "dialogue",
        "body": "KSAU",
        "dept": "Kommunledningsförvaltningen",
        "question": "Var känner du dig otrygg i centrum, och vad skulle göra skillnad?",
        "background": "Trygghetsmätningen 2025 visade att många känner sig otrygga vid busstationen på kvällen.",
        "open": "Belysning, växtlighet och vilka platser som prioriteras.",
        "easy_read": "Vi går en promenad i centrum tillsammans. Du visar var det känns otryggt.",
        "start": 12,
        "end": 40,
        "inputs": False,
        "case": "KS 2026/305",
    },
    {
        "title": "Cykelvägar till Uddeholm",
        "state": "closed",
        "kind": "citizen_dialogue",
        "level": "influence",
        "body": "SBN",
        "dept": "Samhällsbyggnadsförvaltningen",
        "question": "Var behövs nya cykelvägar mellan Hagfors och Uddeholm?",
        "background": "En ny gång- och cykelplan tas fram.",
        "open": "Sträckningar och vilka sträckor som byggs först.",
        "easy_read": "Vi planerar nya cykelvägar. Var vill du cykla?",
        "start": -150,
        "end": -95,
        "closed_days_ago": 95,
        "inputs": True,
        "case": "SBN 2026/41",
        "more_modules": [
            (
                "map_input",
                "Cykelvägar på kartan",
                "Visa på kartan var du cyklar i dag, var det känns otryggt och var en ny cykelväg behövs.",
            ),
        ],
    },
    {
        "title": "Ny översiktsplan – Hagfors 2040",
        "state": "results_compiled",
        "kind": "citizen_dialogue",
        "level": "influence",
        "body": "KS",
        "dept": "Samhällsbyggnadsförvaltningen",
        "question": "Hur ska Hagfors växa fram till 2040?",
        "background": "Översiktsplanen visar hur mark och vatten ska användas.",
        "open": "Var nya bostäder, verksamheter och grönområden ska ligga.",
        "easy_read": "Vi gör en plan för hur Hagfors ska se ut år 2040. Tyck till!",
        "start": -120,
        "end": -40,
        "closed_days_ago": 40,
        "inputs": True,
        "case": "KS 2025/512",
        "more_modules": [
            (
                "consultations",
                "Samråd om förslag till översiktsplan",
                "Läs förslaget till översiktsplan och lämna synpunkter på hela planen, ett kapitel eller ett stycke.",
            ),
            ("forum_consultation", "Ungdomsrådets yttrande", "Ungdomsrådet har tillfrågats om översiktsplanen."),
        ],
        "results": "Flest synpunkter handlade om bostäder nära älven, en ny förskola i norra Hagfors och bättre kollektivtrafik.",
    },
    {
        "title": "Torget – framtidens mötesplats",
        "state": "matter_decided",
        "kind": "citizen_dialogue",
        "level": "dialogue",
        "body": "KS",
        "dept": "Kommunledningsförvaltningen",
        "question": "Hur vill du använda torget?",
        "background": "Torget ska göras om 2027.",
        "open": "Möblering, grönska, scen och marknadsplatser.",
        "easy_read": "Torget ska bli nytt. Vad vill du göra på torget?",
        "start": -200,
        "end": -150,
        "closed_days_ago": 150,
        "inputs": True,
        "case": "KS 2025/377",
        "results": "De flesta vill ha mer grönska och sittplatser. Många unga önskar en liten scen.",
        "decision": "Kommunstyrelsen beslutade att torget byggs om med träd, fler sittplatser och en scen.",
        "influence": "Scenen och de extra sittplatserna kom med i förslaget tack vare synpunkterna från dialogen.",
    },
    {
        "title": "Medborgarbudget för unga 2026",
        "state": "feedback_published",
        "kind": "citizen_dialogue",
        "level": "co_decision",
        "body": "KFU",
        "dept": "Kommunledningsförvaltningen",
        "question": "Hur ska 300 000 kronor användas för unga i Hagfors?",
        "background": "Unga mellan 13 och 25 år fick bestämma över en del av fritidsbudgeten.",
        "open": "Vilka förslag som får pengar.",
        "easy_read": "Unga fick bestämma vad 300 000 kronor ska användas till.",
        "start": -240,
        "end": -200,
        "closed_days_ago": 200,
        "inputs": True,
        "case": "KS 2025/102",
        "more_modules": [
            (
                "budgeting",
                "Ungdomsbudgeten 2026",
                "Unga mellan 13 och 25 år föreslog och röstade fram vad 300 000 kronor ska användas till.",
            ),
        ],
        "results": "Unga röstade fram tre förslag: en pumptrack, längre öppettider på fritidsgården och gratis gymkort för 16-åringar.",
        "decision": "Kultur- och fritidsutskottet beslutade att genomföra de tre förslag som fick flest röster.",
        "influence": "De unga bestämde själva vilka förslag som genomförs, inom den budget som var satt.",
        "feedback": "Tack till alla som röstade! Pumptracken byggs under våren 2026 och fritidsgården har öppet till kl. 22 på fredagar.",
    },
    {
        "title": "Säkra skolvägar 2025",
        "state": "evaluated",
        "kind": "citizen_dialogue",
        "level": "consultation",
        "body": "BBN",
        "dept": "Barn- och bildningsförvaltningen",
        "question": "Var känns skolvägen osäker för ditt barn?",
        "background": "Barn- och bildningsnämnden ville veta var skolvägarna behöver bli säkrare.",
        "open": "Vilka platser som åtgärdas först.",
        "easy_read": "Vi ville veta var det är farligt att gå till skolan.",
        "start": -400,
        "end": -360,
        "closed_days_ago": 360,
        "inputs": True,
        "case": "BBN 2025/19",
        "results": "Föräldrar och elever pekade ut platser där skolvägen känns osäker. Flest nämnde korsningen vid Älvstranden.",
        "decision": "Nämnden beslutade om nya övergångsställen vid fyra platser.",
        "influence": "Alla fyra platser kom från dialogen.",
        "feedback": "Tack för era svar. Fyra nya övergångsställen byggdes under 2025.",
        "target_groups": ["Barnfamiljer", "Unga", "Personer med funktionsnedsättning"],
        "evaluation": {
            "purpose": (
                "yes",
                "Vi fick veta var skolvägarna känns osäkra, och nämnden kunde välja vilka platser som åtgärdas först.",
            ),
            "methods": (
                "partly",
                "Enkäten på webben passade föräldrarna, men eleverna svarade sällan. Vandringarna med klasserna gav mest.",
            ),
            "reached": {
                "Barnfamiljer": ("reached", ""),
                "Unga": ("partly", "Få elever svarade på enkäten. De som var med på vandringarna gav många svar."),
                "Personer med funktionsnedsättning": (
                    "not_reached",
                    "Vi frågade inte särskilt efter barn som använder rullstol eller har synnedsättning.",
                ),
            },
            "lessons": "Enkäten nådde många föräldrar men få elever. Nästa gång besöker vi skolorna och går skolvägen tillsammans med eleverna. Vi bjuder in föreningar för personer med funktionsnedsättning från början.",
            "participants": "Av dem som svarade på utvärderingsenkäten tyckte de flesta att frågan var tydlig. Många ville få veta tidigare vad som hände med förslagen.",
        },
    },
    {
        "title": "Namn på den nya skolan i Ekshärad",
        "state": "initiative",
        "kind": "citizen_dialogue",
        "level": "",
        "body": "BBN",
        "dept": "Barn- och bildningsförvaltningen",
        "question": "Vad ska den nya skolan i Ekshärad heta?",
        "background": "Den nya F–6-skolan är klar hösten 2027.",
        "open": "",
        "easy_read": "",
        "start": None,
        "end": None,
        "inputs": False,
        "case": "",
    },
    {
        "title": "Kulturhusets öppettider",
        "state": "assessed",
        "kind": "citizen_dialogue",
        "level": "",
        "body": "KFU",
        "dept": "Kommunledningsförvaltningen",
        "question": "När vill du att kulturhuset ska ha öppet?",
        "background": "Besöksmönstren har ändrats sedan biblioteket flyttade in.",
        "open": "",
        "easy_read": "",
        "start": None,
        "end": None,
        "inputs": False,
        "case": "KS 2026/400",
    },
    {
        "title": "Lekplatser i Råda",
        "state": "decided",
        "kind": "citizen_dialogue",
        "level": "",
        "body": "SBN",
        "dept": "Samhällsbyggnadsförvaltningen",
        "question": "Hur ska lekplatserna i Råda utvecklas?",
        "background": "Tre lekplatser behöver bytas ut de närmaste åren.",
        "open": "",
        "easy_read": "",
        "start": None,
        "end": None,
        "inputs": False,
        "case": "SBN 2026/77",
    },
    {
        "title": "Flytt av biblioteksfilialen",
        "state": "declined",
        "kind": "citizen_dialogue",
        "level": "",
        "body": "KFU",
        "dept": "Kommunledningsförvaltningen",
        "question": "Var ska biblioteksfilialen ligga?",
        "background": "Lokalen sägs upp 2027.",
        "open": "",
        "easy_read": "",
        "start": None,
        "end": None,
        "inputs": False,
        "case": "KS 2026/150",
    },
    {
        "title": "Ny sporthall – placering",
        "state": "cancelled",
        "kind": "citizen_dialogue",
        "level": "",
        "body": "KS",
        "dept": "Kommunledningsförvaltningen",
        "question": "Var ska den nya sporthallen byggas?",
        "background": "Investeringen sköts upp i budgeten.",
        "open": "",
        "easy_read": "",
        "start": None,
        "end": None,
        "inputs": False,
        "case": "KS 2026/61",
        "cancel": "Investeringen sköts upp till 2029 i budgeten, så frågan är inte aktuell nu.",
    },
    {
        "title": "Medborgarbudget 2027 – din kommundel",
        "state": "open",
        "kind": "citizen_dialogue",
        "level": "co_decision",
        "body": "KS",
        "dept": "Kommunledningsförvaltningen",
        "question": "Vad ska 500 000 kronor användas till i din kommundel och i hela kommunen?",
        "background": "Kommunfullmäktige har avsatt 60 000 kronor till varje kommundel och 200 000 kronor till hela kommunen.",
        "open": "Vilka förslag som får pengar.",
        "easy_read": "Du får rösta om vad pengarna ska användas till där du bor och i hela kommunen.",
        "start": -21,
        "end": 14,
        "inputs": True,
        "case": "KS 2026/140",
        "more_modules": [
            (
                "budgeting",
                "Rösta om medborgarbudgeten",
                "Välj de förslag du vill ha, i din kommundel och för hela kommunen, så länge pengarna räcker.",
            ),
        ],
    },
]

INPUTS = [
    (
        "Varmare vatten i barnbassängen",
        "Mina barn fryser efter tio minuter. Höj temperaturen i barnbassängen.",
        "Bassänger",
    ),
    (
        "Öppet på kvällar och helger",
        "Jag jobbar dagtid och hinner bara simma efter kl. 18. Ha öppet längre.",
        "Öppettider",
    ),
    (
        "Lift till bassängen",
        "Som rullstolsanvändare behöver jag en lift för att komma ner i vattnet.",
        "Tillgänglighet",
    ),
    (
        "Simskola för vuxna",
        "Många nyanlända vuxna har aldrig fått lära sig simma. Erbjud simskola för vuxna.",
        "Aktiviteter",
    ),
    ("Bastu med utsikt", "En bastu med fönster mot älven skulle locka fler besökare.", "Aktiviteter"),
    (
        "Billigare årskort för pensionärer",
        "Vattengympa är viktig för oss äldre. Sänk priset för pensionärer.",
        "Priser",
    ),
]

COMMENTS = [
    "Håller med! Det gäller även på helgerna.",
    "Bra idé, det behövs verkligen.",
    "Tänk också på ledsagare som behöver komma in gratis.",
]

# E-petitions: (title, text, category, status, signatures, days since submitted)
PROPOSAL_CATEGORIES = [
    ("Gator och trafik", "SBN", False),
    ("Skola och förskola", "BBN", False),
    ("Kultur och fritid", "KFU", False),
    ("Nationella minoriteter", "KS", True),
    ("Omsorg", "SN", False),
]

PROPOSALS = [
    {
        "title": "Belysning längs gång- och cykelvägen till Uddeholm",
        "text": "Gång- och cykelvägen mellan Hagfors och Uddeholm är helt mörk på vintern. Sätt upp belysning så att fler vågar cykla och gå året runt.",
        "category": "Gator och trafik",
        "status": "collecting",
        "signatures": 31,
        "days": 20,
    },
    {
        "title": "Utegym vid Älvstranden",
        "text": "Bygg ett enkelt utegym vid Älvstranden med räckhävsstänger och bänkar. Det blir en mötesplats för alla åldrar.",
        "category": "Kultur och fritid",
        "status": "threshold_reached",
        "signatures": 50,
        "days": 45,
    },
    {
        "title": "Finskspråkig sagostund på biblioteket",
        "text": "Hagfors är förvaltningsområde för finska. Ordna sagostund på finska en gång i månaden.",
        "category": "Nationella minoriteter",
        "status": "in_preparation",
        "signatures": 0,
        "days": 60,
    },
    {
        "title": "Fler papperskorgar i centrum",
        "text": "Det saknas papperskorgar längs Storgatan. Sätt upp fler, särskilt vid busstationen.",
        "category": "Gator och trafik",
        "status": "decided",
        "signatures": 52,
        "days": 200,
        "decision": "Samhällsbyggnadsnämnden beslutade att sätta upp tio nya papperskorgar längs Storgatan under 2026.",
    },
    {
        "title": "Hundrastgård i norra Hagfors",
        "text": "Vi hundägare i norra Hagfors behöver en inhägnad hundrastgård.",
        "category": "Kultur och fritid",
        "status": "closed_below_threshold",
        "signatures": 12,
        "days": 130,
    },
    {
        "title": "Längre öppettider på återvinningscentralen",
        "text": "Ha öppet till kl. 19 på torsdagar så att fler hinner lämna grovsopor efter jobbet.",
        "category": "Gator och trafik",
        "status": "under_review",
        "signatures": 0,
        "days": 2,
    },
]

# Citizen proposals the council referred to a board (remiss): one waits for the answer, one is answered.
REFERRED_PROPOSALS = [
    {
        "title": "Gratis busskort för pensionärer under vintern",
        "text": "Många äldre slutar gå ut när det är halt. Ge pensionärer gratis busskort från november till mars.",
        "board": "SBN",
        "days": 70,
        "referred_days": 20,
    },
    {
        "title": "Läxhjälp på biblioteket i Ekshärad",
        "text": "Ordna läxhjälp på biblioteket i Ekshärad två eftermiddagar i veckan, med frivilliga och lärare.",
        "board": "BBN",
        "days": 120,
        "referred_days": 60,
        "answered_after": 40,
        "answer": "Barn- och bildningsnämnden tillstyrker förslaget. Läxhjälpen kan starta till höstterminen med "
        "personal från skolan och frivilliga från Röda korset.",
    },
]
