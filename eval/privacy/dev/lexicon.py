# -*- coding: utf-8 -*-
"""Word lists for the Wijkwijzer privacy DEVELOPMENT set (see generate.py).

All children's names below are invented combinations of common given names and
surnames; any resemblance to a real child is accidental.  Names are grouped by
the communities that live in Den Haag, Leidschendam-Voorburg and Rijswijk.
Each group: m = boys' names, f = girls' names, s = surnames.
"""

NAMES = {
    "nederlands": {
        "m": ["Daan", "Sem", "Jesse", "Mees", "Guus", "Thijmen", "Bram", "Sven", "Jip", "Noud",
              "Job", "Wolf", "Storm", "Teun", "Jurre", "Siem", "Ties", "Tygo", "Cas", "Bo"],
        "f": ["Lieke", "Fenna", "Tess", "Saar", "Floor", "Lotte", "Evi", "Fleur", "Roos", "Sterre",
              "Merel", "Noor", "Lieve", "Iris", "Puck", "Pien", "Nova", "Jade", "Amber", "Lente"],
        "s": ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "de Jong", "van der Meer",
              "Mulder", "Vos", "Kok", "de Wit", "Groen", "van den Heuvel", "Hoekstra", "Prins"],
    },
    "marokkaans": {
        "m": ["Mohamed", "Mo", "Ilyas", "Yassine", "Anouar", "Bilal", "Ayoub", "Hamza", "Zakaria",
              "Imran", "Rayan", "Amine", "Walid", "Oussama", "Ziyad", "Soufian", "Nassim", "Achraf"],
        "f": ["Fatima", "Khadija", "Salma", "Nour", "Imane", "Yasmina", "Hiba", "Malak", "Aya",
              "Douae", "Chaimae", "Ikram", "Hajar", "Meryem", "Sanae", "Rania", "Safae", "Wissal"],
        "s": ["El Amrani", "Boukhari", "El Khattabi", "Aarab", "Zaoui", "Chakir", "Ait Taleb",
              "El Ouardi", "Haddouchi", "Akhiat", "Tahiri", "Mourabit", "Bakkali", "Ouahabi", "Azaouagh"],
    },
    "turks": {
        "m": ["Emir", "Yusuf", "Eymen", "Mert", "Kerem", "Alperen", "Efe", "Berat", "Çağan", "Göktuğ",
              "Deniz", "Umut", "Hüseyin", "Ömer", "Oğuz", "Yiğit", "Burak", "Kaan"],
        "f": ["Zeynep", "Elif", "Ecrin", "Ebrar", "Defne", "Nisanur", "Eylül", "Öykü", "Büşra",
              "Şevval", "İlayda", "Ayşe", "Gülsüm", "Sıla", "Melis", "Eda", "Nehir", "Zümra"],
        "s": ["Yılmaz", "Öztürk", "Kaya", "Şahin", "Aydın", "Arslan", "Doğan", "Kılıç", "Aslan",
              "Güneş", "Özdemir", "Yıldırım", "Çakır", "Korkmaz", "Bozkurt"],
    },
    "hindoestaans": {
        "m": ["Ravi", "Rohan", "Vishal", "Sunil", "Deepak", "Ashwin", "Radjesh", "Sanjay", "Arjun",
              "Rishi", "Aniel", "Girish", "Kishan", "Navin", "Soeresh"],
        "f": ["Shivani", "Anjali", "Kavita", "Nandini", "Shanti", "Devika", "Kiran", "Nisha",
              "Reshma", "Varsha", "Sita", "Anoushka", "Radha", "Tanisha"],
        "s": ["Ramsaran", "Mahabier", "Bhagwandin", "Soekhai", "Lachman", "Ramautar", "Kalloe",
              "Jadnanansing", "Sewtahal", "Baldewsingh", "Bissumbhar", "Ramkhelawan", "Gobardhan",
              "Kanhai", "Parbhudayal"],
    },
    "surinaams": {   # Creools en Javaans-Surinaams
        "m": ["Jairzinho", "Quincy", "Shaquille", "Gianni", "Dinesh", "Sergino", "Romeo", "Lorenzo"],
        "f": ["Dinaisha", "Shantel", "Chelsey", "Rowena", "Sharona", "Dewi", "Naisha", "Kimberley"],
        "s": ["Pinas", "Sedney", "Kasanmoentalib", "Kromodimedjo", "Karsoredjo", "Wongsodikromo",
              "Biharie", "Eersel", "Fernandes Pinas"],
    },
    "antilliaans": {
        "m": ["Jurick", "Shurandy", "Jaïro", "Roshandy", "Jerzinho", "Rigino", "Kenrick", "Rudsel",
              "Jerzaino", "Urvin", "Dwayne", "Giandro"],
        "f": ["Shurensly", "Dyonne", "Sharina", "Shanaya", "Giselle", "Naomy", "Shenaida",
              "Crystalyn", "Shantiël", "Yurishka", "Analisa"],
        "s": ["Martina", "Rosaria", "Isenia", "Winklaar", "Maduro", "Koeiman", "Croes", "Statia",
              "Bernadina", "Ignacio", "Wawoe", "Anthonia", "Felipa"],
    },
    "kaapverdisch": {
        "m": ["Ednilson", "Ailton", "Nelsinho", "Wanderson", "Nilton", "Djaniny", "Kevy", "Adilson",
              "Elton"],
        "f": ["Jandira", "Djenifer", "Elisângela", "Djamila", "Nilda", "Eliana", "Suzy", "Ivanilda",
              "Keila"],
        "s": ["Tavares", "Semedo", "Lopes", "Fortes", "Monteiro", "Delgado", "Gomes", "Rodrigues",
              "Soares", "Andrade", "Brito", "da Graça", "dos Santos", "Évora"],
    },
    "pools": {
        "m": ["Kacper", "Szymon", "Jakub", "Wiktor", "Bartosz", "Mikołaj", "Filip", "Oliwier",
              "Igor", "Krzyś", "Tymon", "Antoni", "Franek"],
        "f": ["Zuzanna", "Oliwia", "Wiktoria", "Łucja", "Maja", "Hanna", "Natalia", "Gabriela",
              "Małgosia", "Amelia", "Lena", "Pola"],
        "s": ["Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamińska", "Lewandowski",
              "Zieliński", "Szymańska", "Woźniak", "Dąbrowski", "Kozłowska", "Jankowski", "Mazur",
              "Krawczyk", "Grabowski"],
    },
    "bulgaars": {
        "m": ["Georgi", "Dimitar", "Ivaylo", "Stoyan", "Hristo", "Kaloyan", "Nikolay", "Kristiyan",
              "Bozhidar", "Ayhan", "Fikret", "Sevgin"],
        "f": ["Yoana", "Desislava", "Gergana", "Radostina", "Tsvetelina", "Emiliya", "Preslava",
              "Siyana", "Nurten", "Ralitsa"],
        "s": ["Ivanov", "Petrova", "Dimitrov", "Georgieva", "Stoyanov", "Todorova", "Hristov",
              "Angelova", "Kolev", "Yordanova", "Mihaylov", "Nikolova", "Mehmedov"],
    },
    "roemeens": {
        "m": ["Andrei", "Ionuț", "Mihai", "Darius", "Raul", "Ștefan", "Cosmin", "Florin", "Rareș",
              "Sebastian", "Vlad"],
        "f": ["Bianca", "Ioana", "Andreea", "Alexia", "Denisa", "Larisa", "Daria", "Sorina",
              "Teodora", "Ilinca", "Bogdana"],
        "s": ["Popescu", "Ionescu", "Constantin", "Dumitru", "Stoica", "Gheorghe", "Rusu",
              "Munteanu", "Moldovan", "Lungu", "Ciobanu", "Mocanu", "Țurcanu", "Băluță"],
    },
    "oekraiens": {
        "m": ["Oleksandr", "Sasha", "Mykola", "Taras", "Bohdan", "Danylo", "Artem", "Maksym",
              "Yaroslav", "Oleh", "Matviy"],
        "f": ["Sofiia", "Anastasiia", "Nastya", "Solomiia", "Zlata", "Vira", "Oksana",
              "Kateryna", "Dariia", "Myroslava", "Veronika", "Polina"],
        "s": ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk",
              "Oliynyk", "Boyko", "Polishchuk", "Savchuk", "Lysenko", "Hnatiuk", "Kovalchuk"],
    },
    "syrisch": {
        "m": ["Omar", "Khaled", "Tarek", "Abdulrahman", "Majd", "Yamen", "Ghaith", "Qusai", "Ward",
              "Aboud", "Louay"],
        "f": ["Rama", "Lana", "Sham", "Judy", "Layan", "Shahed", "Raghad", "Tala", "Jana", "Hala",
              "Bayan", "Joud"],
        "s": ["Al-Hassan", "Alkhatib", "Haddad", "Al Masri", "Kabbani", "Hamwi", "Alshami",
              "Darwish", "Halabi", "Jaber", "Sabbagh", "Nahas"],
    },
    "afghaans": {
        "m": ["Farhad", "Jawad", "Sohrab", "Mansoor", "Navid", "Parwiz", "Zabihullah", "Wahid",
              "Hamid", "Ahmad Shah", "Edris"],
        "f": ["Mursal", "Zarghona", "Parwana", "Freshta", "Mahtab", "Laila", "Shabnam", "Nazanin",
              "Sadaf", "Marwa", "Arezo", "Hasina"],
        "s": ["Ahmadi", "Hakimi", "Rahimi", "Karimi", "Noori", "Sultani", "Haidari", "Popal",
              "Stanikzai", "Wardak", "Amiri", "Sharifi", "Hotak"],
    },
    "eritrees": {
        "m": ["Yonas", "Filmon", "Semere", "Dawit", "Biniam", "Mussie", "Robel", "Yohannes",
              "Merhawi", "Nahom", "Aron"],
        "f": ["Senait", "Selam", "Saba", "Luwam", "Ruta", "Feven", "Meron", "Winta", "Hiwet",
              "Yordanos", "Eden", "Lidya", "Segen"],
        "s": ["Tesfaye", "Haile", "Ghebremedhin", "Kidane", "Berhane", "Tekle", "Weldemichael",
              "Gebremariam", "Mehari", "Yemane", "Habte", "Asmerom", "Tsegai"],
    },
    "somalisch": {
        "m": ["Abdi", "Abdirahman", "Mahad", "Liban", "Guled", "Yahye", "Abdullahi", "Bashir",
              "Abdiwali", "Khadar"],
        "f": ["Hodan", "Ifrah", "Sagal", "Hamdi", "Nasteho", "Fadumo", "Deeqa", "Ilhan", "Ubah",
              "Hibaaq", "Sahra", "Farhiya", "Ayaan"],
        "s": ["Warsame", "Farah", "Mohamud", "Jama", "Osman", "Aden", "Hirsi", "Egal", "Dualeh",
              "Abdillahi", "Elmi"],
    },
    "chinees": {
        "m": ["Wei", "Hao", "Jun", "Ming", "Yi", "Haoran", "Yichen", "Zihan", "Yuxuan", "Kai",
              "Jiahao"],
        "f": ["Li", "Mei", "Lin", "Xin", "Jiayi", "Ruoxi", "Xinyi", "Shu", "Yan", "An", "Xiaotong"],
        "s": ["Chen", "Wang", "Zhang", "Liu", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Lam",
              "Cheung", "Wong", "Chan", "Zheng"],
    },
    "indonesisch": {   # incl. Indisch en Moluks
        "m": ["Bayu", "Rizky", "Adi", "Budi", "Rangga", "Yosua", "Melki", "Agus", "Dimas", "Ayo"],
        "f": ["Putri", "Ayu", "Wulan", "Intan", "Indah", "Sari", "Febe", "Josina", "Citra",
              "Nadia"],
        "s": ["Wijaya", "Santoso", "Hartono", "Siregar", "Manuhutu", "Pattinama", "Tahitu",
              "Latumahina", "Wattimena", "Sopacua", "Nanlohy", "Sahertian"],
    },
    "iraaks": {
        "m": ["Hussein", "Abbas", "Haider", "Sajjad", "Muntadhar", "Ammar", "Ali", "Mustafa",
              "Murtadha", "Hassanain"],
        "f": ["Zainab", "Maryam", "Ruqaya", "Zahraa", "Ban", "Dhuha", "Taiba", "Baneen", "Hawraa",
              "Yaqeen", "Fatimah"],
        "s": ["Al-Jaburi", "Al-Saadi", "Al-Tamimi", "Al-Musawi", "Kadhim", "Jassim", "Hashim",
              "Abdulkarim", "Al-Khafaji", "Al-Rubaie", "Al-Obaidi", "Mahdi"],
    },
    "koerdisch": {
        "m": ["Baran", "Azad", "Shivan", "Serhat", "Renas", "Kawa", "Soran", "Rêzan", "Welat",
              "Zagros", "Hozan", "Dara"],
        "f": ["Rojin", "Rojda", "Berivan", "Dilan", "Hêvî", "Zilan", "Delal", "Jiyan", "Ronahî",
              "Avesta", "Helin", "Mizgîn", "Berfin", "Bahar"],
        "s": ["Xelîl", "Zaxoyî", "Dosky", "Amedi", "Hawrami", "Baban", "Sindi", "Mizuri",
              "Bervari", "Goran", "Zebari", "Ekinci"],
    },
    "ghanees": {
        "m": ["Kwame", "Kofi", "Kwabena", "Yaw", "Kwaku", "Kojo", "Kwasi", "Kweku", "Nii", "Ekow",
              "Fiifi", "Blessing"],
        "f": ["Ama", "Akosua", "Abena", "Adwoa", "Afua", "Yaa", "Efua", "Nana", "Esi", "Adjoa",
              "Maame", "Nhyira", "Gifty", "Precious", "Mercy"],
        "s": ["Mensah", "Owusu", "Boateng", "Asante", "Osei", "Appiah", "Agyeman", "Amoah",
              "Ofori", "Antwi", "Darko", "Addo", "Danso", "Acheampong", "Frimpong", "Boakye"],
    },
}

