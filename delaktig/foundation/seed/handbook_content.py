# ruff: noqa: E501 (long lines of prose are content, not code)
"""The handbook a municipality starts with: four guides and four templates (plain text)."""

GUIDES = [
    {
        "slug": "vad-ar-en-medborgardialog",
        "title": "Vad är en medborgardialog?",
        "order": 1,
        "body_text": """En medborgardialog är en organiserad dialog mellan kommunens förtroendevalda och invånarna. Syftet är att politikerna ska få ett bredare underlag inför ett beslut.

Att bjuda in till dialog är ett löfte. Vi måste göra något med det som kommer fram och berätta för deltagarna vad vi gjorde. Det betyder inte att alla synpunkter kan bli verklighet, men de ska tas på allvar.

Medborgardialog är ett politiskt verktyg. Det är de förtroendevalda som tar initiativ till dialogen och som beslutar att den ska hållas. Resultatet blir en del av beslutsunderlaget, bredvid tjänsteskrivelsen.

Tre saker som ofta blandas ihop:

Medborgardialog: politiskt initierad, beslutad av ett politiskt organ, och resultatet är ett underlag inför ett beslut.

Brukardialog: tjänstepersoner samtalar med dem som använder en verksamhet, till exempel föräldrar i förskolan, för att förbättra verksamheten.

Information: kommunen berättar om något som redan är bestämt. Det är ingen dialog, eftersom ingen kan påverka. Kalla det inte dialog.

Innan du föreslår en dialog, fråga dig: Går frågan att påverka? Är det vi som beslutar den? Finns det tid att använda svaren innan beslutet fattas? Om svaret är nej på någon av frågorna ska vi informera i stället.""",
    },
    {
        "slug": "styrmodellen-steg-for-steg",
        "title": "Styrmodellen steg för steg",
        "order": 2,
        "body_text": """Vi arbetar med medborgardialog enligt SKR:s styrmodell. Den gör dialogen till en del av den politiska styrningen i stället för ett sidospår.

Grunden, för hela kommunen:
Principer och löften till invånarna som fullmäktige har antagit. En organisation med en samordnare för dialogerna. En verktygslåda med metoder. Den här handboken med mallar.

För varje dialog:

1. Fråga och analys. En nämnd, ett utskott eller kommunstyrelsen föreslår en fråga. Den ansvariga förvaltningen fyller i checklistan: syfte, vad som går att påverka, vilka målgrupper vi vill nå och hur vi ger återkoppling.

2. Politiskt beslut. Det organ som beslutar om medborgardialoger i vår kommun fattar beslut om att dialogen ska hållas. Beslutet registreras med datum, paragraf och diarienummer. Från och med beslutet gäller de principer som var antagna den dagen.

3. Planering. Vi bestämmer nivå på delaktighetstrappan, målgrupper, metoder, tider, kontaktperson och hur synpunkterna ska användas. Allt detta visas för invånarna innan dialogen öppnar.

4. Dialogen. Dialogen är öppen under den tid vi har lovat. Synpunkter som kommer in på papper eller på möten förs in så att allt finns på ett ställe.

5. Sammanställning. När dialogen stänger sammanställer vi resultatet och publicerar det. Resultatet blir en del av beslutsunderlaget.

6. Beslut i ärendet. Politikerna fattar beslut. Vi beskriver vad som beslutades och hur synpunkterna påverkade.

7. Återkoppling. Vi berättar för deltagarna och för allmänheten vad som hände. Återkopplingen ska komma inom den tid kommunen har bestämt.

8. Utvärdering. Vi utvärderar dialogen: nådde vi dem vi ville nå, höll vi vad vi lovade, vad gör vi bättre nästa gång?

I plattformen motsvarar varje steg en status på dialogen. Sidan för dialogen visar alltid vad som saknas för nästa steg.""",
    },
    {
        "slug": "delaktighetstrappan",
        "title": "Delaktighetstrappan",
        "order": 3,
        "body_text": """Delaktighetstrappan visar hur mycket invånarna kan påverka i en dialog. Varje dialog ska säga, öppet, vilket steg den ligger på. Då vet deltagarna vad de kan förvänta sig.

SKR:s trappa har fem steg:

Information: Kommunen informerar. Invånarna kan inte påverka beslutet. Det är inte en dialog.

Konsultation: Invånarna tycker till om färdiga förslag eller alternativ, till exempel i en enkät eller ett samråd.

Dialog: Invånare och politiker samtalar och utbyter argument, till exempel på ett dialogmöte eller i ett världscafé.

Inflytande: Invånarna deltar under en längre tid och är med och formar förslagen, till exempel i en panel eller en workshopserie.

Medbestämmande: Invånarna bestämmer själva inom ramar som politikerna har satt, till exempel i en medborgarbudget.

Så väljer ni steg:
Välj det steg ni faktiskt kan hålla. Det är bättre att lova konsultation och hålla det, än att lova inflytande och sedan fatta beslutet utan att använda synpunkterna.
Högre steg kräver mer tid, både av invånarna och av politikerna.
En dialog kan använda flera metoder, men den lovar ett steg.

Vår kommun kan ha valt en annan trappa, till exempel Boverkets med fyra steg. Den som gäller syns under Inställningar.""",
    },
    {
        "slug": "att-na-dem-som-sallan-deltar",
        "title": "Att nå dem som sällan deltar",
        "order": 4,
        "body_text": """Våra principer säger att vi ska använda olika metoder för att nå invånare som vanligtvis inte deltar. Den som kommer till ett kvällsmöte i stadshuset är sällan ung, nyinflyttad eller har en funktionsnedsättning.

Grupper som ofta saknas:
Unga. Barn och unga har rätt att komma till tals i frågor som berör dem.
Utrikes födda, särskilt de som inte läser svenska.
Personer med funktionsnedsättning.
Nationella minoriteter: judar, romer, samer, sverigefinnar och tornedalingar. De ska enligt lag tillfrågas i frågor som berör dem.
Personer som arbetar kvällar, har små barn eller saknar tid.

Så gör ni:
Gå dit människor redan finns: skolor, fritidsgårdar, föreningar, språkcaféer, mötesplatser för äldre.
Samarbeta med föreningar och nyckelpersoner som gruppen litar på.
Erbjud flera sätt att delta: webben, papper, telefon och möten.
Skriv kort och enkelt. Gör en lättläst version och översätt när det behövs.
Välj tillgängliga lokaler och tider. Fråga om behov av tolk, hörslinga eller annat stöd.
Ersätt tid för dem som ger mycket, till exempel med fika eller en liten gåva om det är tillåtet.

Följ upp:
Räkna vilka som deltog, till exempel efter ålder och bostadsområde, och jämför med befolkningen. Skriv i utvärderingen vilka grupper vi nådde och vilka vi missade, och vad vi gör annorlunda nästa gång.""",
    },
]

