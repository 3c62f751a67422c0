"""Realistic Swedish input on three topics, for tests of suggested themes (and as demo material)."""

PLAYGROUND = [
    ("Bättre lekplats", "Lekplatsen i parken är sliten. Gungorna är trasiga och barnen behöver en ny rutschkana."),
    ("Lekplatser för små barn", "Det behövs fler lekplatser för små barn, med sandlåda och gungor nära bänkarna."),
    (
        "Skugga på lekplatsen",
        "På sommaren blir lekplatsen för varm. Plantera träd så att barnen får skugga.",
    ),
    ("Gungor", "Mina barn älskar att gunga men gungan på lekplatsen har varit trasig i ett år."),
    ("Tillgänglig lek", "Lekplatserna borde vara tillgängliga för barn i rullstol, med en gunga alla kan använda."),
    ("Klätterställning", "En klätterställning och en större rutschkana skulle göra lekplatsen roligare för barnen."),
]
TRAFFIC = [
    ("Farlig korsning", "Bilarna kör för fort i korsningen vid skolan. Vi behöver ett övergångsställe och farthinder."),
    (
        "Trafiken på Storgatan",
        "Trafiken på Storgatan är för tung. Lastbilar och bilar kör fort förbi skolan.",
    ),
    ("Sänk hastigheten", "Sänk hastigheten till 30 km/h och bygg farthinder, så blir trafiken säkrare för cyklister."),
    ("Cykelbana", "Det saknas en cykelbana längs vägen. Cyklister måste cykla bland bilarna i trafiken."),
    ("Parkering", "Bilar parkerar på trottoaren och skymmer sikten i korsningen. Det är farligt i trafiken."),
    ("Trafikljus", "Ett trafikljus vid korsningen skulle göra det säkrare att gå över vägen när bilarna kör fort."),
]
LIBRARY = [
    ("Öppettider på biblioteket", "Biblioteket borde ha öppet på kvällar och helger så att fler kan låna böcker."),
    ("Fler böcker", "Biblioteket behöver fler böcker på andra språk, och ljudböcker för den som inte kan läsa."),
    ("Studieplatser", "Ge biblioteket fler studieplatser. Unga vill plugga och läsa i lugn och ro på biblioteket."),
    ("Bibliotek i byn", "Vi saknar ett bibliotek i byn. En bokbuss med böcker varannan vecka vore bra."),
    ("Läsecirklar", "Biblioteken kan ordna läsecirklar och sagostunder där barn och vuxna läser böcker tillsammans."),
    ("Låna böcker digitalt", "Det borde gå att låna fler e-böcker och ljudböcker från biblioteket i appen."),
]
TOPICS = {"playground": PLAYGROUND, "traffic": TRAFFIC, "library": LIBRARY}