# The country / language that goes with each group (for realistic context).
ORIGIN_COUNTRY = {
    "nederlands": ["Spanje", "Frankrijk"], "marokkaans": ["Marokko"], "turks": ["Turkije"],
    "hindoestaans": ["Suriname", "India"], "surinaams": ["Suriname"],
    "antilliaans": ["Curaçao", "Aruba", "Bonaire"], "kaapverdisch": ["Kaapverdië", "Portugal"],
    "pools": ["Polen"], "bulgaars": ["Bulgarije"], "roemeens": ["Roemenië"],
    "oekraiens": ["Oekraïne"], "syrisch": ["Syrië", "Turkije"], "afghaans": ["Afghanistan", "Iran"],
    "eritrees": ["Eritrea", "Ethiopië"], "somalisch": ["Somalië", "Kenia"], "chinees": ["China"],
    "indonesisch": ["Indonesië"], "iraaks": ["Irak"], "koerdisch": ["Irak", "Turkije", "Syrië"],
    "ghanees": ["Ghana"],
}
ORIGIN_LANGUAGE = {
    "nederlands": ["Nederlands"], "marokkaans": ["Tamazight", "Arabisch"], "turks": ["Turks"],
    "hindoestaans": ["Sarnami", "Hindi"], "surinaams": ["Sranantongo", "Javaans"],
    "antilliaans": ["Papiaments"], "kaapverdisch": ["Kaapverdisch Creools", "Portugees"],
    "pools": ["Pools"], "bulgaars": ["Bulgaars", "Turks"], "roemeens": ["Roemeens"],
    "oekraiens": ["Oekraïens", "Russisch"], "syrisch": ["Arabisch"], "afghaans": ["Dari", "Pashto"],
    "eritrees": ["Tigrinya"], "somalisch": ["Somalisch"], "chinees": ["Mandarijn", "Kantonees"],
    "indonesisch": ["Bahasa Indonesia"], "iraaks": ["Arabisch"], "koerdisch": ["Koerdisch", "Sorani"],
    "ghanees": ["Twi", "Engels"],
}

