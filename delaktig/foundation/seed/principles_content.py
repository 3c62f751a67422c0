# ruff: noqa: E501 (long lines of prose are content, not code)
"""The first version of the principles, modelled on those Hagfors kommun adopted."""

TITLE = "Principer för medborgardialog"

BODY = """Genom att arbeta systematiskt med medborgardialog vill {name} bredda och förbättra underlaget inför beslut som påverkar invånarna. På längre sikt vill vi att dialogen skapar förtroende, förståelse och en känsla av sammanhang mellan invånare, förtroendevalda och tjänstepersoner.

Medborgardialog är organiserade dialoger mellan kommunens förtroendevalda och invånarna, som syftar till att ge ett bredare underlag inför beslut. Att bjuda in till medborgardialog innebär en skyldighet att göra något av det som kommer fram. Alla synpunkter kan inte tillgodoses, men det ska alltid finnas en vilja att låta synpunkterna ta plats på riktigt.

Medborgardialog är en politisk fråga. Den initieras av de förtroendevalda. Utskott, nämnder och kommunstyrelsen föreslår när medborgardialog ska hållas. Beslutet om att genomföra en medborgardialog fattas av {body}.

Medborgardialog skiljer sig från brukardialog. En brukardialog förs mellan tjänstepersoner och dem som använder en verksamhet, i syfte att förbättra verksamheten.

Våra principer

1. Vid politiska förslag till beslut som direkt berör invånarna ska medborgardialog alltid övervägas. Om ett beslut kräver medborgardialog ska det stå tidigt i tjänsteskrivelsen.

2. Medborgardialog ska genomföras när vi behöver veta vad invånarna tycker.

3. Det ska alltid finnas ett tydligt syfte och en tydlig grad av påverkan när vi beslutar om en dialog.

4. Vårt mål, vår målgrupp och vårt syfte avgör vilken typ av dialog vi genomför.

5. Förslag på frågor som passar för dialog lämnas av kommunfullmäktige, kommunstyrelsen, nämnder och utskott.

6. Olika metoder ska användas för att nå invånare som vanligtvis inte deltar.

7. När vi ändrar planer, program eller policyer som kan få väsentliga konsekvenser för invånarna ska vi alltid informera om det.

8. Det ska alltid framgå hur invånarnas åsikter och synpunkter kommer att behandlas och vilken påverkan de har.

9. Vi ska utvärdera och utveckla våra former för dialog löpande.

10. Vi ska alltid återkoppla till både deltagarna i våra dialoger och till allmänheten, via olika kanaler."""

EASY_READ = """Kommunen vill veta vad du tycker innan politikerna bestämmer saker som påverkar dig. Därför bjuder vi in till medborgardialog.

En medborgardialog är när politiker och invånare pratar om en fråga. Det du säger hjälper politikerna att bestämma.

Det här lovar vi dig:

Vi berättar alltid varför vi vill prata med dig.

Vi berättar hur mycket du kan påverka.

Vi berättar hur vi använder det du säger.

Vi försöker nå alla, även de som inte brukar vara med.

Vi berättar alltid vad som hände sen.

Vi tänker på hur vi kan bli bättre varje gång."""
