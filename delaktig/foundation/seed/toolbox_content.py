# ruff: noqa: E501 (long lines of prose are content, not code)
"""The toolbox a municipality starts with: twelve methods used in Swedish citizen dialogue.

Target groups are named by the English msgids of organisations.defaults.DEFAULT_TARGET_GROUPS; the seed
matches them to the municipality's groups by their Swedish names.
"""

ALL = "All residents"
YOUNG = "Young people"
OLDER = "Older people"
FOREIGN_BORN = "Foreign-born residents"
DISABILITIES = "People with disabilities"
MINORITIES = "National minorities"
FAMILIES = "Families with children"
BUSINESSES = "Businesses and associations"

METHODS = [
    {
        "slug": "enkat",
        "name": "Enkät",
        "summary": "Frågor med svarsalternativ som många kan svara på, på webben eller på papper.",
        "description": (
            "En enkät är en lista med frågor som invånarna svarar på själva, när det passar dem. "
            "Frågorna har oftast färdiga svarsalternativ och några öppna frågor där man skriver fritt.\n\n"
            "Enkäten kan finnas på webben, på papper i kommunens reception och biblioteket, och läsas upp "
            "för den som behöver. Svaren går att räkna och jämföra mellan grupper och områden."
        ),
        "when_to_use": (
            "När det finns färdiga förslag eller alternativ att ta ställning till och ni vill höra många. "
            "Passar sämre när frågan är ny och behöver diskuteras. Kombinera gärna med ett möte för att nå "
            "dem som inte svarar på enkäter."
        ),
        "ladder_levels": ["consultation"],
        "target_groups": [ALL, OLDER, FAMILIES, YOUNG],
        "effort": "low",
        "online": True,
        "in_person": True,
        "participation_method": "surveys",
    },
    {
        "slug": "medborgarpanel",
        "name": "Medborgarpanel",
        "summary": "En grupp invånare som speglar befolkningen och svarar på frågor flera gånger under en längre tid.",
        "description": (
            "En medborgarpanel är en grupp invånare som anmält sig eller valts ut för att spegla befolkningen "
            "i ålder, kön och bostadsområde. Panelen får frågor flera gånger per år och svarar anonymt.\n\n"
            "Eftersom samma personer svarar över tid kan kommunen se hur åsikter förändras. Panelen kan också "
            "bjudas in till fördjupande samtal om en viss fråga."
        ),
        "when_to_use": (
            "När ni vill följa invånarnas åsikter över tid eller snabbt få svar från en grupp som liknar "
            "befolkningen. Kräver rekrytering, vård av panelen och återkoppling efter varje omgång."
        ),
        "ladder_levels": ["consultation", "influence"],
        "target_groups": [ALL],
        "effort": "high",
        "online": True,
        "in_person": False,
        "participation_method": "citizen_panel",
    },
    {
        "slug": "dialogmote",
        "name": "Dialogmöte",
        "summary": "Ett möte där invånare och politiker samtalar om en fråga och lyssnar på varandra.",
        "description": (
            "Ett dialogmöte är ett möte där förtroendevalda och invånare möts för att samtala om en fråga. "
            "Mötet börjar med en kort bakgrund: vad frågan gäller, vad som går att påverka och vad som redan "
            "är bestämt. Sedan samtalar deltagarna, ofta i mindre grupper vid bord.\n\n"
            "Det som sägs antecknas och sammanställs. Politikerna lyssnar mer än de talar."
        ),
        "when_to_use": (
            "När frågan behöver diskuteras och olika argument vägas mot varandra. Passar bra tidigt i en "
            "process. Välj en lokal med god tillgänglighet och en tid som passar dem ni vill nå."
        ),
        "ladder_levels": ["dialogue"],
        "target_groups": [ALL, OLDER, FAMILIES, BUSINESSES],
        "effort": "medium",
        "online": False,
        "in_person": True,
        "participation_method": "dialogue_meetings",
    },
    {
        "slug": "varldscafe",
        "name": "Världscafé",
        "summary": "Samtal i små grupper vid bord, där deltagarna byter bord och bygger vidare på varandras idéer.",
        "description": (
            "I ett världscafé sitter deltagarna fyra eller fem vid varje bord och samtalar om en fråga. "
            "Efter en stund byter de bord, medan en värd stannar kvar och berättar vad förra gruppen kom fram "
            "till. På så sätt byggs idéerna på under kvällen.\n\n"
            "Deltagarna skriver eller ritar på pappersdukar. Till sist samlas alla och de viktigaste "
            "tankarna lyfts fram."
        ),
        "when_to_use": (
            "När ni vill få fram många idéer och låta människor med olika bakgrund mötas. Fungerar bra för "
            "öppna frågor om framtiden. Behöver bordsvärdar och gärna tolk om deltagarna talar olika språk."
        ),
        "ladder_levels": ["dialogue", "influence"],
        "target_groups": [ALL, YOUNG, FOREIGN_BORN],
        "effort": "medium",
        "online": False,
        "in_person": True,
        "participation_method": "",
    },
    {
        "slug": "fokusgrupp",
        "name": "Fokusgrupp",
        "summary": "Ett samtal i en liten grupp som leds av en samtalsledare, för att förstå en grupps erfarenheter.",
        "description": (
            "En fokusgrupp är ett samtal med sex till tio personer som har något gemensamt, till exempel "
            "ålder, språk eller erfarenhet. En samtalsledare ställer öppna frågor och ser till att alla får "
            "komma till tals.\n\n"
            "Samtalet ger djup förståelse för hur gruppen ser på en fråga, men svaren gäller inte för alla "
            "invånare."
        ),
        "when_to_use": (
            "När ni vill nå en grupp som sällan deltar på andra sätt och förstå deras behov. Träffas där "
            "gruppen redan finns, till exempel i en förening, på en skola eller på ett boende."
        ),
        "ladder_levels": ["consultation", "dialogue"],
        "target_groups": [YOUNG, FOREIGN_BORN, DISABILITIES, MINORITIES],
        "effort": "medium",
        "online": True,
        "in_person": True,
        "participation_method": "",
    },
    {
        "slug": "trygghetsvandring",
        "name": "Trygghetsvandring",
        "summary": "Invånare, politiker och tjänstepersoner går tillsammans genom ett område och pekar ut det som känns otryggt.",
        "description": (
            "På en trygghetsvandring går en grupp tillsammans genom ett bostadsområde, ett centrum eller en "
            "park, ofta när det är mörkt. Deltagarna stannar där de känner sig otrygga och berättar varför: "
            "dålig belysning, skymd sikt, trasiga gångvägar.\n\n"
            "Iakttagelserna skrivs ner med plats och blir en lista över åtgärder som kommunen och "
            "fastighetsägare återkopplar på."
        ),
        "when_to_use": (
            "När ett område ska rustas upp eller när invånare har sagt att de känner sig otrygga. Bjud in "
            "dem som använder platsen, till exempel unga, äldre och personer med funktionsnedsättning. "
            "Se till att vägen fungerar för den som använder rullstol."
        ),
        "ladder_levels": ["consultation", "dialogue"],
        "target_groups": [OLDER, YOUNG, DISABILITIES, FAMILIES],
        "effort": "medium",
        "online": False,
        "in_person": True,
        "participation_method": "",
    },
    {
        "slug": "kartdialog",
        "name": "Kartdialog",
        "summary": "Invånarna sätter ut synpunkter och förslag på en karta, på webben eller på en stor papperskarta.",
        "description": (
            "I en kartdialog markerar invånarna platser på en karta och skriver vad de tycker om platsen "
            "eller vad de önskar där. Det kan vara en karta på webben eller en stor utskriven karta på ett "
            "möte eller i biblioteket.\n\n"
            "Synpunkterna kopplas till en plats, vilket gör dem lätta att använda i planeringen. Den som inte "
            "kan använda kartan ska kunna beskriva platsen med ord i stället."
        ),
        "when_to_use": (
            "Vid frågor om platser: detaljplaner, gång- och cykelvägar, parker och lekplatser. Passar i ett "
            "tidigt skede innan förslaget är låst."
        ),
        "ladder_levels": ["consultation"],
        "target_groups": [ALL, YOUNG, FAMILIES],
        "effort": "low",
        "online": True,
        "in_person": True,
        "participation_method": "",
    },
    {
        "slug": "e-forslag",
        "name": "E-förslag",
        "summary": "Invånare lämnar egna förslag som andra kan skriva under; förslag med tillräckligt många underskrifter behandlas av politiken.",
        "description": (
            "Med e-förslag kan en invånare lämna ett förslag till kommunen på webben. Förslaget granskas och "
            "publiceras. Under en bestämd tid kan andra skriva under. Når förslaget gränsen för antal "
            "underskrifter blir det ett ärende som den ansvariga nämnden behandlar.\n\n"
            "Den som inte kan lämna förslaget digitalt kan få hjälp i kommunens kundtjänst."
        ),
        "when_to_use": (
            "Som en kanal som alltid är öppen, där invånarna själva väljer frågan. Kräver tydliga regler för "
            "vad som kan bli ett e-förslag och att förslagsställaren får besked om vad som händer."
        ),
        "ladder_levels": ["influence"],
        "target_groups": [ALL, YOUNG, BUSINESSES],
        "effort": "low",
        "online": True,
        "in_person": True,
        "participation_method": "",
    },
    {
        "slug": "samrad-om-dokument",
        "name": "Samråd om dokument",
        "summary": "Ett förslag till plan, program eller policy visas och alla kan lämna synpunkter under en bestämd tid.",
        "description": (
            "Vid ett samråd visar kommunen ett förslag, till exempel en översiktsplan, ett program eller en "
            "policy. Under samrådstiden kan alla läsa förslaget och lämna synpunkter, på webben, på papper "
            "eller vid ett öppet hus.\n\n"
            "Synpunkterna sammanställs i en redogörelse där kommunen svarar på dem och berättar vad som "
            "ändrats i förslaget."
        ),
        "when_to_use": (
            "När det finns ett skrivet förslag som ska beslutas och ni vill att berörda ska kunna påverka "
            "innehållet. Vissa samråd krävs enligt lag, till exempel enligt plan- och bygglagen. Tänk på att "
            "nationella minoriteter ska tillfrågas i frågor som berör dem."
        ),
        "ladder_levels": ["consultation"],
        "target_groups": [ALL, BUSINESSES, MINORITIES],
        "effort": "low",
        "online": True,
        "in_person": True,
        "participation_method": "consultations",
    },
    {
        "slug": "medborgarbudget",
        "name": "Medborgarbudget",
        "summary": "Invånarna föreslår och röstar om hur en del av kommunens budget ska användas.",
        "description": (
            "I en medborgarbudget bestämmer politikerna en summa pengar och ramar för vad den får användas "
            "till. Invånarna lämnar förslag, kommunen prövar om förslagen går att genomföra och vad de kostar, "
            "och sedan röstar invånarna.\n\n"
            "De förslag som får flest röster genomförs inom budgeten. Kommunen berättar löpande hur arbetet "
            "går."
        ),
        "when_to_use": (
            "När politikerna är beredda att låta invånarna bestämma på riktigt inom tydliga gränser, till "
            "exempel om upprustning i ett område. Kräver tid, pengar och ett tydligt beslut om ramarna."
        ),
        "ladder_levels": ["influence", "co_decision"],
        "target_groups": [ALL, YOUNG, FAMILIES],
        "effort": "high",
        "online": True,
        "in_person": True,
        "participation_method": "budgeting",
    },
    {
        "slug": "ungdomsdialog",
        "name": "Ungdomsdialog",
        "summary": "Dialog med unga på deras villkor: i skolan, på fritidsgården eller där unga redan finns.",
        "description": (
            "En ungdomsdialog är en dialog som är gjord för unga. Den hålls där unga redan är, till exempel "
            "i skolan, på fritidsgården eller i ett ungdomsråd, och använder arbetssätt som passar dem: "
            "korta samtal, bilder, omröstningar och workshoppar.\n\n"
            "Unga ska få veta vad frågan gäller, vad de kan påverka och när de får besked. Återkopplingen "
            "är extra viktig för att unga ska vilja delta igen."
        ),
        "when_to_use": (
            "När frågan berör barn och unga, vilket barnkonventionen kräver att ni tar hänsyn till. Planera "
            "tillsammans med skolor och fritidsledare och ge återkoppling inom några veckor."
        ),
        "ladder_levels": ["dialogue", "influence"],
        "target_groups": [YOUNG],
        "effort": "medium",
        "online": True,
        "in_person": True,
        "participation_method": "",
    },
    {
        "slug": "oppna-synpunkter-digitalt",
        "name": "Öppna synpunkter digitalt",
        "summary": "Invånarna skriver idéer och synpunkter på webben, stöttar varandras inlägg och kommenterar.",
        "description": (
            "Med öppna synpunkter ställer kommunen en fråga på webben och invånarna svarar med egna ord. "
            "Andra kan hålla med och kommentera. Synpunkter som kommer in på papper, på möten, via e-post eller "
            "telefon förs in av kommunens personal så att allt finns på samma ställe.\n\n"
            "Inläggen modereras enligt tydliga regler och sammanställs när dialogen stänger."
        ),
        "when_to_use": (
            "När ni vill samla in många idéer och låta invånarna se vad andra tycker. Fungerar bra som "
            "komplement till möten. Nå dem som inte är digitala genom att också ta emot synpunkter på papper."
        ),
        "ladder_levels": ["consultation", "dialogue"],
        "target_groups": [ALL, YOUNG, FAMILIES],
        "effort": "low",
        "online": True,
        "in_person": False,
        "participation_method": "open_input",
    },
]