# Knowledge-base names (clean by definition of the brief).
SCHOOLS = [
    "IKC De Vliegerwolk", "Basisschool Het Propellerpad", "OBS De Hangaarduil",
    "Kindcentrum De Zweefmeeuw", "Basisschool De Veenlantaarn", "IKC Het Polderkompas",
    "Basisschool De Netboetster", "OBS De Zeekraalhoek", "CBS Het Pierlicht",
    "Kindcentrum De Strandvlo", "Basisschool De Duinkrekel", "OBS Het Geuzenlampje",
    "Basisschool De Schilderskist", "IKC De Penseelvis", "OBS De Transvaalvink",
    "Basisschool Het Hofvijverhuis", "CBS De Stationsspreeuw", "Kindcentrum De Zeeheldenloods",
    "Basisschool De Rivierparel", "Basisschool De Vlietkrab", "CBS De Jaagpadreiger",
    "Kindcentrum De Heuvelhommel", "IKC De Weidegrutto", "OBS De Forumschelp",
    "Basisschool Het Huygenslampje", "IKC De Bovenveense Wilg", "Basisschool De Moerkikker",
    "IKC De Vroegvogelkring", "CBS De Uithofuil", "Basisschool Het Slotenspoor",
    "Kindcentrum De Leyenlinde", "OBS De Laakmeerkoet", "SBO Het Spoorwiel",
    "Basisschool De Papaverklok", "OBS De Regentessekroon", "IKC De Valkenveer",
    "Basisschool De Abdijmus", "IKC De Boschwachtster", "OBS De Marlotmerel",
    "Basisschool De Herenpomp", "OBS Het Wervepoortje", "IKC De Sionskievit",
    "Basisschool De Voorderster", "SBO De Plaspoelpieper",
]
BESTUREN = ["Stichting Duin en Veen", "Vereniging Helmgras Scholengroep", "Stichting Kustlicht Primair",
            "Stichting Vlietoever Onderwijs", "Stichting Zandwal Kindcentra", "Stichting Knotsenburg Primair"]