INVITATION = """Ämnesrad: Vad tycker du om [frågan]? Välkommen att delta

Hej!

[Namn på nämnd eller styrelse] vill veta vad du tycker om [frågan]. Det du säger blir en del av underlaget när politikerna fattar beslut i frågan [ungefär när].

Det här kan du påverka:
[Beskriv kort vad som är öppet för påverkan.]

Det här är redan bestämt:
[Beskriv kort vad som inte går att ändra, till exempel budget eller lagkrav.]

Så mycket kan du påverka:
Dialogen är på nivån [nivå på delaktighetstrappan]. Det betyder att [förklara med en mening].

Så deltar du:
På webben: [länk], senast [datum].
På möte: [datum] kl. [tid] i [lokal, adress]. Lokalen är tillgänglig för rullstol och har hörslinga. Säg till om du behöver tolk eller annat stöd senast [datum].
På papper: Hämta en blankett i [reception eller bibliotek].

Vad händer sen?
Vi sammanställer alla synpunkter och publicerar resultatet senast [datum]. Politikerna beslutar i [organ] [ungefär när]. Därefter berättar vi vad som beslutades och hur synpunkterna påverkade.

Har du frågor? Kontakta [namn], [e-post], [telefon].

Välkommen!
[Namn]
[Nämnd eller förvaltning], [kommunens namn]"""

FEEDBACK = """Ämnesrad: Så blev det: [dialogens namn]

Hej!

Tack för att du deltog i dialogen om [frågan]. Här berättar vi vad som hände med det du och andra sa.

Så många deltog:
[Antal] personer deltog, på webben, på möten och på papper. Vi nådde särskilt [grupper]. Vi nådde färre [grupper] än vi hade hoppats.

Det här sa ni:
[Tre till fem viktigaste resultaten, med enkla ord.]

Det här beslutades:
[Organ] beslutade den [datum], [paragraf], att [beslutet i korthet].

Så påverkade era synpunkter:
[Beskriv konkret vad som ändrades eller lades till tack vare synpunkterna.]
[Beskriv också vad som inte blev som många önskade, och varför.]

Det här händer nu:
[Nästa steg och när de sker.]

Hela sammanställningen och beslutet finns på [länk]. Diarienummer: [nummer].

Har du frågor? Kontakta [namn], [e-post], [telefon].

Med vänlig hälsning
[Namn]
[Nämnd eller förvaltning], [kommunens namn]"""