WIJKEN = [
    "Ypenburg", "Leidschenveen", "Scheveningen", "Duindorp", "Belgisch Park", "Duinoord",
    "het Statenkwartier", "de Schilderswijk", "Transvaal", "het Centrum", "de Stationsbuurt",
    "het Zeeheldenkwartier", "de Rivierenbuurt", "Damsigt", "Prinsenhof", "De Heuvel", "Stompwijk",
    "Voorburg-West", "Voorburg-Noord", "Bovenveen", "Moerwijk", "Morgenstond", "Bouwlust",
    "Vrederust", "Wateringse Veld", "Leyenburg", "Laakkwartier", "Spoorwijk", "de Bomenbuurt",
    "de Bloemenbuurt", "het Regentessekwartier", "het Valkenboskwartier", "Loosduinen",
    "Bezuidenhout", "Mariahoeve", "Marlot", "Oud Rijswijk", "Te Werve", "RijswijkBuiten",
    "Stervoorde", "Plaspoelpolder", "Rustenburg", "Oostbroek", "Kijkduin", "Waldeck",
    "de Vogelwijk", "Archipelbuurt", "Binckhorst", "Hoornwijk", "het Haantje", "Leeuwendaal",
]
KB_ORGS = ["SWV Kust & Vliet", "het Expertisepunt Kust & Vliet", "SMW Haaglanden", "SMW Vliet en Veen",
           "CJG Den Haag", "CJG Rijswijk", "CJG Leidschendam-Voorburg", "Leerplicht Den Haag",
           "Leerplicht Rijswijk", "Jeugdteam Den Haag Escamp", "Jeugdteam Den Haag Laak",
           "Jeugdteam Den Haag Centrum", "Jeugdteam Rijswijk", "het Lokaal team Leidschendam-Voorburg",
           "Veilig Thuis Haaglanden", "Jeugdteam Den Haag Segbroek", "Jeugdteam Den Haag Haagse Hout"]

# Real Den Haag / Rijswijk / Leidschendam-Voorburg streets (used with a number only in pii).
STREETS = [
    "Hoefkade", "Vaillantlaan", "Paul Krugerlaan", "Jan van der Heijdenstraat", "Hobbemastraat",
    "Parallelweg", "Van der Vennestraat", "De la Reyweg", "Loosduinseweg", "Leyweg", "Escamplaan",
    "Moerweg", "Zuiderparklaan", "Heeswijkplein", "Laakweg", "Rijswijkseweg", "Fahrenheitstraat",
    "Weimarstraat", "Thomsonlaan", "Stuwstraat", "Generaal Spoorlaan", "Steenvoordelaan",
    "Van Vredenburchweg", "Prinses Irenelaan", "Fonteynenburghlaan", "Koningin Julianalaan",
    "Heuvelweg", "Burgemeester Banninglaan", "Schalk Burgerstraat", "Kempstraat", "Delftselaan",
    "Beresteinlaan", "Melis Stokelaan", "Zichtenburglaan", "Meppelweg", "Dedemsvaartweg",
    "Lisztstraat", "Erasmusweg", "Soestdijksekade", "Oude Haagweg", "Vreeswijkstraat",
    "Troelstrakade", "Wagenstraat", "Herman Costerstraat", "Fruitweg", "Regentesselaan",
    "Newtonstraat", "Elandstraat", "Spaarwaterstraat", "Duinstraat", "Keizerstraat",
    "Westduinweg", "Nieboerweg", "Hooftskade", "Kaapstraat", "Pretoriusstraat",
]
CITIES_NL = ["Den Haag", "Rijswijk", "Voorburg", "Leidschendam", "'s-Gravenhage", "Rijswijk ZH"]

# --------------------------- near-miss vocabulary (clean) ---------------------------
ORGS = ["Stichting Leergeld", "Youz", "Horizon", "het Jeugdfonds Sport & Cultuur", "de Voedselbank",
        "VluchtelingenWerk", "het COA", "Parnassia", "de Kessler Stichting", "Xtra",
        "GGD Haaglanden", "Brijder Jeugd", "Jeugdbescherming west",
        "de Raad voor de Kinderbescherming", "Humanitas", "JINC", "Stichting MOOI",
        "Zebra Welzijn", "Vitis Welzijn", "Welzijn Rijswijk", "Kinderpostzegels",
        "het Nationaal Fonds Kinderhulp", "Stichting Babyspullen", "Het Vergeten Kind",
        "de Bibliotheek Den Haag", "De Haagse Hogeschool", "Humankind", "2Samen",
        "de Kindertelefoon", "Bureau Halt", "het Juridisch Loket", "SchuldHulpMaatje",
        "Lucertis", "Middin", "MEE Plus", "Kentalis", "Auris", "Visio", "Bartiméus",
        "Sophia Revalidatie", "HagaZiekenhuis", "het Juliana Kinderziekenhuis", "HMC Westeinde",
        "het Reinier de Graaf", "Jeugdformaat", "Cultuurschakel", "het Koorenhuis",
        "Sportbedrijf Den Haag", "het Leger des Heils", "Dock", "Stichting Boog",
        "de Haagse Pabo", "Stichting Jarige Job", "Het Vergeten Kind", "Save the Children",
        "UNICEF", "Rode Kruis", "IOM", "Nidos", "Defence for Children", "Sterk Huis",
        "Ipse de Bruggen", "Cardea", "Prisma", "Kinderopvang Wasko", "Stichting Present"]