EVALUATION = """Fyll i tillsammans: den som ledde dialogen, en politiker från den nämnd som tog initiativet och gärna demokratisamordnaren. Utvärderingen publiceras på dialogens sida.

Dialog: [namn]
Diarienummer: [nummer]
Datum för utvärderingen: [datum]

1. Syfte
Vilket var syftet? Uppnådde vi det? (Ja / Delvis / Nej) Förklara.

2. Löftet om inflytande
Vilket steg på delaktighetstrappan lovade vi? Höll vi det? Förklara.

3. Deltagande
Hur många deltog, och i vilka kanaler?
Vilka målgrupper ville vi nå? Vilka nådde vi? Vilka saknades?
Hur stämmer deltagarna med befolkningen i ålder, kön och område?

4. Metoder
Vilka metoder använde vi? Vad fungerade bra? Vad fungerade mindre bra?

5. Tillgänglighet
Fanns lättläst version, andra språk, tillgängliga lokaler? Fick vi frågor om stöd som vi inte kunde ge?

6. Användning av resultatet
Kom resultatet med i beslutsunderlaget i tid? Hur påverkade det beslutet?

7. Återkoppling
Gav vi återkoppling inom den tid vi lovat? Hur nådde vi deltagarna och allmänheten?

8. Resurser
Hur mycket tid och pengar gick åt? Var det rimligt?

9. Deltagarnas syn
Vad sa deltagarna om dialogen? (Gärna en kort enkät efteråt med frågorna: Förstod du vad du kunde påverka? Kände du dig lyssnad på? Fick du veta vad som hände sen?)

10. Lärdomar
Vad gör vi likadant nästa gång? Vad gör vi annorlunda?"""

DECISION_BASIS = """Den här mallen styr beslutsunderlaget (tjänsteskrivelsen) som Delaktig skapar efter en medborgardialog. Varje avsnitt börjar med en rad i hakparenteser. Du kan flytta avsnitten, skriva en annan rubrik efter hakparentesen och skriva en fast text under den. Den fasta texten står först i avsnittet i varje beslutsunderlag. Avsnitt som saknas här kommer sist. Texten ovanför den första hakparentesen kommer inte med i dokumentet.

[bakgrund] Ärendet
[forslag-till-beslut] Förslag till beslut
Förvaltningen föreslår att nämnden beslutar
[dialogen] Medborgardialogen
Kommunen har hållit en medborgardialog i frågan. Resultatet är en del av underlaget för beslutet, bredvid förvaltningens utredning.
[deltagande] Deltagande och representativitet
[teman] Det här sa deltagarna
[raknade-svar]
[samrad]
[dokument]
[bedomning] Förvaltningens bedömning
[barnkonsekvenser] Barnkonsekvensanalys
Enligt barnkonventionen, som är svensk lag, ska barnets bästa beaktas i alla beslut som rör barn.
[underskrift]
[bilagor]"""

CHECKLIST_INTRO = """Använd checklistan när en fråga föreslås för medborgardialog. Den ifyllda checklistan är underlaget när det beslutande organet tar ställning. Svara kort och konkret. Frågor du inte kan svara på ännu visar vad som behöver utredas."""

TEMPLATES = [
    {"slug": "mall-inbjudan", "title": "Mall: Inbjudan till medborgardialog", "order": 2, "body_text": INVITATION},
    {"slug": "mall-aterkoppling", "title": "Mall: Återkoppling till deltagare", "order": 3, "body_text": FEEDBACK},
    {"slug": "mall-utvardering", "title": "Mall: Utvärdering av medborgardialog", "order": 4, "body_text": EVALUATION},
    {"slug": "mall-beslutsunderlag", "title": "Mall: Beslutsunderlag", "order": 5, "body_text": DECISION_BASIS},
]
CHECKLIST_SLUG = "mall-checklista"
CHECKLIST_TITLE = "Mall: Checklista inför beslut om medborgardialog"