HOLIDAYS = ["de Ramadan", "het Suikerfeest", "het Offerfeest", "Eid", "het Şeker Bayramı",
            "het Kurban Bayramı", "Kerst", "de Kerstvakantie", "Pasen", "het Orthodoxe Paasfeest",
            "Pinksteren", "Hemelvaart", "Divali", "Holi Phagwa", "het Chinees Nieuwjaar",
            "het Lentefeest", "Keti Koti", "Nowruz", "Newroz", "Chanoeka", "Jom Kipoer", "Sinterklaas",
            "Koningsdag", "Bevrijdingsdag", "de Dodenherdenking", "Halloween", "Carnaval",
            "Prinsjesdag", "Sint-Maarten", "Ashura", "het Mawlid", "Vesak", "Timkat", "Meskel",
            "de Meivakantie", "de Herfstvakantie", "de Voorjaarsvakantie", "de Zomervakantie",
            "Lebaran", "de Orthodoxe Kerst", "het Maanfeest", "Wigilia", "Baba Marta", "Mărțișor",
            "Homowo", "Hindoestaanse Immigratiedag", "Dia di Bandera", "Rosj Hasjana", "Paasvakantie"]
EVENTS = ["de Cito-week", "de IEP-toets", "de doorstroomtoets", "de Kinderboekenweek",
          "de Week tegen Pesten", "de Avondvierdaagse", "de schoolfotograaf", "de Koningsspelen",
          "de musical van groep 8", "het kamp van groep 8", "de Nationale Voorleesdagen",
          "de Week van de Mediawijsheid", "de Week van de Lentekriebels", "Paarse Vrijdag",
          "de Grote Rekendag", "de open dag van het VO", "de Schoolschaaktoernooien",
          "de Nationale Sportweek", "het Schoolvoetbaltoernooi", "de Week van de Opvoeding",
          "de Dag van de Leraar", "de Warme Truiendag", "de Nationale Buitenlesdag"]
METHODS = ["Kanjertraining", "Leefstijl", "De Vreedzame School", "Rots en Water", "Taal in Blokjes",
           "Bouw!", "Veilig Leren Lezen", "Wereld in Getallen", "Pluspunt", "Staal", "Taal Actief",
           "Snappet", "Gynzy", "Squla", "Rekentuin", "Taalzee", "Bareka", "Kurzweil", "Zien!",
           "KanVas", "ParnasSys", "ESIS", "Kleuterplein", "Onderbouwd", "Met Sprongen Vooruit",
           "Nieuwsbegrip", "Blink", "Alles-in-1", "Faqta", "Lekker Fit!", "De Gezonde School",
           "Leeslink", "Getal & Ruimte Junior", "Lijn 3", "Estafette", "Atlantis", "Wizwijs",
           "Kurzweil 3000", "Klassewerk", "Groove.me"]
APPS = ["WhatsApp", "TikTok", "Snapchat", "Instagram", "Roblox", "Fortnite", "Minecraft",
        "Brawl Stars", "YouTube", "Discord", "Telegram", "Parro", "Social Schools", "Klasbord",
        "Teams", "Google Translate", "Duolingo", "ChatGPT", "Among Us", "Free Fire", "EA FC",
        "Geometry Dash", "Stumble Guys", "Fortnite Battle Pass", "BeReal", "Spotify"]
PLACES = ["het Zuiderpark", "het Westbroekpark", "het Haagse Bos", "Park Sorghvliet", "de Uithof",
          "het Malieveld", "het Plein", "het Binnenhof", "het Vredespaleis", "de Haagse Markt",
          "Madurodam", "het Museon", "het Omniversum", "het Kunstmuseum", "het Mauritshuis",
          "het Zuiderstrand Theater", "het Atrium", "het Stadhuis", "de Centrale Bibliotheek",
          "de Pier", "Kijkduin", "Sportcampus Zuiderpark", "zwembad De Waterthor", "het Hofbad",
          "zwembad De Blinkerd", "Landgoed Ockenburgh", "Park Leeuwenbergh", "het Wilhelminapark",
          "In de Bogaard", "de Mall of the Netherlands", "winkelcentrum Leyweg",
          "de kinderboerderij De Herweijerhoeve", "het Zuiderparktheater", "de Grote Kerk",
          "Duinrell", "de Vlietlanden", "het Prins Clausplein", "de Hofvijver", "het Spuiplein",
          "Den Haag Centraal", "station Hollands Spoor", "station Moerwijk", "het Rosarium",
          "de Scheveningse Bosjes", "het Westduinpark", "de Haagse Beek"]
SHOPS_BRANDS = ["Albert Heijn", "Lidl", "Aldi", "Action", "Jumbo", "Hema", "Primark", "Kruidvat",
                "Dirk", "Zeeman", "McDonald's", "Bol.com", "Temu", "Shein", "Nike", "Adidas",
                "Stanley-bekers", "Prime", "Labubu", "iPhones", "Samsung", "PlayStation",
                "Nintendo Switch", "Air Max", "Capri-Sun", "Red Bull", "Monster", "Takis",
                "Pokémonkaarten", "Lego", "Stabilo", "Tony's Chocolonely", "KFC", "New York Pizza",
                "Vinted", "Marktplaats", "Coolblue", "Apple Watch", "Crocs"]
CLUBS = ["ADO Den Haag", "HBS", "Quick", "VUC", "Haaglandia", "GDA", "Wilhelmus", "SVV Scheveningen",
         "Laakkwartier", "RVC Rijswijk", "Tonegido", "HDM", "Klein Zwitserland", "Die Haghe",
         "ADO Vrouwen", "The Hague Royals", "Kickboksschool Escamp", "Zwemclub HZC De Robben"]
FESTIVALS = ["Parkpop", "de Haagse Kermis", "de Tong Tong Fair", "de Pasar Malam", "Vlaggetjesdag",
             "het Vuurwerkfestival", "Crossing Border", "het Bevrijdingsfestival", "Monumentendag",
             "de Haagse Uitmarkt", "de Zomerkermis in het Zuiderpark", "het Milan Summer Festival",
             "de Scheveningse Vlaggetjesdag", "het Lichtjesfeest in de Schilderswijk",
             "de Kinderkermis", "Haags Mooiste"]
TITLES = ["Dolfje Weerwolfje", "Dagboek van een Muts", "Het leven van een Loser", "Harry Potter",
          "De Gorgels", "Pluk van de Petteflet", "Jip en Janneke", "Dikkie Dik", "Mees Kees",
          "Matilda", "De Grijze Jager", "Dummie de Mummie", "Vos en Haas", "Kikker",
          "Geronimo Stilton", "Kruimeltje", "Pietje Bell", "Oorlogswinter", "Het Achterhuis",
          "Frozen", "Encanto", "Inside Out 2", "Vaiana", "Minions", "Kung Fu Panda", "Sonic",
          "Coco", "Wonka", "Wicked", "Het Jeugdjournaal", "Het Klokhuis", "Zapp",
          "De Club van Sinterklaas", "het Sinterklaasjournaal", "Squid Game", "Wie is de Mol?",
          "Brugklas", "SpangaS", "Ninjago", "Paw Patrol", "Bluey", "Peppa Pig", "Nijntje",
          "Kapitein Rob", "Floddertje", "Meisje met de parel", "Ronja de roversdochter",
          "Pippi Langkous", "Kinderen van Amsterdam", "Tirza", "De Brief voor de Koning",
          "Het geheime dagboek van Hendrik Groen", "Keet & Koen", "Sarah & Duck", "Mr. Beast"]
NATIONALITIES = ["Marokkaanse", "Turkse", "Surinaamse", "Hindoestaanse", "Antilliaanse",
                 "Kaapverdische", "Poolse", "Bulgaarse", "Roemeense", "Oekraïense", "Syrische",
                 "Afghaanse", "Eritrese", "Somalische", "Chinese", "Indonesische", "Iraakse",
                 "Koerdische", "Ghanese", "Nederlandse", "Molukse", "Javaanse", "Curaçaose",
                 "Ethiopische", "Jemenitische", "Portugese", "Spaanse", "Indiase", "Pakistaanse",
                 "Braziliaanse", "Filipijnse"]
LANGUAGES = ["Arabisch", "Tamazight", "Berbers", "Turks", "Sarnami", "Sranantongo", "Papiaments",
             "Kaapverdisch Creools", "Pools", "Bulgaars", "Roemeens", "Oekraïens", "Russisch",
             "Tigrinya", "Somalisch", "Dari", "Pashto", "Farsi", "Koerdisch", "Sorani",
             "Kurmanci", "Mandarijn", "Kantonees", "Bahasa Indonesia", "Twi", "Engels",
             "Portugees", "Spaans", "Hindi", "Urdu", "Amhaars"]
COUNTRIES = ["Marokko", "Turkije", "Suriname", "Curaçao", "Aruba", "Bonaire", "Kaapverdië", "Polen",
             "Bulgarije", "Roemenië", "Oekraïne", "Syrië", "Afghanistan", "Eritrea", "Somalië",
             "China", "Indonesië", "Irak", "Ghana", "Ethiopië", "Jemen", "Soedan", "India",
             "Pakistan", "Portugal", "Spanje", "Iran", "Libanon", "Moldavië", "Hongarije"]
CITIES_WORLD = ["Kyiv", "Charkiv", "Odesa", "Aleppo", "Damascus", "Kabul", "Herat", "Asmara",
                "Mogadishu", "Nador", "Al Hoceima", "Tanger", "Istanbul", "Ankara", "Kayseri",
                "Paramaribo", "Nickerie", "Willemstad", "Praia", "Mindelo", "Warschau", "Krakau",
                "Sofia", "Plovdiv", "Varna", "Boekarest", "Constanța", "Bagdad", "Erbil", "Mosul",
                "Accra", "Kumasi", "Jakarta", "Ambon", "Guangzhou", "Wenzhou", "Hongkong"]
STREETS_CLEAN = STREETS + ["Laan van Meerdervoort", "Prinsegracht", "Lange Poten", "het Spui",
                           "Jan Hendrikstraat", "Herengracht", "Stationsweg", "Rijswijkseplein",
                           "Zuidlarenstraat", "De Dreef", "Hobbemaplein", "Oranjeplein",
                           "Kerkplein", "Grote Marktstraat", "Lange Voorhout"]
TIMES = ["8.45-15.00", "8.30 uur", "12.15 uur", "half 9", "tussen 15.00 en 16.30", "8.20u",
         "14:45", "7.45 uur", "13.00-13.30", "8:30-14:00", "kwart over 8", "10.15", "11.45-12.30",
         "15.15 uur", "9.00-12.00", "17.30", "19.00 uur", "19:30-21:00"]
PUBPHONES = ["Veilig Thuis (0800-2000)", "de Kindertelefoon (0800-0432)", "113 (0800-0113)",
             "112", "de politie (0900-8844)", "de gemeente via 14 070", "het Juridisch Loket (0900-8020)",
             "het Centrum Seksueel Geweld (0800-0188)", "Sensoor (0900-0767)", "Korrelatie (0900-1450)",
             "113", "0800-2000", "0800-0113", "0900-8844", "14070"]
ABBR = ["OPP", "TLV", "MDO", "SBO", "VSO", "ZAT", "OT", "BSO", "NT2", "SO", "ISK", "VVE", "AZC",
        "TOS", "ADHD", "ASS", "DCD", "EED", "HGW", "OZA", "OJA", "PGB", "LVS", "JGZ", "CJG", "SMW",
        "GGZ", "LPA", "RT", "KOPP", "SOP", "VO", "IKC", "TSO", "MR", "GMR", "NPO", "SWV", "DUO",
        "AVG", "HAVO", "VMBO", "PRO", "LWOO", "ODD", "NLD", "EMB", "ZMLK", "LVB", "IQ"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
MONTHS_SHORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

SHOPS = ["Albert Heijn", "Lidl", "Aldi", "Action", "Jumbo", "Hema", "Kruidvat", "Dirk", "Zeeman",
         "de Turkse supermarkt", "de Poolse supermarkt", "Vomar", "Hoogvliet", "de Haagse Markt"]
ITEMS = ["Stanley-bekers", "Prime", "Labubu-poppetjes", "iPhones", "Pokémonkaarten", "Takis", "Red Bull",
         "Monster-blikjes", "Capri-Sun", "Nintendo Switches", "Apple Watches", "Panini-plaatjes",
         "Squishmallows", "fidget spinners", "Lego Ninjago-poppetjes", "Tamagotchi's", "vapes"]
WEAR = ["Nike", "Air Max", "Adidas", "Crocs", "Moncler-jassen", "Canada Goose", "Jordans", "Stone Island",
        "The North Face", "Shein-kleding", "Labubu-sleutelhangers"]
BOOKS = ["Dolfje Weerwolfje", "Dagboek van een Muts", "Het leven van een Loser", "Harry Potter", "De Gorgels",
         "Pluk van de Petteflet", "Jip en Janneke", "Dikkie Dik", "Mees Kees", "Matilda", "De Grijze Jager",
         "Dummie de Mummie", "Vos en Haas", "Kikker", "Geronimo Stilton", "Kruimeltje", "Pietje Bell",
         "Oorlogswinter", "Het Achterhuis", "Floddertje", "Ronja de roversdochter", "Pippi Langkous",
         "De Brief voor de Koning", "Keet & Koen", "Kinderen van Amsterdam", "De Tweeling", "Tirza",
         "Nijntje", "Sjakie en de chocoladefabriek", "De GVR", "Koning van Katoren", "Spijkerzoon"]
SCREEN = ["Frozen", "Encanto", "Inside Out 2", "Vaiana", "Minions", "Kung Fu Panda", "Sonic", "Coco", "Wonka",
          "Wicked", "Het Jeugdjournaal", "Het Klokhuis", "Zapp", "De Club van Sinterklaas",
          "het Sinterklaasjournaal", "Squid Game", "Wie is de Mol?", "Brugklas", "SpangaS", "Ninjago",
          "Paw Patrol", "Bluey", "Peppa Pig", "Nijntje", "Kapitein Rob", "Sarah & Duck", "Mr. Beast",
          "Skibidi Toilet", "Stranger Things", "Wednesday", "Lilo & Stitch", "De Boefjes", "Dragon Ball"]
