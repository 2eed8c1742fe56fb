#!/usr/bin/env python3
"""Wijkwijzer evaluation set, *tuned* part (issue 13, section 4).

Builds four YAML files next to this script from templates x word lists x layouts:

    pii.yaml        texts with personal data about a child / its family
                    {text, kinds, found}
    clean.yaml      signals without personal data, with deliberate near-misses
                    {text, note}
    safety.yaml     concern for a child's safety
                    {text, kind, acute, indirect[, pii]}
    lookalike.yaml  safety-ish words, no concern for a child's safety
                    {text, note}

The texts are written from how intern begeleiders type on a phone (short, abbreviations,
missing capitals, typos), not from the detectors' rules. Every name, number, address,
handle and e-mail address is invented or randomly generated (BSNs and onderwijsnummers
are random numbers that pass the 11-proef).

Deterministic (fixed seed, lists only, no set iteration). Run from the repository root:

    .venv/bin/python eval/privacy/tuned/generate.py

Only the standard library and PyYAML are used.
"""

import random
import re
import sys
import unicodedata
from pathlib import Path

import yaml

SEED = 13_2026
HERE = Path(__file__).resolve().parent

# How many items per group (pii) and per file.
PII_GROUPS = {
    "naam": 540,
    "bsn": 45,
    "onderwijsnummer": 36,
    "leerlingnummer": 45,
    "geboortedatum": 80,
    "telefoon": 60,
    "email": 45,
    "handle": 40,
    "adres": 55,
    "postcode": 40,
    "singling_out": 62,
    "combo": 75,
}
N_CLEAN = 620

KIND_ORDER = ["naam", "bsn", "onderwijsnummer", "leerlingnummer", "geboortedatum",
              "telefoon", "email", "handle", "adres", "postcode", "singling_out"]

# =========================================================================================
# Word lists: first names (children, born ~2013-2022) by population and gender
# =========================================================================================

FIRST_NAMES = {
    "nl": {
        "m": """Daan Sem Lucas Levi Finn Milan Luuk Bram Thijs Jesse Noah Liam Julian Gijs Ties
               Mees Siem Jens Stijn Ruben Thomas Max Teun Joep Tim Niels Koen Sven Olivier
               Jasper Floris Hidde Wessel Tijn Cas Dex Pim Luca Guus Jurre Hugo Lars Sepp Vince
               Boaz Morris Quinten Rens Stan Mats Job Bas Jo Joël Daniël Raphaël Thijmen Sil
               Tobias Mick Joris""",
        "f": """Emma Julia Mila Sophie Tess Zoë Sara Anna Evi Lotte Fleur Noor Liv Lieke Saar
               Fenna Isa Femke Sanne Lisa Anouk Iris Esmee Romy Nina Eva Yara Loïs Jasmijn Elin
               Feline Floor Maud Nova Puck Jet Veerle Norah Hannah Roos Sterre Lynn Demi Fay
               Guusje Mirthe Benthe Madelief Merel Anne-Sophie Bo Chloë Noëlle Zoé Inès Kiki
               Lize Chloé""",
    },
    "ma": {
        "m": """Mohamed Yassine Ilias Anass Amine Soufiane Bilal Ayoub Rayan Adam Nassim Ziyad
               Zakaria Hamza Younes Sami Ayman Mo Othman Reda Badr Ismaël Nourdin Marouane Taha
               Idris Anouar Mehdi Yahya Mohamed-Amine Achraf Iliass""",
        "f": """Imane Salma Aya Ikram Malak Khadija Houda Chaimae Oumaima Marwa Loubna Siham
               Rania Dounia Nisrine Hafsa Yasmina Safae Naïma Meryem Sanae Ilham Kaoutar
               Nouhaila Soukaina Lina Amira Hajar""",
    },
    "tr": {
        "m": """Emre Yusuf Berat Eymen Ömer Mert Kerem Yiğit Çağrı Efe Hüseyin Batuhan Doğan
               Emir Alperen Barış Buğra Enes Furkan Görkem Miraç Ertuğrul Yağız Kaan Arda Umut
               Onur Çınar""",
        "f": """Elif Zeynep Ayşe Şeyma Büşra Kübra Aslı Gülsüm Irmak Ecrin Selin Melike Yağmur
               Doğa Çağla Sümeyye Öykü Işıl Ilgın Eylül Defne Azra Nisanur Hatice Esma Beyza
               Zehra Tuana Şevval""",
    },
    "sr": {
        "m": """Quincy Dwayne Jaydon Romano Shaquille Djenairo Giovanni Tyrone Jermaine Kenzo
               Denzel Jaïro Rayvano Delano Sergino Jamiro Dylano Rivaldo Xavier Gino""",
        "f": """Shanice Naomi Sherida Chayenne Dayenne Kimberley Destiny Jaylinn Shaïna
               Priscilla Angelique Tamira Sheniqua Jamilla Esmeralda Soraya""",
    },
    "hi": {
        "m": """Ravi Sunil Radj Vishal Rishi Kiran Sandeep Ashwin Sanjay Navin Dhiradj Anand
               Rohan Arjun Vikash Prakash Aniel Dinesh Shiva Rajesh Krishna""",
        "f": """Priya Anjali Shivani Devika Amrita Nisha Roshni Pooja Reshma Varsha Kavita
               Sharda Radha Anisha Shreya Deepa Kajal Sunita Rani Indira""",
    },
    "an": {
        "m": "Jurickson Shurandy Giandro Rudsel Jeandro Jair Jerrel Rigino Shurwen Dwight Jurmen Kenji",
        "f": "Sharelly Rosinelly Shaïra Jeanique Shanaya Yuriana Glenisha Zuleika Dianella Shurainy",
    },
    "pl": {
        "m": """Jakub Kacper Szymon Łukasz Paweł Michał Wojciech Bartosz Igor Filip Antoni
               Oskar Tymon Krzysztof Stanisław Aleksander Kuba Mikołaj Franciszek Wiktor""",
        "f": """Zuzanna Wiktoria Maja Oliwia Natalia Zofia Hanna Amelia Łucja Alicja Lena Pola
               Gabriela Nikola Małgosia Agata Weronika Kinga""",
    },
    "bg": {
        "m": "Nikolay Georgi Dimitar Ivaylo Boyan Kaloyan Hristo Stoyan Todor Momchil Plamen Yordan",
        "f": "Yoana Desislava Radostina Viktoria Gergana Teodora Mihaela Yana Raya Siyana Kalina Boryana",
    },
    "ua": {
        "m": """Oleksandr Dmytro Mykola Taras Bohdan Yaroslav Artem Maksym Andrii Denys Yehor
               Illia Nazar Matvii Oleh""",
        "f": """Sofiia Anastasiia Oksana Kateryna Vlada Yuliia Daryna Solomiia Mariia Veronika
               Polina Zlata Myroslava Khrystyna""",
    },
    "sy": {
        "m": "Omar Yamen Tarek Ghaith Qusai Bassel Ahmad Mahmoud Khaled Majd Fares Karam Hadi Amjad Zaid",
        "f": "Rama Lana Hiba Nour Rawan Joud Layan Sidra Tala Raghad Bayan Ghina Lujain Maya Dana",
    },
    "er": {
        "m": """Yonas Filmon Mebrahtu Merhawi Yohannes Abrham Robel Tesfalem Kibrom Natnael
               Dawit Eyob Biniam Mussie Henok""",
        "f": "Semhar Senait Selam Winta Luwam Saba Feven Rahwa Yordanos Ruta Lidya Mekdes Eden Hiwet",
    },
    "so": {
        "m": "Abdirahman Abdullahi Mahad Abdikarim Ahmed Liban Guled Abdiwali Bashir Mustafe Hamse Abdisalam",
        "f": "Hodan Ayaan Farhiya Sagal Nasra Ifrah Khadra Sahra Ilhan Deeqa Hibo Fadumo Amran Ubah Najma Hamdi",
    },
    "zh": {
        "m": "Wei Hao Jun Haoran Zihan Yichen Ming Jian Bowen Zhiyuan Tao Yifan Xuan Zeyu",
        "f": "Li Mei Xin Jiayi Ling Xiaoyu Jia Yan Yutong Ruoxi Xinyi Meiling Qing Xi",
    },
}

SURNAMES = {
    "nl": ["de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
           "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
           "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden",
           "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
           "van den Broek", "de Bruijn", "de Jong", "van Dijk", "Janssen", "van Beek",
           "Verhoeven", "Koster", "Prins", "Huisman", "Kuipers", "Willems", "Hoekstra",
           "Scholten", "Post", "Vink", "Wouters", "van Wijk", "Maas", "Verbeek", "Timmermans",
           "Groen", "Zwart", "van 't Hof", "ter Horst", "Sluijter", "Koppelaar", "van der Zwan",
           "Brinkman", "Roodenburg", "Vreugdenhil", "Hoogervorst", "van der Kooij", "Zuidgeest"],
    "ma": ["El Amrani", "Bouzid", "Benali", "El Idrissi", "Ouali", "Haddou", "Azzouz", "Boukhari",
           "Aarab", "Tahiri", "Chaara", "Achahbar", "Ait Taleb", "Bouchtaoui", "El Ouardi",
           "Ziani", "Lamrani", "Mansouri", "Essaadi", "Benhaddou", "El Hamdaoui", "Amghar",
           "Oulad Ali", "El Khayati", "Bakkali"],
    "tr": ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
           "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Koç", "Kurt", "Özkan",
           "Şimşek", "Polat", "Güler", "Erdoğan", "Yavuz", "Karaca", "Bulut"],
    "sr": ["Sno", "Kanteman", "Wijngaarde", "Linger", "Pinas", "Doelwijt", "Esajas", "Zeefuik",
           "Tjon A Fong", "Sabajo", "Emanuels", "Nelom", "Eersteling", "Vlijter", "Held",
           "Kromodimedjo", "Sedney", "Fränkel"],
    "hi": ["Ramdin", "Bhoelai", "Mahabier", "Ramsaran", "Jagroep", "Soekhai", "Baldewsingh",
           "Ramautar", "Tewari", "Biharie", "Ramlal", "Sewdien", "Jhinkoe", "Kalloe", "Persad",
           "Gobardhan", "Doerga", "Ramdhani"],
    "an": ["Martina", "Hooi", "Maduro", "Girigorie", "Rosaria", "Isenia", "Pieternella",
           "Koeiman", "Winklaar", "Janga", "Everts", "Cijntje", "Leito"],
    "pl": ["Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński",
           "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Mazur", "Krawczyk", "Kowalczyk",
           "Grabowski", "Kowalska", "Nowakowska", "Wiśniewska"],
    "bg": ["Ivanov", "Petrova", "Georgiev", "Dimitrova", "Stoyanov", "Nikolova", "Todorov",
           "Iliev", "Hristova", "Angelov", "Kostadinov", "Yordanova"],
    "ua": ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko",
           "Oliinyk", "Lysenko", "Marchenko", "Savchenko", "Rudenko", "Kovalchuk", "Moroz"],
    "sy": ["Al-Hassan", "Al Ahmad", "Haddad", "Khalil", "Al-Khatib", "Darwish", "Hamdan", "Alali",
           "Alsayed", "Kassem", "Nasser", "Al Masri", "Sabbagh", "Al-Hamwi"],
    "er": ["Tesfay", "Gebremedhin", "Haile", "Kidane", "Tekle", "Woldemariam", "Berhane",
           "Ghebreyesus", "Mehari", "Abraha", "Tsegay", "Habte", "Yemane"],
    "so": ["Mohamud", "Warsame", "Abdi", "Farah", "Hassan", "Jama", "Osman", "Ali", "Nur", "Egal",
           "Hersi", "Aden", "Dirie", "Ismail"],
    "zh": ["Chen", "Wang", "Zhang", "Liu", "Lin", "Huang", "Zhou", "Wu", "Yang", "Cheung", "Lam",
           "Wong", "Zheng", "Xu", "Tang"],
}

LANDEN = ["Syrië", "Eritrea", "Oekraïne", "Polen", "Bulgarije", "Marokko", "Turkije", "Somalië",
          "China", "Afghanistan", "Jemen", "Roemenië", "Curaçao", "India", "Brazilië"]
TALEN = ["Pools", "Arabisch", "Turks", "Tigrinya", "Tamazight", "Berbers", "Papiaments",
         "Sranantongo", "Sarnami", "Mandarijn", "Kantonees", "Oekraïens", "Russisch", "Bulgaars",
         "Somalisch", "Engels", "Dari", "Roemeens", "Portugees"]
NAT_PL = ["Poolse", "Marokkaanse", "Turkse", "Oekraïense", "Bulgaarse", "Syrische", "Eritrese",
          "Somalische", "Chinese", "Surinaamse", "Antilliaanse", "Hindostaanse", "Roemeense",
          "Afghaanse", "Koerdische", "Indiase", "Portugese"]

# =========================================================================================
# The demo knowledge base's own names (wijkwijzer/knowledge/data/*.yaml)
# =========================================================================================

KB_SCHOOLS = [
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
KB_WIJKEN = [
    "Archipelbuurt", "Zeeheldenkwartier", "Willemspark", "Stationsbuurt", "Centrum",
    "Schildersbuurt", "Transvaalkwartier", "Rivierenbuurt", "Escamp", "Rustenburg en Oostbroek",
    "Leyenburg", "Bouwlust en Vrederust", "Morgenstond", "Zuiderpark", "Moerwijk",
    "Wateringse Veld", "Haagse Hout", "Benoordenhout", "Mariahoeve en Marlot", "Bezuidenhout",
    "Laak", "Laakkwartier en Spoorwijk", "Binckhorst", "Hoornwijk", "Ypenburg", "Forepark",
    "Leidschenveen", "Loosduinen", "Bohemen en Meer en Bos", "Kijkduin en Ockenburgh",
    "Kraayenstein en Vroondaal", "Waldeck", "Scheveningen", "Oostduinen", "Belgisch Park",
    "Westbroekpark en Duttendel", "Duindorp", "Geuzen- en Statenkwartier", "Zorgvliet",
    "Duinoord", "Segbroek", "Bomen- en Bloemenbuurt", "Vogelwijk", "Vruchtenbuurt",
    "Valkenboskwartier", "Regentessekwartier", "Leidschendam", "Damsigt", "De Heuvel",
    "Prinsenhof", "Schakenbosch", "Stompwijk", "Voorburg", "Voorburg-West", "Voorburg-Noord",
    "Bovenveen", "Park Leeuwenbergh", "Rijswijk", "Oud Rijswijk", "Rembrandtkwartier",
    "Te Werve", "Welgelegen", "Leeuwendaal", "Presidentenbuurt", "Ministerbuurt", "Stervoorde",
    "Hoekpolder", "Plaspoelpolder", "RijswijkBuiten", "de Schilderswijk",
]
KB_ORGS = [
    "SWV Kust & Vliet", "Expertisepunt Kust & Vliet", "SMW Haaglanden", "SMW Vliet en Veen",
    "CJG Den Haag", "CJG Leidschendam-Voorburg", "CJG Rijswijk", "Leerplicht Den Haag",
    "Leerplicht Leidschendam-Voorburg", "Leerplicht Rijswijk", "Jeugdteam Den Haag Escamp",
    "Jeugdteam Den Haag Laak", "Jeugdteam Den Haag Centrum", "Jeugdteam Den Haag Scheveningen",
    "Lokaal team Leidschendam-Voorburg", "Jeugdteam Rijswijk", "Jeugdteam Den Haag Segbroek",
    "Jeugdteam Den Haag Loosduinen", "Jeugdteam Den Haag Haagse Hout",
    "Jeugdteam Den Haag Leidschenveen-Ypenburg", "Veilig Thuis Haaglanden",
]

# Organisations, funds, holidays, places, books, methods: clean near-misses
FONDSEN = ["Stichting Leergeld", "het Jeugdfonds Sport & Cultuur", "de Voedselbank",
           "het Nationaal Fonds Kinderhulp", "de Ooievaarspas", "Kinderhulp", "Stichting Leergeld Den Haag",
           "het Jeugdfonds", "de Voedselbank Haaglanden"]
SPORTFONDSEN = ["het Jeugdfonds Sport & Cultuur", "de Ooievaarspas", "Stichting Leergeld",
                "het Jeugdfonds", "Stichting Leergeld Den Haag", "het Jeugdsportfonds"]
ZORG = ["Youz", "Horizon", "Jutters", "Parnassia", "Kenter Jeugdhulp", "Ipse de Bruggen", "MEE",
        "de William Schrikker Groep", "Jeugdbescherming west", "de Raad voor de Kinderbescherming",
        "Lucertis", "het CJG", "de GGD", "de jgz", "Xtra", "Florence", "de Kessler Stichting",
        "het Leger des Heils", "Vluchtelingenwerk", "het COA", "Humanitas Home-Start", "MOOI",
        "Wijkz", "Vóór Welzijn", "Welzijn Rijswijk", "de Haagse Bibliotheek", "de Kindertelefoon",
        "Stichting Het Vergeten Kind", "Sportbedrijf Den Haag", "Halt"]
FEESTEN = ["de Ramadan", "het Suikerfeest", "het Offerfeest", "de Kerstvakantie", "Koningsdag",
           "Sinterklaas", "de Cito-week", "de Week tegen Pesten", "de herfstvakantie",
           "de voorjaarsvakantie", "de meivakantie", "de zomervakantie", "Pasen", "Pinksteren",
           "Divali", "Keti Koti", "Chinees Nieuwjaar", "Holi Phagwa", "Hemelvaart",
           "de Kinderboekenweek", "Prinsjesdag", "de Avondvierdaagse", "de Koningsspelen",
           "Halloween", "Carnaval", "Oud en Nieuw", "de kerst", "Eid", "het Orthodoxe Pasen",
           "Newroz", "de Week van de Lentekriebels", "de toetsweek", "de IEP-toets",
           "de Cito", "de Kerst", "sinterklaas", "ramadan", "de kerstvakantie"]
PLEKKEN = ["op het Hobbemaplein", "bij de Haagse Markt", "op de Leyweg", "in de Paul Krugerlaan",
           "in het Zuiderpark", "op de Mient", "bij de Megastores", "langs de Laan van Meerdervoort",
           "op het Malieveld", "bij de Fahrenheitstraat", "rond het Stationsplein",
           "bij station Hollands Spoor", "in de Westfield Mall", "op het Damplein",
           "bij In de Bogaard", "op de Herenstraat in Voorburg", "bij de Loosduinse Hoofdstraat",
           "op het Frederik Hendrikplein", "bij de Weimarstraat", "op de Vaillantlaan",
           "op de Boulevard", "bij het strand van Kijkduin", "in de Scheveningse Bosjes",
           "in het Westbroekpark", "bij het Prins Hendrikplein", "op de Escamplaan",
           "bij de Erasmusweg", "bij de Hoefkade", "langs de Vliet", "op het Spui",
           "bij de Grote Markt", "in de Dreven", "bij winkelcentrum Leyweg",
           "bij het Hobbemaplein", "op de Haagse Markt", "in de Haagse Bos"]
PRENTENBOEKEN = ["De Gruffalo", "Kikker is verliefd", "Dikkie Dik", "Jip en Janneke", "Nijntje",
                 "Rupsje Nooitgenoeg", "Max en de Maximonsters", "Boer Boris", "Woezel en Pip",
                 "Vos en Haas", "Kikker en zijn vriendjes", "Kleine Kangoeroe"]
LEESBOEKEN = ["Pluk van de Petteflet", "De brief voor de koning", "Dagboek van een Muts",
              "Dolfje Weerwolfje", "Mees Kees", "Pippi Langkous", "Kruimeltje", "Matilda",
              "Sjakie en de chocoladefabriek", "Het boek van alle dingen", "Oorlogswinter",
              "Achtste-groepers huilen niet", "Harry Potter", "Otje", "Dagboek van een loser",
              "Koning van Katoren", "Tirza de Tijdreiziger"]
BOEKEN = PRENTENBOEKEN + LEESBOEKEN
METHODES = ["Kanjertraining", "Rots en Water", "Leefstijl", "KiVa", "De Vreedzame School",
            "Kwink", "Taal Actief", "Veilig Leren Lezen", "Estafette", "Nieuwsbegrip", "Snappet",
            "Wereld in Getallen", "Staal", "Zien!", "Bouw!", "Piramide", "Uk & Puk",
            "Kaleidoscoop", "Logo 3000", "Met Sprongen Vooruit", "Gynzy", "de Gelukskoffer",
            "Faalangstreductietraining", "kanjertraining", "rots en water"]
SCHOOLTIJDEN = ["8.45-15.00", "8.30-14.15", "8:30-15:00", "van 8.30 tot 14.00", "8.15 - 14.30",
                "8.30-15.00", "8.45 tot 14.45"]
TSOTIJDEN = ["12.00-12.45", "van 12.00 tot 12.45", "12.15-13.00", "12:00-12:45", "11.45-12.30"]
SPREEKTIJDEN = ["8.30-10.00", "13.15-14.45", "van 8.30 tot 9.30", "14.00-15.30", "8:30-9:30"]
TIJD_MIDDAG = ["om 12.00", "om 12.15", "om 12.30", "om 12:30", "om kwart over 12"]
TIJD_EIND = ["om 15.15", "pas om 17:30", "rond 17.00", "om half 4", "om 15.00", "om 14.15",
             "om 18.00"]
SCHOOLJAREN = ["schooljaar 2025-2026", "2025/2026", "sj 2025-2026", "schooljaar 24/25",
               "'25-'26", "schooljaar 2024-2025", "2026-2027", "dit schooljaar (2025-2026)",
               "2024/2025", "sj 25/26"]
JAREN = ["2021", "2022", "2023", "2024", "2025"]
EVDATUMS = ["op 12 maart", "vrijdag 14 februari", "di 3 juni", "woensdag 8 oktober", "op 1 juli",
            "do 19/3", "op 14-2", "op 27 april", "op 5 december", "maandag 6 januari",
            "op 25/11", "op 4 juni", "dinsdag 10 februari", "op 21 mei", "vrijdag 3 oktober"]
EVDATUMS_JAAR = ["op 12-03-2026", "14-02-2026", "di 3 juni 2026", "op 8 oktober 2026",
                 "20-01-2027", "op 9 maart 2026", "vr 13-11-2026", "op 2 april 2027"]
ROLLEN = ["de smw'er", "de jgz", "leerplicht", "de wijkagent", "de jeugdverpleegkundige",
          "de jeugdarts", "de LPA", "de aandachtsfunctionaris", "de orthopedagoog",
          "de schoolcontactpersoon", "de jeugdconsulent", "de ambulant begeleider",
          "de onderwijsconsulent", "de logopedist", "de kinderfysio", "de adviseur van het swv",
          "smw", "jgz", "de leerplichtambtenaar", "de schoolarts"]
LL_CAP = ["Leerling", "Kind", "Meisje", "Jongen", "Kleuter", "Ll", "Een leerling", "Een kind"]
LL_LOW = ["leerling", "kind", "meisje", "jongen", "kleuter", "ll", "een leerling", "een kind"]
VERB_CLEAN = ["huilt vaak bij het brengen", "stottert sinds kort", "zegt bijna niks in de klas",
              "komt elke dag te laat", "slaapt soms in de klas", "verzuimt veel op maandag",
              "leest nog op AVI start", "kan niet stilzitten", "spreekt nog geen Nederlands",
              "wil niet mee naar gym", "wordt gepest in de groepsapp", "raakt snel overprikkeld",
              "heeft moeite met rekenen", "is vaak ziek", "mist veel lessen door afspraken",
              "vraagt veel aandacht", "is erg faalangstig", "eet heel langzaam",
              "durft niet te praten in de kring", "plast nog in de broek", "huilt vaak",
              "wordt gepest", "Verzuimt veel", "Stottert", "Wil niet naar school",
              "vergeet steeds de gymspullen"]

# =========================================================================================
# Personal-data building blocks
# =========================================================================================

MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"]
MAAND_AFK = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sept", "okt", "nov", "dec"]

STRATEN = ["Laan van Meerdervoort", "Weimarstraat", "Hobbemastraat", "Vaillantlaan",
           "De la Reyweg", "Paul Krugerlaan", "Loosduinseweg", "Fahrenheitstraat", "Stuwstraat",
           "Erasmusweg", "Leyweg", "Hoefkade", "Parallelweg", "Beeklaan", "Veenkade",
           "Prins Hendrikstraat", "Regentesselaan", "Zuidlarenstraat", "Melis Stokelaan",
           "Moerweg", "Westeinde", "Dorpsstraat", "Herenstraat", "Oosteinde",
           "Prinses Mariannelaan", "Haagweg", "Van Vredenburchweg", "Steenvoordelaan",
           "Laan van Hoornwijck", "Anna Paulownastraat", "Johan de Wittlaan", "Lozerlaan",
           "Escamplaan", "Dedemsvaartweg", "Troelstrakade", "Zuiderparklaan", "Soestdijksekade",
           "Goudsbloemlaan", "Thomsonlaan", "Valkenboslaan", "Elandstraat", "Zoutmanstraat",
           "Scheveningseweg", "Badhuisweg", "Duinstraat", "Keizerstraat", "Neptunusstraat",
           "Jan Hendrikstraat", "Vlietweg", "Damplein", "Burgemeester Banninglaan",
           "Rembrandtkade", "Generaal Spoorlaan", "Stationsweg", "Mgr. Nolenslaan",
           "Kerkstraat", "Schoolstraat", "Julianalaan", "Wilhelminastraat", "Ambachtsgaarde",
           "Heeswijkplein", "Sportlaan", "Dierenselaan"]

# PC4 ranges (Den Haag, Leidschendam, Voorburg, Rijswijk)
PC4_RANGES = [(2491, 2599), (2261, 2267), (2271, 2275), (2281, 2289)]
PC_LETTERS = "ABCDEGHJKLMNPRTVWXZ"

MAIL_DOMAINS = ["gmail.com", "hotmail.com", "outlook.com", "live.nl", "ziggo.nl", "kpnmail.nl",
                "icloud.com", "yahoo.com", "hotmail.nl", "planet.nl", "outlook.nl", "casema.nl",
                "xs4all.nl", "upcmail.nl"]

SO_TRAITS = ["met een rolstoel", "met epilepsie", "met diabetes type 1", "met een insulinepomp",
             "met leukemie", "met het syndroom van Down", "met een gehoorapparaat",
             "met sondevoeding", "met een beenprothese", "met een hartafwijking",
             "met taaislijmziekte", "met een stoma", "met een cochleair implantaat",
             "met Tourette", "met een spierziekte", "met een hersentumor", "die blind is",
             "die doof is", "met een hoofddoek", "die in een pleeggezin woont",
             "van wie de vader in de gevangenis zit", "van wie de moeder vorige maand is overleden",
             "met brandwonden in het gezicht", "met nierdialyse", "met PTSS", "met anorexia",
             "die net zonder ouders uit Eritrea is gekomen", "met een oogprothese",
             "met hiv", "met ernstige astma en een puffer"]
SO_EXTRA = ["heeft vaak aanvallen in de klas", "mist veel lessen", "wordt gepest",
            "krijgt geen passende begeleiding", "kan niet mee op schoolreis",
            "heeft sinds kort nieuwe medicatie", "wil niet dat de klas het weet",
            "is veel afwezig", "heeft een eigen begeleider nodig", "valt buiten de groep",
            "heeft meer ondersteuning nodig dan wij kunnen bieden"]

# =========================================================================================
# Helpers
# =========================================================================================


def words(s):
    return s.split()


class Deck:
    """Draws items in shuffled order; every item comes once before any comes twice."""

    def __init__(self, items, rng):
        self.items = list(items)
        self.rng = rng
        self.pool = []

    def draw(self):
        if not self.pool:
            self.pool = self.items[:]
            self.rng.shuffle(self.pool)
        return self.pool.pop()


def ascii_fold(s):
    s = s.replace("ł", "l").replace("Ł", "L").replace("ı", "i").replace("ß", "ss")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def bsn_checksum(digits):
    return (sum((9 - i) * int(d) for i, d in enumerate(digits[:-1])) - int(digits[-1])) % 11


def make_bsn(rng):
    while True:
        d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        if d[0] == 1 and d[1] == 0:
            continue
        c = sum((9 - i) * x for i, x in enumerate(d)) % 11
        if c < 10:
            s = "".join(map(str, d)) + str(c)
            assert bsn_checksum(s) == 0
            return s


def make_onderwijsnummer(rng):
    while True:
        d = [1, 0] + [rng.randint(0, 9) for _ in range(6)]
        c = (sum((9 - i) * x for i, x in enumerate(d)) - 5) % 11
        if c < 10:
            s = "".join(map(str, d)) + str(c)
            assert bsn_checksum(s) == 5 and s.startswith("10")
            return s


# Phone shorthand used on literal template text (never on the personal data itself)
SHORTHAND = [
    (r"\bleerlingen\b", "lln"), (r"\bleerling\b", "ll"), (r"\bin verband met\b", "ivm"),
    (r"\bouders van de\b", "ouders vd"), (r"\bvan de\b", "vd"), (r"\bweken\b", "wkn"),
    (r"\bmaanden\b", "mnd"), (r"\beven\b", "ff"), (r"\bbijvoorbeeld\b", "bv"),
    (r"\bwaarschijnlijk\b", "ws"), (r"\beigenlijk\b", "eig"), (r"\bniet\b", "nie"),
    (r"\bzijn\b", "zn"), (r"\bgroep (\d)", r"gr \1"), (r"\bmisschien\b", "mss"),
    (r"\bongeveer\b", "ong"), (r"\balsjeblieft\b", "aub"), (r"\bmet de\b", "met d"),
    (r"\bgisteren\b", "gister"), (r"\bheeft\b", "heef"),
]
RARE_SHORTHAND = [(r"\been\b", "1"), (r"\bniet\b", "nie"), (r"\bheeft\b", "heef")]
KEY_NEIGHBOURS = {"a": "sq", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh",
                  "h": "gj", "i": "uo", "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm",
                  "o": "ip", "p": "o", "r": "et", "s": "ad", "t": "ry", "u": "yi", "v": "cb",
                  "w": "qe", "z": "x"}


class Ctx:
    def __init__(self, rng):
        self.gender = rng.choice("mf")
        self.gender2 = rng.choice("mf")
        self.g = rng.randint(1, 8)
        self.age = self.g + 3 + rng.randint(0, 1)
        self.cache = {}
        self.found = []
        self.kinds = []


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.decks = {}
        # first-name entries: (name, gender, population), unique by name
        seen = {}
        for pop, by_g in FIRST_NAMES.items():
            for g in ("m", "f"):
                for n in words(by_g[g]):
                    if n not in seen:
                        seen[n] = (n, g, pop)
        self.first = list(seen.values())
        self.first_m = [e for e in self.first if e[1] == "m"]
        self.first_f = [e for e in self.first if e[1] == "f"]
        self.two_letter = [e for e in self.first if len(e[0]) == 2]
        self.all_surnames = [s for pop in SURNAMES for s in SURNAMES[pop]]

    # ---- decks ------------------------------------------------------------------------
    def d(self, key, items):
        deck = self.decks.get(key)
        if deck is None:
            deck = self.decks[key] = Deck(items, self.rng)
        return deck.draw()

    def chance(self, p):
        return self.rng.random() < p

    # ---- names ------------------------------------------------------------------------
    def pick_first(self, gender=None):
        if gender is None:
            gender = self.rng.choice("mf")
        if self.chance(0.04):
            # two-letter names get some extra weight; keep gender if possible
            cand = [e for e in self.two_letter if e[1] == gender] or self.two_letter
            return self.rng.choice(cand)
        return self.d("first_" + gender, self.first_m if gender == "m" else self.first_f)

    def surname_for(self, pop):
        if self.chance(0.4):             # mixed families; also spreads the surnames used
            return self.d("sur_all", self.all_surnames)
        return self.d("sur_" + pop, SURNAMES[pop])

    def name_case(self, s):
        r = self.rng.random()
        if r < 0.24:
            return s.lower()
        if r < 0.31:
            return s.upper()
        return s

    # ---- slots ------------------------------------------------------------------------
    def slot(self, name, ctx):
        """Return (text, [found], kind or None)."""
        if name in ctx.cache:
            return ctx.cache[name]
        r = self.rng
        res = None
        base = name.rstrip("23")
        if base == "N":
            g = ctx.gender if name == "N" else (ctx.gender2 if name == "N2" else None)
            n = self.name_case(self.pick_first(g)[0])
            res = (n, [n], "naam")
        elif name == "NA":
            n = self.name_case(self.pick_first(ctx.gender)[0])
            age = ctx.age
            fmt = self.d("na_fmt", ["{n} ({a})", "{n} ({a})", "{n}({a})", "{n}, {a} jr",
                                    "{n} ({a} jaar)", "{n} {a}jr", "{n} ({a}jr)"])
            res = (fmt.format(n=n, a=age), [n], "naam")
        elif name == "FULL":
            first, _, pop = self.pick_first(ctx.gender)
            sur = self.surname_for(pop)
            full = f"{first} {sur}"
            x = r.random()
            if x < 0.25:
                full = full.lower()
            elif x < 0.30:
                full = full.upper()
            elif x < 0.36:
                full = f"{sur}, {first}"
            res = (full, [full], "naam")
        elif name in ("FAM", "MEVR", "MW"):
            pop = self.pick_first()[2]
            sur = self.surname_for(pop)
            if r.random() < 0.25:
                sur = sur.lower()
            if name == "FAM":
                pre = self.d("fam_pre", ["fam. ", "fam ", "familie ", "de familie ", "Fam. ",
                                         "gezin ", "fam. "])
            elif name == "MEVR":
                pre = self.d("mevr_pre", ["mevr. ", "mw. ", "mevrouw ", "dhr. ", "meneer ",
                                          "mw ", "Mevr. ", "dhr ", "mevr "])
            else:
                pre = self.d("mw_pre", ["mevr. ", "mw. ", "mevrouw ", "mw ", "Mevr. ", "mevr "])
            res = (pre + sur, [sur], "naam")
        elif name == "INIT":
            first, _, pop = self.pick_first(ctx.gender)
            sur = self.surname_for(pop)
            parts = sur.replace("-", " ").split()
            particles = [p for p in parts if p[0].islower() or p in ("El", "Al", "Ait", "Tjon", "A", "Oulad")]
            core = [p for p in parts if p not in particles] or parts[-1:]
            style = self.d("init_style", ["dotted", "spaced", "firstname", "firstname", "two"])
            if style == "dotted":          # J.d.V.
                s = first[0] + "." + "".join(p[0] + "." for p in particles) + core[-1][0] + "."
            elif style == "spaced":        # J. de V.
                s = first[0] + ". " + "".join(p + " " for p in particles) + core[-1][0] + "."
            elif style == "firstname":     # Noah de V.
                s = first + " " + "".join(p + " " for p in particles) + core[-1][0] + "."
            else:                          # S.B.
                s = first[0] + "." + core[-1][0] + "."
            if r.random() < 0.12:
                s = s.lower()
            res = (s, [s], "naam")
        elif name == "BSN":
            b = make_bsn(r)
            fmt = self.d("bsn_fmt", ["plain", "plain", "dots", "spaces3", "4-2-3", "dots4"])
            if fmt == "plain":
                s = b
            elif fmt == "dots":
                s = f"{b[:3]}.{b[3:6]}.{b[6:]}"
            elif fmt == "spaces3":
                s = f"{b[:3]} {b[3:6]} {b[6:]}"
            elif fmt == "4-2-3":
                s = f"{b[:4]} {b[4:6]} {b[6:]}"
            else:
                s = f"{b[:4]}.{b[4:6]}.{b[6:]}"
            res = (s, [s], "bsn")
        elif name == "OWN":
            o = make_onderwijsnummer(r)
            fmt = self.d("own_fmt", ["plain", "plain", "plain", "spaces", "dots"])
            s = o if fmt == "plain" else (f"{o[:4]} {o[4:6]} {o[6:]}" if fmt == "spaces"
                                          else f"{o[:3]}.{o[3:6]}.{o[6:]}")
            res = (s, [s], "onderwijsnummer")
        elif name == "LLN":
            num = str(r.choice([r.randint(3000, 9999), r.randint(10000, 99999), r.randint(100000, 999999)]))
            cue = self.d("lln_cue", ["lln {}", "leerlingnr. {}", "leerlingnummer {}", "llnr {}",
                                     "ll.nr. {}", "ll-nr {}", "leerling #{}", "lln. {}",
                                     "leerlingnummer: {}", "ll nr {}", "leerlingnr {}",
                                     "parnassys-nr {}", "LLN {}", "Leerlingnummer {}"])
            res = (cue.format(num), [num], "leerlingnummer")
        elif name in ("DOB", "DATE", "DM", "MY", "YEAR"):
            res = self.birth(name)
        elif name == "TEL":
            s = self.phone()
            res = (s, [s], "telefoon")
        elif name == "MAIL":
            s = self.email(ctx)
            res = (s, [s], "email")
        elif name in ("HANDLE", "H"):
            res = self.handle(ctx, bare=(name == "H"))
        elif name == "ADR":
            street = self.d("straat", STRATEN)
            num = r.choice([r.randint(1, 60), r.randint(1, 350), r.randint(100, 1400)])
            suf = self.d("hnr_suf", ["", "", "", "", "a", "b", "A", " A", "-III", "-2", " 3-hoog",
                                     "c", "-1", " bis", "B"])
            s = f"{street} {num}{suf}"
            x = r.random()
            if x < 0.35:
                s = s.lower()
            elif x < 0.40:
                s = s.upper()
            res = (s, [s], "adres")
        elif name == "PC":
            lo, hi = r.choice(PC4_RANGES)
            while True:
                letters = r.choice(PC_LETTERS) + r.choice(PC_LETTERS)
                if letters not in ("SA", "SD", "SS"):
                    break
            pc4 = r.randint(lo, hi)
            fmt = self.d("pc_fmt", ["{d} {l}", "{d}{l}", "{d}{ll}", "{d} {ll}", "{d}{ll} {h}",
                                    "{d} {l} {h}", "{d}{l}{h}", "{d} {l}"])
            s = fmt.format(d=pc4, l=letters, ll=letters.lower(), h=r.randint(1, 180))
            res = (s, [s], "postcode")
        elif name == "so_school":
            s = self.school_name()
            res = (s, [s], "singling_out")
        elif name == "so_gr":
            s = self.group_text(ctx)
            res = (s, [s], "singling_out")
        elif name == "so_trait":
            s = self.d("so_trait", SO_TRAITS)
            res = (s, [s], "singling_out")
        elif name == "so_wijk":
            s = self.d("wijk", KB_WIJKEN)
            res = (s, [s], "singling_out")
        else:
            res = (self.plain(name, ctx), [], None)
        ctx.cache[name] = res
        return res

    def plain(self, name, ctx):
        r = self.rng
        m = ctx.gender == "m"
        if name == "broertje2":
            return "broertje" if ctx.gender2 == "m" else "zusje"
        name = name.rstrip("23")
        table = {
            "hij": "hij" if m else r.choice(["ze", "zij"]),
            "Hij": "Hij" if m else "Ze",
            "zijn": "zijn" if m else "haar",
            "hem": "hem" if m else "haar",
            "jongen": "jongen" if m else "meisje",
            "Jongen": "Jongen" if m else "Meisje",
            "de_jongen": "de jongen" if m else "het meisje",
            "zoon": "zoon" if m else "dochter",
            "broer": "broer" if m else "zus",
            "broertje": "broertje" if m else "zusje",
        }
        if name in table:
            return table[name]
        if name == "g":
            return str(ctx.g)
        if name == "gr":
            return self.group_text(ctx)
        if name == "age":
            return str(ctx.age)
        if name == "wk":
            return str(r.randint(2, 9))
        if name == "n":
            return str(r.choice([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 18, 20, 23, 25, 30, 40]))
        if name == "k":
            return str(r.randint(2, 9))
        if name == "school":
            return self.school_name()
        if name == "wijk":
            return self.d("wijk", KB_WIJKEN)
        if name == "kborg":
            return self.d("kborg", KB_ORGS)
        if name == "fonds":
            return self.d("fonds", FONDSEN)
        if name == "sportfonds":
            return self.d("sportfonds", SPORTFONDSEN)
        if name == "zorg":
            return self.d("zorg", ZORG)
        if name == "feest":
            return self.d("feest", FEESTEN)
        if name == "plek":
            return self.d("plek", PLEKKEN)
        if name in ("boek", "prentenboek", "leesboek"):
            lst = {"boek": BOEKEN, "prentenboek": PRENTENBOEKEN, "leesboek": LEESBOEKEN}[name]
            b = self.d(name, lst)
            return r.choice([b, b, f"'{b}'", f'"{b}"', b.lower()])
        if name == "methode":
            return self.d("methode", METHODES)
        if name == "schooltijd":
            return self.d("schooltijd", SCHOOLTIJDEN)
        if name == "tsotijd":
            return self.d("tsotijd", TSOTIJDEN)
        if name == "spreektijd":
            return self.d("spreektijd", SPREEKTIJDEN)
        if name == "tijdmiddag":
            return self.d("tijdmiddag", TIJD_MIDDAG)
        if name == "tijdeind":
            return self.d("tijdeind", TIJD_EIND)
        if name == "jaarf":
            return self.d("jaarf", ["2026", "2027", "2028"])
        if name == "sj":
            return self.d("sj", SCHOOLJAREN)
        if name == "jaar":
            return self.d("jaar", JAREN)
        if name == "evdatum":
            return self.d("evdatum", EVDATUMS)
        if name == "evdatumjaar":
            return self.d("evdatumjaar", EVDATUMS_JAAR)
        if name == "rol":
            return self.d("rol", ROLLEN)
        if name == "land":
            return self.d("land", LANDEN)
        if name == "taal":
            return self.d("taal", TALEN)
        if name == "nat":
            return self.d("nat", NAT_PL)
        if name == "Ll":
            return self.d("llcap", LL_CAP)
        if name == "ll":
            return self.d("lllow", LL_LOW)
        if name == "verb":
            return self.d("verbclean", VERB_CLEAN)
        if name == "extra":
            return self.d("so_extra", SO_EXTRA)
        if name == "pct":
            return self.d("pct", ["40%", "bijna de helft", "een derde", "15 procent", "ca. 30%",
                                  "65%", "meer dan de helft", "een kwart", "12%", "zo'n 20 procent"])
        if name == "dag":
            return self.d("dag", ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
                                  "ma", "vrijdagen", "maandagen"])
        if name == "city":
            return self.d("city", ["Den Haag", "Rijswijk", "Voorburg", "Leidschendam", "den haag",
                                   "Rijswijk ZH", "'s-Gravenhage"])
        raise KeyError(name)

    def school_name(self):
        full = self.d("school", KB_SCHOOLS)
        typ, rest = full.split(" ", 1)                  # "IKC", "De Vliegerwolk"
        art, core = rest.split(" ", 1) if rest.split(" ", 1)[0] in ("De", "Het") else ("", rest)
        form = self.d("school_form", ["full", "the", "The", "bare", "lowfull", "the", "The"])
        if form == "full":
            return full
        if form == "the":
            return f"{art.lower()} {core}".strip()
        if form == "The":
            return rest
        if form == "bare":
            return core.lower()
        return full.lower()

    def group_text(self, ctx):
        g = ctx.g
        a, b = (g, g + 1) if g < 8 else (7, 8)
        return self.d("gr_fmt", ["groep {g}", "groep {g}", "gr {g}", "gr{g}", "groep {g}b",
                                 "gr. {g}", "groep {g}a", "gr {a}/{b}"]).format(g=g, a=a, b=b)

    # ---- dates of birth -----------------------------------------------------------------
    def birth(self, slot):
        r = self.rng
        y = r.randint(2013, 2022)
        mth = r.randint(1, 12)
        day = r.randint(1, 28)
        if slot in ("DOB", "DATE"):
            fmt = self.d("dob_fmt", [
                "{dd}-{mm}-{yyyy}", "{d}-{m}-{yyyy}", "{d}/{m}/{yy}", "{dd}{mm}{yyyy}",
                "{dd}-{mm}-'{yy}", "{d} {maand} '{yy}", "{d} {maand} {yyyy}", "{dd}.{mm}.{yyyy}",
                "{yyyy}-{mm}-{dd}", "{d} {afk} {yyyy}", "{d}-{m}-{yy}", "{dd}/{mm}/{yyyy}",
                "{d} {maand} {yyyy}", "{dd}-{mm}-{yy}", "{d} {afk} '{yy}"])
            date = fmt.format(d=day, dd=f"{day:02d}", m=mth, mm=f"{mth:02d}", yyyy=y,
                              yy=f"{y % 100:02d}", maand=MAANDEN[mth - 1], afk=MAAND_AFK[mth - 1])
            if slot == "DATE":
                return (date, [date], "geboortedatum")
            cue = self.d("dob_cue", ["geb. ", "geb ", "geboren ", "geboren op ", "geboortedatum ",
                                     "geb.datum ", "gebdatum: ", "geboortedatum: ", "geb: ",
                                     "geboren op ", "Geb. "])
            return (cue + date, [date], "geboortedatum")
        if slot == "DM":
            s = r.choice([f"{day} {MAANDEN[mth - 1]}", f"{day} {MAAND_AFK[mth - 1]}",
                          f"{day} {MAANDEN[mth - 1]}", f"{day}/{mth}", f"{day}-{mth}"])
            return (s, [s], "geboortedatum")
        if slot == "MY":
            s = r.choice([f"{MAANDEN[mth - 1]} {y}", f"{MAAND_AFK[mth - 1]} {y}",
                          f"{MAANDEN[mth - 1]} '{y % 100:02d}", f"{mth}-{y}", f"{mth}/{y}"])
            return (s, [s], "geboortedatum")
        s = str(y)
        return (s, [s], "geboortedatum")

    # ---- phones, mail, handles ----------------------------------------------------------
    def phone(self):
        r = self.rng
        if r.random() < 0.7:
            d8 = str(r.randint(1, 5)) + "".join(str(r.randint(0, 9)) for _ in range(7))
            fmt = self.d("mob_fmt", [
                "06{a}", "06-{a}", "06 {a}", "06 {a4} {b4}", "06-{p1} {p2} {p3} {p4}",
                "06 {p1} {p2} {p3} {p4}", "+31 6 {a}", "+316{a}", "+31 (0)6 {a4} {b4}",
                "0031 6 {a}", "00316{a}", "06-{a3} {b3} {c2}", "+31 6 {a4} {b4}", "06 - {a}",
                "06{a4}{b4}", "(06) {a}"])
            return fmt.format(a=d8, a4=d8[:4], b4=d8[4:], p1=d8[:2], p2=d8[2:4], p3=d8[4:6],
                              p4=d8[6:], a3=d8[:3], b3=d8[3:6], c2=d8[6:])
        area = r.choice(["70", "70", "70", "70", "15", "79", "71", "10", "20"])
        sub = str(r.randint(2, 9)) + "".join(str(r.randint(0, 9)) for _ in range(6))
        fmt = self.d("land_fmt", ["0{ar}-{s}", "0{ar} {s3} {s2} {s2b}", "0{ar} {s}",
                                  "(0{ar}) {s3} {s4}", "0031 {ar} {s}", "+31 {ar} {s3} {s4}",
                                  "+31 (0){ar} {s}", "0{ar}-{s3} {s4}", "0{ar}{s}"])
        return fmt.format(ar=area, s=sub, s3=sub[:3], s4=sub[3:], s2=sub[3:5], s2b=sub[5:])

    def email(self, ctx):
        r = self.rng
        first, _, pop = self.pick_first()
        sur = self.surname_for(pop)
        f = ascii_fold(first).lower().replace("-", "")
        s = ascii_fold(sur).lower().replace(" ", "").replace("'", "").replace("-", "")
        dom = r.choice(MAIL_DOMAINS)
        local = self.d("mail_local", ["{f}.{s}", "{f}{y}", "mama.{f}", "fam.{s}", "{f0}{s}{nn}",
                                      "{f}_{s}", "{f}.{s}{nn}", "papa{f}", "{s}{f0}",
                                      "{f}{s}", "mamavan{f}", "{f}.{s0}"]).format(
            f=f, s=s, f0=f[0], s0=s[0], y=r.randint(2013, 2022), nn=r.randint(1, 99))
        if r.random() < 0.3:
            name, tld = dom.rsplit(".", 1)
            fmt = self.d("mail_obf", ["{l} at {n} punt {t}", "{l} [at] {n} [dot] {t}",
                                      "{l}(at){n}.{t}", "{l} apenstaartje {n} punt {t}",
                                      "{l} @ {n} . {t}", "{l} at {n} dot {t}", "{l}@{n} punt {t}",
                                      "{l} (at) {n} (punt) {t}"])
            return fmt.format(l=local, n=name, t=tld)
        e = f"{local}@{dom}"
        return e.upper() if r.random() < 0.04 else e

    def handle(self, ctx, bare=False):
        r = self.rng
        first, _, pop = self.pick_first(ctx.gender)
        if "N" in ctx.cache:            # the handle of the child named in the text
            first = ctx.cache["N"][0]
        f = ascii_fold(first).lower().replace("-", "")
        s = ascii_fold(self.surname_for(pop)).lower().replace(" ", "").replace("'", "")
        h = self.d("handle_fmt", ["{f}_{yy}", "{f}.{x}", "{f}{s3}{nn}", "itz{f}", "{f}.gamer{nn}",
                                  "x{f}x", "{f}_official", "{f}{nn}_", "real{f}{nn}", "{f}.{s}",
                                  "{f}__{s3}", "{f}{yyyy}", "its.{f}.{s3}", "{f}xo{nn}",
                                  "{f}_tv", "lil{f}{nn}"]).format(
            f=f, s=s, s3=s[:3], nn=r.randint(1, 99), yy=r.randint(13, 22), yyyy=r.randint(2013, 2022),
            x=r.choice(["x", "xx", "dance", "vlogs", "ff", "yt"]))
        plat = self.d("handle_plat", ["@{h}", "insta: {h}", "insta @{h}", "snap: {h}", "sc {h}",
                                      "tiktok @{h}", "op tiktok als @{h}", "roblox-naam {h}",
                                      "snapchat {h}", "instagram @{h}", "tiktok: {h}", "@{h}",
                                      "ig {h}", "yt-kanaal {h}", "fortnite naam {h}"])
        if bare:
            plat = "@{h}" if r.random() < 0.6 else "{h}"
        shown = plat.format(h=h)
        fnd = ("@" + h) if "@{h}" in plat else h
        return (shown, [fnd], "handle")

    # ---- literal text: shorthand and typos ---------------------------------------------
    def shorthand(self, s):
        for pat, rep in SHORTHAND:
            if (pat, rep) in RARE_SHORTHAND:
                continue
            if self.chance(0.65):
                s = re.sub(pat, rep, s)
        for pat, rep in RARE_SHORTHAND:
            if self.chance(0.2):
                s = re.sub(pat, rep, s)
        return s

    def typo_word(self, w):
        r = self.rng
        op = r.choice(["swap", "drop", "double", "key"])
        i = r.randint(1, len(w) - 2)
        if op == "swap":
            return w[:i] + w[i + 1] + w[i] + w[i + 2:]
        if op == "drop":
            return w[:i] + w[i + 1:]
        if op == "double":
            return w[:i] + w[i] + w[i:]
        c = w[i]
        if c in KEY_NEIGHBOURS:
            return w[:i] + r.choice(KEY_NEIGHBOURS[c]) + w[i + 1:]
        return w[:i] + w[i + 1:]

    def add_typo(self, parts):
        """parts: list of literal strings; put one typo in a word of >= 5 lower-case letters."""
        cands = []
        for pi, p in enumerate(parts):
            for m in re.finditer(r"\b[a-zë]{5,}\b", p):
                cands.append((pi, m.start(), m.end()))
        if not cands:
            return parts
        pi, a, b = self.rng.choice(cands)
        p = parts[pi]
        parts[pi] = p[:a] + self.typo_word(p[a:b]) + p[b:]
        return parts

    # ---- render a template ---------------------------------------------------------------
    SLOT_RE = re.compile(r"\{(\w+)\}")

    def render(self, template, p_short=0.3, p_typo=0.2, p_nocomma=0.15):
        ctx = Ctx(self.rng)
        pieces = self.SLOT_RE.split(template)
        literals = pieces[0::2]
        if self.chance(p_short):
            literals = [self.shorthand(x) for x in literals]
        if self.chance(p_nocomma):
            literals = [x.replace(",", "") for x in literals]
        if self.chance(p_typo):
            literals = self.add_typo(literals)
            if self.chance(0.25):
                literals = self.add_typo(literals)
        out = []
        for i, piece in enumerate(pieces):
            if i % 2 == 0:
                out.append(literals[i // 2])
            else:
                text, found, kind = self.slot(piece, ctx)
                out.append(text)
                for f in found:
                    if f not in ctx.found:
                        ctx.found.append(f)
                if kind and kind not in ctx.kinds:
                    ctx.kinds.append(kind)
        text = re.sub(r"  +", " ", "".join(out)).strip()
        values = {k: v[0] for k, v in ctx.cache.items()}
        return text, ctx.found, ctx.kinds, values

    def layout(self, text, found, p_signal=0.22, p_lower=0.2, p_open=0.06, p_suffix=0.1):
        """Whole-message layout: prefix, opener, ending, lower case. Keeps found verbatim."""
        r = self.rng
        if r.random() < 0.5 and text.endswith(".") and not any(text.endswith(f) for f in found):
            text = text[:-1]
        if r.random() < p_suffix and text[-1:] not in "?.!":
            text += self.d("suffix", ["?", " mvg", " groet", " alvast bedankt", " 🙁", "!!",
                                      " graag advies", " wie weet raad?", " ..", " thx"])
        if r.random() < 0.4 and text[:1].islower() and not any(text.startswith(f) for f in found):
            text = text[0].upper() + text[1:]          # the phone capitalises the first letter
        if r.random() < p_open:
            text = self.d("opener", ["hoi, ", "Hoi! ", "vraagje: ", "Hallo, ", "goedemorgen, ",
                                     "Hoi wijkwijzer, ", "hoi "]) + text
        elif r.random() < p_signal and not text.lower().startswith("signaal"):
            text = self.d("signal", ["signaal: ", "signaal: ", "Signaal: ", "signaal:", "SIGNAAL: ",
                                     "signaal - "]) + text
        if r.random() < p_lower:
            text = text.lower()
            found = [f.lower() for f in found]
        return text, found


# =========================================================================================
# PII templates (texts written as IB'ers type them)
# =========================================================================================

PII_TEMPLATES = {
    "naam": [
        "{N} uit {gr} komt al {wk} weken te laat, moeder reageert niet op berichten",
        "{NA} eet bijna niks bij de tso, ouders zeggen dat het thuis wel goed gaat",
        "{N} zit elke pauze alleen op het plein",
        "ivm {N} {gr}: ouders willen aanmelding bij het jeugdteam, hoe gaat dat",
        "{broer} van {N} is ook al zo vaak ziek gemeld dit jaar",
        "steeds meer angstklachten in groep 8, vooral bij {N} en {zijn} vrienden",
        "wie kan meedenken over {N}? zit in {gr} en zegt geen woord in de klas",
        "{N} {gr} heeft nog steeds geen plek op het sbo, thuiszitter sinds de herfstvakantie",
        "kan de jgz kijken naar {N}, {hij} valt erg af",
        "vraag van ouders vd leerling ({FULL}) over de TLV",
        "{FAM} heeft geen geld voor het schoolreisje, kan Stichting Leergeld helpen?",
        "{MEVR} belt elke dag over het pesten in groep {g}",
        "{INIT} uit {g}b: dyslexieonderzoek aangevraagd maar de wachtlijst is lang",
        "We zien dit schooljaar in de bovenbouw steeds meer kinderen die 's ochtends moe "
        "binnenkomen omdat ze tot laat gamen, {N} uit {gr} is daar een voorbeeld van, en ouders "
        "zijn slecht bereikbaar. Is er in {wijk} een ouderavond over mediagebruik of iets dergelijks?",
        "{N} en {N2} uit {gr} zijn allebei nieuwkomers uit {land}, spreken nog geen Nederlands",
        "{FULL} {gr} vaak afwezig op vrijdag, moet ik leerplicht inschakelen?",
        "moeder van {N} vraagt of er een zwemfonds is, {hij} heeft nog geen A-diploma",
        "{N} is gisteren weer weggelopen uit de klas, 3e keer deze maand",
        "Met {N} ({gr}) gaat het sinds de verhuizing slecht, veel driftbuien",
        "gesprek gehad met de vader van {N}, hij wil geen OT",
        "{N} heeft adhd en krijgt sinds de zomer geen medicatie meer",
        "opp voor {N} moet voor de herfstvakantie af, wie helpt",
        "thuiszitter {N} al {wk} wkn thuis, leerplicht is ingelicht",
        "Nieuwe ll in gr {g}: {N}, komt uit {land}, nooit eerder naar school geweest",
        "wie heeft ervaring met selectief mutisme? {N} praat op school niet, thuis wel",
        "de moeder van {N} is langdurig ziek en {hij} zorgt veel voor de kleintjes, jonge mantelzorger",
        "{N} {gr} krijgt kader-advies maar ouders willen havo, hoe nu verder",
        "tweeling {N} en {N2} zit bij ons in groep {g}, ouders gaan scheiden",
        "Kan iemand van smw contact opnemen met de moeder van {FULL}?",
        "{N}, {N2} en {N3} uit {gr} pesten andere kinderen via de groepsapp",
        "{jongen} uit groep {g} ({N}) zit al weken thuis met buikpijn",
        "dyslexieverklaring van {N} is kwijt, hebben ouders die nog?",
        "{N} heeft een gehoorapparaat nodig maar de wachttijd is 4 mnd",
        "leerkracht maakt zich zorgen om {N}, is erg stil sinds de kerstvakantie",
        "{N} gr {g} mist elke maandag, ouders zeggen steeds dat {hij} ziek is",
        "Hoi! vraagje over {N}, {hij} zit in {gr} en leest op AVI start, wat kan ik aanvragen?",
        "{N} (gr {g}) zit in de plusklas maar verveelt zich enorm",
        "{N} uit groep {g} heeft weer hoofdluis, 4e keer dit jaar",
        "oma van {N} is voogd geworden, wie moet het OPP tekenen?",
        "ouders van {N} spreken alleen {taal}, tolk nodig bij het gesprek",
        "graag advies: {NA} kan nog niet fietsen en valt veel, motoriek onderzoek?",
        "{NA} zit nu in groep 2 maar is eigenlijk toe aan groep 3",
        "{N} bijt andere kleuters, ouders nemen het niet serieus",
        "aanmelding sbo voor {N} is afgewezen, wat nu?",
        "ouders vd leerling {N} willen een second opinion over het dyslexieonderzoek",
        "{N} {gr} huilt elke ochtend bij het afscheid van mama",
        "{N} en {zijn} {broertje2} {N2} wonen sinds kort bij hun vader",
        "hoi, {N} uit {gr} heeft TOS, cluster 2 begeleiding loopt af, wie weet wat nu",
        "{N} is vorige week geschorst na een vechtpartij op het plein",
        "Signaal: veel kinderen zonder zwemdiploma in {wijk}. Bijvoorbeeld {N} uit groep {g} "
        "heeft nog nooit gezwommen.",
        "{N} is de enige in de klas die nog niet kan lezen",
        "kan {N} (gr {g}) mee met het Jeugdfonds Sport & Cultuur? moeder vraagt het",
        "{N} zegt dat {hij} {zijn} huiswerk niet kan maken omdat er thuis geen wifi is",
        "arrangement voor {N} aangevraagd bij het swv, nog geen reactie",
        "de {broer} van {N} zit in groep {g} en heeft dezelfde problemen",
        "{FULL} staat al {wk} mnd op de wachtlijst bij {zorg}",
        "bij {N} vermoeden van autisme, ouders willen geen onderzoek",
        "ouders van {FULL} zijn verhuisd zonder het nieuwe adres door te geven",
        "{N} wil niet meer naar gym sinds {hij} is uitgelachen",
        "Zorgen om {N}: {hij} is erg snel boos en gooit met stoelen",
        "{N} ({age}) stottert steeds erger, logopedie wordt niet vergoed",
        "mag {N} een dag per week naar de Day a Week School? ouders vragen het",
        "{N} komt na de zomer terug uit {land}, welke groep?",
        "het gaat niet goed met {N}, {hij} slaapt slecht sinds {zijn} opa overleed",
        "{N} zit voor de 2e keer in groep {g}, ouders willen geen doublure meer",
        "kunnen we {N} aanmelden bij {zorg}? ouders zijn akkoord",
        "{N} met {zijn} {broertje2} {N2} uit groep 2 komen steeds te laat",
        "{MEVR} wil een gesprek met de directie over hun {zoon}",
        "vader van {FULL} wil dat de juf {hem} extra huiswerk geeft",
        "{FAM} is verhuisd naar {wijk} maar de kinderen blijven bij ons op school",
        "{N} gebruikt sinds kort een koptelefoon in de klas, dat helpt",
        "bij {N} uit {gr} is dyscalculie vastgesteld, wat zijn de afspraken?",
        "Ouders van {N} {gr} zijn boos over het vo-advies",
        "{N} heeft weer een epileptische aanval gehad in de klas",
        "wie heeft tips voor {N}? {hij} is hoogbegaafd maar onderpresteert",
        "{N} van groep {g} leest op AVI E3, rest van de klas op M5",
        "graag meedenken over {INIT}, {hij} is erg angstig bij toetsen",
        "{INIT} ({gr}) heeft een TLV voor het SBO gekregen",
        "{N}'s moeder vraagt om een tolk {taal} bij het 10-minutengesprek",
        "Steeds meer kinderen in {wijk} op de wachtlijst voor logopedie, ook {N} bij ons op school",
        "Er zijn veel ouders die hulp zoeken bij opvoeding, zoals de moeder van {N} die al drie "
        "keer bij mij was, en ook in groep 4 en 5 horen we dit. Is er een cursus positief opvoeden "
        "in {wijk}?",
        "In de onderbouw hebben we na de zomer 6 nieuwe kleuters met een taalachterstand erbij "
        "gekregen, waarvan {N} nog helemaal niet praat. We denken aan een VVE-indicatie, hoe "
        "vragen we die aan via het CJG?",
        "hoe zit het met vervoer naar het SBO? {N} woont ver weg en ouders hebben geen auto",
        "na de meivakantie veel verzuim in de bovenbouw. {N} (gr {g}) is sinds de vakantie pas "
        "2 dagen geweest. Wat is de grens voor een melding bij leerplicht?",
        "{N} uit groep {g} heeft een huisarts nodig, gezin is niet ingeschreven",
        "broertje van {N} komt in januari bij ons in groep 1",
        "zusje van {N} zit op de peuterspeelzaal en is erg stil",
        "{N}s vader zit in de schuldsanering, kunnen ze de ouderbijdrage kwijtgescholden krijgen?",
        "ik heb {N} aangemeld bij de rots en water training",
        "{N} {gr} wordt volgende week getest op dyslexie",
        "{NA} heeft een OPP nodig, wie schrijft mee?",
        "{N} doet mee met de plusklas op de Vliegerwolk",
        "leerkracht van groep {g} heeft veel zorgen over {N} en {N2}",
        "{N} zegt dat {hij} niet mag meedoen met de Kerstviering van thuis",
        "OT morgen over {FULL}, wie schuift aan?",
        "{FULL} - intake Youz volgende week",
        "{N} {gr} heeft astma en moet een puffer in de klas hebben",
        "{FULL} uit {gr} heeft sinds de zomer geen plek op de BSO meer",
        "gesprek met {MEVR} over de ziekmeldingen van hun {zoon}",
        "{FAM} wil geen hulp van het jeugdteam",
        "{FAM} heeft nog steeds geen geld voor de BSO door het toeslagenschandaal",
        "kinderen van {FAM} komen steeds te laat",
        "{MW} (moeder van een ll uit {gr}) vraagt om een gesprek met de adviseur",
        "{FULL} en {zijn} {broertje2} staan allebei op de wachtlijst bij {zorg}",
        "aanmelding voor de taalklas: {FULL}, {age} jaar, uit {land}",
        "Wie kent {FULL}? nieuw bij ons in {gr}, komt van een school in {wijk}",
        "{FULL} {gr} doet niet mee met de eindtoets ivm dyslexie",
        "{INIT} heeft een OPP met uitstroom VSO",
        "{INIT} uit groep {g} is weer in het ziekenhuis opgenomen",
        "dossier {INIT} naar het swv gestuurd",
        "zorgen om {FULL}: {hij} eet bijna niks bij de tso en is erg mager geworden",
        "{FAM} is weer verhuisd, al de 4e school voor de kinderen",
        "{MEVR} komt morgen met een tolk",
        "{FULL}, {gr}, aangemeld bij het OT ivm gedrag",
        "met {MEVR} afgesproken dat hun {zoon} een time-out plek krijgt",
        "{FULL} heeft een TLV cluster 4 nodig",
        "voogd van {FULL} is Nidos, wie is daar de contactpersoon?",
        "de ouders van {INIT} willen {hem} van school halen",
        "{FULL} is al de hele week ziek gemeld, 3e keer deze maand",
        "kan de orthopedagoog observeren bij {FULL} in {gr}?",
        "{FULL} ({age}) wacht al een jaar op een dyslexieonderzoek",
        "moeder van {FULL} heeft geen verblijfsvergunning en durft niet naar het CJG",
        "Graag een plek in de taalklas voor {FULL}, net uit {land}",
        "{FULL} mag van de arts niet meer mee met gym",
        "leerkracht {gr} vraagt handelingsadvies voor {FULL}",
        "{MEVR} wil de dyslexieverklaring van hun {zoon} niet laten opnemen in het dossier",
    ],
    "bsn": [
        "bsn {BSN} staat fout in parnassys, wie kan dat aanpassen",
        "kan iemand checken of de TLV voor de ll met bsn {BSN} al is afgegeven?",
        "Aanmelding ll {gr}, BSN: {BSN}, geen dossier van de vorige school ontvangen",
        "burgerservicenummer {BSN} moet nog in het groeidocument",
        "{BSN} is het bsn van de nieuwe leerling, ouders hebben nog geen DigiD",
        "bsn vd leerling {BSN} ivm aanvraag arrangement",
        "ll zonder plek, bsn {BSN}, thuiszitter sinds sept",
        "Hierbij het BSN voor de aanmelding bij het OT: {BSN}",
        "kind met bsn {BSN} staat dubbel ingeschreven volgens DUO",
        "voor de 16-urenmelding: bsn {BSN}, {gr}",
        "BSN-nummer {BSN} graag doorgeven aan leerplicht",
        "sofinummer {BSN} van het kind staat op de beschikking",
        "beschikking jeugdhulp op bsn {BSN} is verlopen, wie verlengt?",
        "nieuwe aanmelding uit {wijk}: bsn {BSN} groep {g}",
        "bsn:{BSN} graag koppelen aan het dossier",
        "is {BSN} al bekend bij jullie? kind komt van een school in Zoetermeer",
        "ouders sturen het bsn: {BSN}, is dat genoeg voor de aanmelding?",
        "TLV aanvraag bsn {BSN} - graag voor 1 december",
    ],
    "onderwijsnummer": [
        "nieuwkomer zonder bsn, onderwijsnummer {OWN}",
        "onderwijsnr {OWN} staat niet in het register bij DUO",
        "kind heeft alleen een onderwijsnummer ({OWN}), hoe vraag ik dan een TLV aan?",
        "Tijdelijk nummer {OWN} gekregen van de administratie, bsn komt later",
        "onderwijsnummer: {OWN} graag koppelen aan het dossier",
        "leerling uit het AZC heeft onderwijsnummer {OWN}, moet dat in de aanmelding?",
        "{OWN} is het onderwijsnummer van de ll uit {gr} die uit {land} kwam",
        "owm-nummer {OWN} komt niet overeen met BRON",
        "aanmelding taalklas, onderwijsnr. {OWN}",
        "kind zonder bsn ({OWN}) staat nog niet in het verzuimregister",
    ],
    "leerlingnummer": [
        "{LLN} uit {gr} is al 4 weken ziek gemeld",
        "dossier van {LLN} is doorgestuurd naar het OT",
        "{LLN} heeft morgen de intake bij {zorg}",
        "kunnen jullie meekijken bij {LLN}? groeidocument staat klaar",
        "zorgen om {LLN} ({gr}), veel verzuim",
        "verzuimmelding gedaan voor {LLN}",
        "ik bedoel {LLN}, niet de andere",
        "OPP van {LLN} is getekend door ouders",
        "{LLN} gaat na de kerstvakantie naar het sbo",
        "graag terugkoppeling over {LLN}, aangemeld in september",
        "wie heeft het dossier van {LLN} opgevraagd?",
        "{LLN} {gr} heeft een dyslexieverklaring, staat nog niet in parnassys",
    ],
    "geboortedatum": [
        "leerling {DOB} zit nog in groep 2, mag dat nog?",
        "kind {DOB} komt uit {land}, in welke groep plaatsen we {hem}?",
        "nieuwe aanmelding: {jongen} {DOB}, komt van een kdv in {wijk}",
        "{jongen} uit groep 3 die op {DM} jarig is, heeft al 3 weken niet geslapen zegt moeder",
        "{N} ({DATE}) heeft een verlengde kleuterperiode gehad",
        "Geboortedatum {DATE}, groep {g}, vraag over versnellen",
        "de leerling met geboortedatum {DATE} heeft nog geen OPP",
        "{DOB}, {gr}, verzuim bijna 30%",
        "{gr} {jongen} geboren in {MY}, nu al 2x blijven zitten",
        "kleuter geb. {YEAR} is nog niet zindelijk, ouders weten niet wat te doen",
        "jarig op {DM} en zit in groep {g}, ouders vragen om verlengen",
        "ll {DOB} - aanmelding OT",
        "{jongen} geboren op {DM} wordt pas 4 in de zomer, mag {hij} al komen wennen?",
        "geb {DATE} groep {g} taalachterstand",
        "kind is op {DATE} geboren en zit in {gr}, is dat een jaar te laag?",
        "{jongen} met verjaardag op {DM} uit {gr} wil niet op school trakteren, geen geld",
        "aanmelding: {DOB}, komt uit {land}, nog nooit naar school",
        "{jongen} van {gr}, geboren {MY}, heeft een TLV nodig",
        "kleuter {DOB} wordt bij de jgz gezien ivm spraak",
        "ik heb een {jongen} van {gr} (geb. {YEAR}) die nog steeds niet leest",
        "de ll die {DM} jarig is ({gr}) heeft een nieuwe pleegouder",
        "geboren {DATE}, {gr}, dyslexie vermoeden",
    ],
    "telefoon": [
        "moeder wil teruggebeld worden op {TEL}",
        "vader van de ll uit {gr} is bereikbaar op {TEL}, moeder niet",
        "tel ouders: {TEL} (alleen na 17u)",
        "nummer van oma {TEL}, zij haalt {hem} altijd op",
        "{TEL} is van de moeder, ze spreekt alleen Arabisch",
        "kunnen jullie de ouders bellen? {TEL}",
        "ouders vd leerling willen contact met smw, nummer {TEL}",
        "mobiel vader {TEL}",
        "Moeder vraagt of de jeugdverpleegkundige haar kan bellen: {TEL}",
        "bel ff met de tante van het kind, {TEL}, zij regelt alles",
        "ouders hebben een nieuw nummer: {TEL}",
        "kan leerplicht contact opnemen met moeder ({TEL})? ze neemt alleen op na 3 keer bellen",
        "voor het OT: vader {TEL}, moeder heeft geen telefoon",
        "gastouder van de {jongen} uit {gr} is bereikbaar op {TEL}",
        "moeder belde vanaf {TEL} over het vervoer naar het sbo",
    ],
    "email": [
        "mail van de ouders: {MAIL}",
        "moeder mailt altijd vanaf {MAIL}, kan de uitnodiging daarheen?",
        "stuur het formulier naar {MAIL} (vader)",
        "ouders hebben geen ouderportaal, wel mail: {MAIL}",
        "{MAIL} is het mailadres van het gezin",
        "Voor het OT graag de ouders uitnodigen via {MAIL}",
        "contact ouders loopt via {MAIL}",
        "vader wil het verslag ontvangen op {MAIL}",
        "ouders gescheiden, moeder: {MAIL}",
        "toestemmingsformulier terug van {MAIL}, is dat geldig?",
        "kan de jeugdconsulent mailen naar {MAIL}? gaat over de {jongen} uit {gr}",
    ],
    "handle": [
        "{jongen} uit groep 8 zet filmpjes online als {H}",
        "er worden nare berichten gestuurd vanaf {H}, is van een ll uit {gr}",
        "{zijn} account: {HANDLE}, daar staan foto's van de klas op",
        "kinderen uit gr 7 volgen een {jongen} uit de klas die alles post ({HANDLE})",
        "{N} heeft een eigen kanaal met 2000 volgers ({HANDLE}), ouders weten het niet",
        "filmpje van de ruzie staat online, {HANDLE}",
        "ll uit {gr} zet de juf op tiktok, account {H}",
        "{jongen} wordt buitengesloten in de klassenchat, beheerder is {H}",
        "ouders vragen of we iets kunnen doen tegen {H}, account van een klasgenoot",
        "nep-account {H} maakt kinderen uit groep 8 belachelijk, het is een ll van ons",
        "de {jongen} uit {gr} heeft een openbaar profiel, {HANDLE}, met foto's in badkleding",
        "{N} ({age}) chat met onbekenden, {zijn} {HANDLE}",
    ],
    "adres": [
        "gezin woont op {ADR}, daar is schimmel in het hele huis",
        "ll is verhuisd naar {ADR}, nieuwe school al gevonden?",
        "huisbezoek gedaan op {ADR}, moeder was niet thuis",
        "adres in parnassys klopt niet, is nu {ADR}",
        "{jongen} woont sinds kort bij oma op {ADR}",
        "{ADR} is het adres van de opvang waar het gezin nu zit",
        "kan leerplicht langs op {ADR}? al {wk} weken geen contact",
        "ouders wonen apart, vader op {ADR}",
        "nieuw adres gezin: {ADR}, {city}",
        "het kind woont {ADR}, hoort dat bij jeugdteam {wijk}?",
        "taxi voor de ll moet naar {ADR}",
        "{de_jongen} uit {gr} woont op {ADR} bij een pleeggezin",
    ],
    "postcode": [
        "gezin woont in {PC}, valt dat onder jeugdteam {wijk}?",
        "postcode gezin {PC}",
        "ll woont op {PC}, ver van school, leerlingenvervoer aanvragen?",
        "nieuw adres: {PC} {city}",
        "het kind woont in {PC}, is dat nog ons swv?",
        "pc {PC}, gezin met 4 kinderen, geen verwarming",
        "verhuisd naar {PC}, wie is daar de smw'er?",
        "moeder en kinderen zitten nu op {PC}",
    ],
    "singling_out": [
        "de enige {jongen} {so_trait} in {so_gr} van {so_school} {extra}",
        "in {so_gr} van {so_school} zit één kind {so_trait}, ouders willen niet dat de klas het weet",
        "{so_school} {so_gr}: {de_jongen} {so_trait} {extra}",
        "op {so_school} zit in {so_gr} een {jongen} {so_trait}, wie heeft hier ervaring mee?",
        "het enige kind {so_trait} in {so_gr} op {so_school} mist veel lessen ivm ziekenhuis",
        "die ene {ll} {so_trait} uit {so_gr} van {so_school} krijgt geen passend aanbod",
        "signaal: {so_school}, {so_gr}, 1 ll {so_trait} en ouders willen geen hulp",
        "{de_jongen} {so_trait} uit {so_gr} ({so_school}) {extra}",
        "zorgen over {de_jongen} in {so_gr} bij ons op {so_school}, {hij} is de enige {so_trait}",
        "de enige {nat} {jongen} in {so_gr} in {so_wijk} {so_trait} {extra}",
        "{so_school}: in {so_gr} is er 1 {jongen} {so_trait}, wie kan de leerkracht coachen?",
    ],
    "combo": [
        "{FULL} ({age}), {DOB}, woont {ADR}, moeder {TEL}",
        "{N} {gr} bsn {BSN} - aanmelding OT",
        "naam: {FULL} / geb: {DATE} / {LLN}",
        "{FULL}, {ADR}, {PC} {city}",
        "graag bellen met moeder van {N}: {TEL} of mailen {MAIL}",
        "{N} zit op tiktok als {H} en zet daar filmpjes van de klas op",
        "{INIT} geb. {DATE} - graag bespreken in het MDO",
        "{MEVR} {TEL} wil teruggebeld worden",
        "{NA} woont op {ADR}, vader zit in de schuldhulp",
        "{FULL} {BSN} thuiszitter",
        "aanmelding {N} ({DATE}), onderwijsnummer {OWN}, komt uit {land}",
        "{N} uit {gr}, jarig op {DM}, wil een feestje geven maar er is geen geld",
        "{LLN} = {FULL}, zie dossier",
        "moeder van {FULL} mailt vanaf {MAIL}, graag de uitnodiging voor het OT",
        "{FAM}, {ADR}, 4 kinderen, 2 bij ons op school",
        "{N} ({age}) - {PC} - moeder {TEL}",
        "{FULL} geb. {DATE}, bsn {BSN}",
        "ik stuur het dossier van {N} {gr}, {LLN}, naar de adviseur",
        "{N} is verhuisd naar {ADR} ({PC})",
        "kan iemand {FAM} bellen? {TEL}",
        "{N} {gr} heeft {so_trait} en is de enige op {so_school}, moeder wil geen ambulance-protocol",
    ],
}

# Fixed items: the exact examples of the brief, so they are certainly in the set.
FIXED_PII = [
    ("Mo (8) uit groep 4 komt steeds te laat, wie kan meedenken?", ["naam"], ["Mo"]),
    ("fam. Yılmaz heeft geen geld voor de schoolreis", ["naam"], ["Yılmaz"]),
    ("mevr. de Vries wil een gesprek over de TLV", ["naam"], ["de Vries"]),
    ("J.d.V. uit groep 6 zit al 3 weken thuis", ["naam"], ["J.d.V."]),
    ("lln 20431 uit gr 6 is al 4 weken ziek", ["leerlingnummer"], ["20431"]),
    ("leerlingnr. 4471 heeft de intake gehad", ["leerlingnummer"], ["4471"]),
    ("nieuwe kleuter, geb 02112017, komt uit Polen", ["geboortedatum"], ["02112017"]),
    ("geboren 14-03-'18, nog niet zindelijk", ["geboortedatum"], ["14-03-'18"]),
    ("aanmelding meisje geboren 9 januari '16", ["geboortedatum"], ["9 januari '16"]),
    ("jongen geboren op 12 maart 2016 zit nog in groep 3", ["geboortedatum"], ["12 maart 2016"]),
    ("kind uit gr 2 is geboren op 3 mei, mag hij al naar groep 3?", ["geboortedatum"], ["3 mei"]),
    ("kleuter geb. 2016 spreekt nog geen Nederlands", ["geboortedatum"], ["2016"]),
    ("meisje uit groep 1 is jarig op 4 juni en dan pas 5", ["geboortedatum"], ["4 juni"]),
    ("moeder bereikbaar op 06-12 34 56 78", ["telefoon"], ["06-12 34 56 78"]),
    ("vader +31 (0)6 1234 5678, moeder spreekt geen Nederlands", ["telefoon"], ["+31 (0)6 1234 5678"]),
    ("oma belt vanaf 0031 70 1234567", ["telefoon"], ["0031 70 1234567"]),
    ("mail de vader: jan at school punt nl", ["email"], ["jan at school punt nl"]),
    ("gezin woont dorpsstraat 12, geen verwarming", ["adres"], ["dorpsstraat 12"]),
    ("ll verhuisd naar Laan van Meerdervoort 1123b", ["adres"], ["Laan van Meerdervoort 1123b"]),
    ("gezin woont in 2491 AB, valt dat onder Ypenburg?", ["postcode"], ["2491 AB"]),
    ("nieuw adres 2491ab 7", ["postcode"], ["2491ab 7"]),
    ("de enige jongen met een rolstoel in groep 6 van de Vliegerwolk heeft epilepsie",
     ["singling_out"], ["met een rolstoel", "groep 6", "de Vliegerwolk", "epilepsie"]),
    ("bo heeft weer hoofdluis, moeder doet er niks aan", ["naam"], ["bo"]),
    ("LI uit groep 3 spreekt alleen Mandarijn", ["naam"], ["LI"]),
    ("Jo (7) wil niet naar gym", ["naam"], ["Jo"]),
    ("insta: mila.x zet foto's van klasgenoten online", ["handle"], ["mila.x"]),
    ("ouders vd leerling vragen om een tolk, kind heet Şeyma Öztürk", ["naam"], ["Şeyma Öztürk"]),
    ("broer van ahmed zit in groep 7 en verzuimt ook", ["naam"], ["ahmed"]),
    ("Paweł Kowalski uit 5b is terug uit Polen", ["naam"], ["Paweł Kowalski"]),
    ("Noah de V. heeft een TLV nodig", ["naam"], ["Noah de V."]),
]

# =========================================================================================
# Clean templates: no personal data, deliberate near-misses. (template, note)
# =========================================================================================

CLEAN_TEMPLATES = [
    # holidays and events
    ("steeds meer kinderen in groep {g} komen moe op school tijdens {feest}", "feestdag/evenement met hoofdletter of lidwoord"),
    ("Na {feest} merken we meer verzuim in {wijk}", "feestdag + wijk uit de kennisbank"),
    ("rond {feest} zien we meer onrust in de klassen", "feestdag/evenement"),
    ("Tijdens de Ramadan zijn veel kinderen in de bovenbouw moe en prikkelbaar", "Ramadan met hoofdletter"),
    ("na het Suikerfeest was het verzuim in groep {g} weer hoog", "Suikerfeest + groep"),
    ("In de Cito-week hebben meer kinderen buikpijn, faalangst neemt toe", "Cito-week"),
    ("Week tegen Pesten: wie heeft goede lessen voor groep 5/6?", "Week tegen Pesten, groep 5/6"),
    ("na de herfstvakantie {n} nieuwe kinderen uit Oekraïne in de onderbouw", "herfstvakantie, nationaliteit, aantal"),
    ("Keti Koti op 1 juli: ouders uit de Surinaamse gemeenschap willen meedoen", "Keti Koti, evenementdatum, Surinaamse"),
    ("Divali en Holi Phagwa: veel Hindostaanse kinderen afwezig, is dat luxe verzuim?", "feestdagen met hoofdletter"),
    ("Chinees Nieuwjaar valt in de toetsperiode, kunnen we de toets uitstellen?", "Chinees Nieuwjaar"),
    ("Sinterklaas: veel ouders in {wijk} kunnen geen cadeautje betalen, meer aanvragen bij {fonds}", "Sinterklaas, fonds"),
    ("Koningsdag valt dit jaar op zondag, Koningsspelen op vrijdag", "Koningsdag/Koningsspelen"),
    ("de Kerstvakantie is lang voor kinderen uit gezinnen met weinig geld, is er iets in {wijk}?", "Kerstvakantie"),
    ("Orthodox Pasen valt een week later, veel Oekraïense gezinnen vragen verlof", "Orthodox Pasen, Oekraïense"),
    ("voor de Avondvierdaagse hebben {k} gezinnen geen geld, kan {fonds} helpen?", "Avondvierdaagse, aantal gezinnen"),
    ("Kinderboekenweek was een succes, kinderen lezen meer", "Kinderboekenweek"),
    ("sinds de meivakantie meer kinderen die niet naar de BSO kunnen", "meivakantie"),
    ("Halloween op het plein: sommige ouders vonden het te eng voor kleuters", "Halloween"),
    ("met Prinsjesdag willen veel kinderen naar de Gouden Koets kijken, vrij geven?", "Prinsjesdag, Gouden Koets"),
    ("Hemelvaart en Pinksteren: veel kinderen missen de dag ervoor en erna", "Hemelvaart, Pinksteren"),
    ("de Week van de Lentekriebels: ouders in {wijk} hebben vragen over de lessen", "Week van de Lentekriebels"),
    # organisations
    ("{fonds} heeft de aanvraagtermijn verkort, {n} gezinnen vallen buiten de boot", "fonds/organisatie, aantal"),
    ("wachtlijst bij {zorg} is nu 9 maanden voor kinderen met angst", "zorgorganisatie"),
    ("Horizon heeft geen plek meer in de dagbehandeling", "Horizon"),
    ("Betaalt het Jeugdfonds Sport & Cultuur nu ook zwemles?", "Jeugdfonds Sport & Cultuur"),
    ("Voedselbank {wijk} heeft steeds meer gezinnen met jonge kinderen", "Voedselbank + wijk"),
    ("De samenwerking met het CJG loopt goed, jgz komt nu elke maand", "CJG, jgz"),
    ("GGD meldt meer kinderen met overgewicht in {wijk}", "GGD + wijk"),
    ("Kessler Stichting: steeds meer gezinnen met kinderen in de opvang", "Kessler Stichting"),
    ("Xtra heeft weer een cursus voor ouders in de wijk", "Xtra"),
    ("Florence heeft een café voor mantelzorgers, ook voor jonge mantelzorgers?", "Florence (organisatie, ook voornaam)"),
    ("via de Ooievaarspas krijgen gezinnen korting op zwemles", "Ooievaarspas"),
    ("{kborg} heeft een nieuwe werkwijze voor aanmeldingen", "organisatie uit de kennisbank"),
    ("de William Schrikker Groep heeft lange wachttijden voor gezinsvoogden", "William Schrikker Groep (voornaam in organisatienaam)"),
    ("Stichting Het Vergeten Kind geeft een training over kinderen in de opvang", "Stichting Het Vergeten Kind"),
    ("Youz en Jutters hebben allebei een wachtlijst van meer dan een half jaar", "Youz, Jutters"),
    ("kinderen kunnen via {sportfonds} op voetbal, veel ouders weten dat niet", "fonds"),
    ("{zorg} komt {evdatum} uitleg geven op de IB-netwerkbijeenkomst", "organisatie + evenementdatum"),
    ("Humanitas Home-Start zoekt vrijwilligers voor gezinnen in {wijk}", "Humanitas Home-Start"),
    ("Vluchtelingenwerk helpt gezinnen uit het COA met de inschrijving", "Vluchtelingenwerk, COA"),
    # knowledge base schools and wijken
    ("op {school} zien ze ook steeds meer thuiszitters", "schoolnaam uit de kennisbank"),
    ("{school} en {school2} willen samen een taalklas starten", "twee schoolnamen uit de kennisbank"),
    ("in {wijk} zijn te weinig BSO-plekken", "wijk uit de kennisbank"),
    ("IB-netwerk {wijk}: veel vragen over dyslexie", "wijk"),
    ("Signaal vanuit {school}: veel kinderen in de onderbouw met spraak-taalproblemen", "schoolnaam"),
    ("{school} groep {g}: {n} kinderen met een ontwikkelingsvoorsprong, plusklas zit vol", "school + groep + aantal (geen individu)"),
    ("Ook op {school} merken ze dat ouders de weg naar {kborg} niet vinden", "school + organisatie uit de kennisbank"),
    ("in {wijk} en {wijk2} veel gezinnen in tijdelijke woningen", "wijken"),
    ("welke school in {wijk} heeft nog plek in groep {g}?", "wijk + groep"),
    ("steeds meer gezinnen verhuizen van {wijk} naar Zoetermeer of Pijnacker", "wijk + plaatsnamen"),
    ("op {school} is de plusklas voor groep 5-8 weer gestart", "school, groep 5-8"),
    # nationalities and languages
    ("Steeds meer Oekraïense kinderen in de onderbouw, taalklas zit vol", "Oekraïense, hoofdletter begin"),
    ("Poolse ouders weten vaak niet hoe het OT werkt, is er een folder in het Pools?", "Poolse, Pools"),
    ("{nat} en {nat2} moeders in {wijk} komen niet naar de koffieochtend", "nationaliteiten"),
    ("Bulgaarse gezinnen verhuizen vaak midden in het schooljaar", "Bulgaarse"),
    ("veel Eritrese kinderen spreken Tigrinya thuis, we zoeken een tolk", "Eritrese, Tigrinya"),
    ("tolk {taal} is moeilijk te krijgen voor oudergesprekken", "taal"),
    ("Somalische ouders vragen om informatie over passend onderwijs", "Somalische"),
    ("Chinese gezinnen in {wijk} kennen het CJG niet", "Chinese + wijk"),
    ("kinderen die thuis Papiaments spreken scoren lager op de taaltoets", "Papiaments"),
    ("Berberse moeders willen een ouderavond in het Tamazight", "Berberse (Berber is ook voornaam), Tamazight"),
    ("Hindostaanse grootouders halen vaak de kinderen op, zij spreken Sarnami", "Hindostaanse, Sarnami"),
    ("meer {nat} nieuwkomers dit jaar, vooral in groep {g}", "nationaliteit + groep"),
    ("{nat} vaders komen vaker naar de ouderavond sinds we die ook in hun eigen taal aankondigen", "nationaliteit"),
    ("Marokkaanse en Turkse vaders komen vaker naar de ouderavond sinds we een tolk Arabisch en Turks hebben", "nationaliteiten, talen"),
    ("Syrische kinderen die al 2 jaar hier zijn halen de anderen snel in", "Syrische"),
    # streets and squares without a number
    ("veel kinderen hangen na schooltijd {plek} rond", "straat/plein zonder huisnummer"),
    ("Ouders vragen om een veilige oversteek {plek}", "straat zonder huisnummer"),
    ("wijkagent is vaker te zien {plek} sinds de zomer", "plein/straat + rol"),
    ("nieuwe speeltuin {plek} is een succes, kinderen spelen meer buiten", "plek zonder nummer"),
    ("veel gezinnen die {plek} wonen hebben schimmel in huis", "straat zonder huisnummer"),
    ("ouders zien 's avonds laat nog jonge kinderen {plek}", "plek zonder huisnummer"),
    ("HTM lijn 12 is vaak te laat, kinderen uit Duindorp komen daardoor te laat", "tramlijn met nummer, wijk"),
    # books and methods
    ("we lezen {boek} voor in de klas, NT2-kinderen doen veel beter mee", "boektitel (soms met figuurnaam)"),
    ("{methode} werkt goed bij de onrust in groep {g}", "methode"),
    ("wie heeft ervaring met {methode} voor kinderen met faalangst?", "methode"),
    ("voorlezen uit {boek} helpt bij kinderen met een taalachterstand", "boektitel"),
    ("we starten na de zomer met {methode} in de hele school", "methode"),
    ("prentenboek {prentenboek} gebruikt bij de VVE, kleuters praten meer", "prentenboek"),
    ("Kanjertraining of Rots en Water, wat werkt beter in groep 7?", "Kanjertraining, Rots en Water"),
    ("in groep {g} lezen ze {leesboek}, mooie gesprekken over gevoelens", "boektitel"),
    # times
    ("schooltijden {schooltijd} maar veel kinderen staan om 8.00 al op het plein", "tijden"),
    ("spreekuur smw elke di 8.30-10.00 in de teamkamer", "tijd 8.30-10.00"),
    ("we starten om 8.30 en om 9.00 zijn er nog steeds {n} laatkomers", "tijden + aantal"),
    ("de BSO haalt pas {tijdeind} op, kinderen wachten dan in de hal", "tijd"),
    ("tso is {tsotijd}, veel kinderen vergeten hun drinken", "tijdvak"),
    ("tso begint {tijdmiddag}, veel kinderen vergeten hun drinken", "tijd"),
    ("inloopspreekuur jgz {spreektijd} op woensdag", "tijd"),
    ("Vanaf 15.30 is er huiswerkbegeleiding in het buurthuis", "tijd"),
    ("{n} kinderen staan {tijdeind} nog op het plein te wachten, ouders komen laat", "tijd, aantal"),
    # school years and years
    ("in {sj} al {n} thuiszitters in {wijk}", "schooljaar + aantal"),
    ("Sinds {jaar} is het aantal nieuwkomers verdubbeld", "jaartal"),
    ("in {jaar} is de wachtlijst bij de jgz langer geworden", "jaartal gevolgd door 'is' (lijkt PC6)"),
    ("{jaar} en {jaar2} waren zware jaren voor de gezinnen in {wijk}", "jaartallen gevolgd door 2-letterwoord"),
    ("vergeleken met {sj} veel meer verzuim in de bovenbouw", "schooljaar"),
    ("plan voor {sj}: meer inzet op ouderbetrokkenheid", "schooljaar"),
    ("het ondersteuningsplan 2026-2030 zegt niks over nieuwkomers", "jaartallen 2026-2030"),
    ("in {jaar} al {n} aanmeldingen bij het OT, nu nog meer", "jaartal gevolgd door 'al'"),
    ("sinds {jaar} nu ook een taalklas in {wijk}", "jaartal gevolgd door 'nu'"),
    ("in {jaar} op {n} scholen gestart met de Vreedzame School", "jaartal gevolgd door 'op'"),
    ("de cijfers over {jaar} en {jaar2} staan in het jaarverslag", "jaartallen"),
    # event dates
    ("{evdatum} is de studiedag, dan ook IB-netwerk", "evenementdatum zonder jaar"),
    ("{evdatum} netwerkbijeenkomst IB'ers {wijk} over thuiszitters", "evenementdatum + wijk"),
    ("OT-overleg {evdatum} gaat niet door, nieuwe datum volgt", "evenementdatum"),
    ("{evdatumjaar} training meldcode voor het hele team", "datum met jaartal (geen geboortedatum)"),
    ("informatieavond vo {evdatum} om 19.30", "evenementdatum + tijd"),
    ("de deadline voor aanvragen arrangementen is 1 oktober", "deadline 1 oktober"),
    ("netwerkbijeenkomst {evdatumjaar} in {wijk}", "datum met jaartal, wijk"),
    ("ouderavond {evdatum}, thema mediagebruik", "evenementdatum"),
    # counts, percentages
    ("{n} leerlingen in {gr} hebben een dyslexieverklaring", "aantal + groep"),
    ("{n} gezinnen in de wijk hebben geen vast adres", "aantal gezinnen"),
    ("{pct} van groep 8 heeft een advies onder het niveau van de toets", "percentage, groep 8"),
    ("bijna de helft van de kleuters heeft geen zwemdiploma", "aandeel"),
    ("{pct} van de kinderen komt zonder jas naar school in de winter, ook in {wijk}", "percentage"),
    ("de ouderbijdrage van 40 euro is voor {n} gezinnen te hoog", "bedrag, aantal"),
    ("{n} van de 60 kinderen in de bovenbouw zit op een sportclub", "aantallen"),
    # Veilig Thuis and public numbers
    ("Veilig Thuis (0800-2000) heeft nu ook een chat voor professionals", "Veilig Thuis 0800-2000"),
    ("we bellen vaker Veilig Thuis 0800-2000 voor advies, dit jaar al {n} keer", "Veilig Thuis-nummer, aantal"),
    ("Kindertelefoon 0800-0432 op de poster in de gang gezet", "0800-nummer Kindertelefoon"),
    ("politie niet-spoed is 0900-8844, de wijkagent is moeilijk te bereiken", "0900-nummer politie"),
    # roles
    ("{rol} is al weken ziek, geen vervanging", "rolwoord"),
    ("jgz heeft de spreekuren naar de middag verplaatst", "jgz"),
    ("leerplicht reageert traag op meldingen", "leerplicht"),
    ("de wijkagent komt voortaan 1x per maand langs", "wijkagent"),
    ("{rol} heeft geen tijd meer voor observaties in de klas", "rolwoord"),
    ("Smw'er en jgz willen samen een spreekuur houden op school", "smw'er, jgz met hoofdletter"),
    ("wie is {rol} voor {wijk}?", "rolwoord + wijk"),
    # words after leerling/kind/meisje, no name
    ("{Ll} {verb}, wat kunnen we doen?", "woord na leerling/kind/meisje is geen naam"),
    ("{ll} uit {gr} {verb}", "woord na leerling/kind is geen naam"),
    ("{Ll} in groep {g} {verb}, zien jullie dat ook vaker?", "woord na leerling/kind is geen naam"),
    ("steeds vaker: {ll} {verb}", "woord na leerling/kind is geen naam"),
    ("meisje wordt gepest in de groepsapp, wat is de route", "meisje wordt gepest"),
    ("kind huilt vaak bij het brengen, hoort dat nog bij de leeftijd?", "kind huilt vaak"),
    ("Jongen Zegt weinig en kijkt niemand aan, autisme?", "hoofdletters midden in de zin"),
    ("leerling Spreekt nog geen Nederlands na een jaar", "hoofdletter na leerling"),
    # common words that are also names
    ("veel kinderen hebben last van roos en hoofdluis", "roos (ook voornaam)"),
    ("kinderen mogen via Xtra gratis op les: gitaar, bas en drums", "bas (ook voornaam)"),
    ("de kinderen zijn heel lief voor de nieuwkomers", "lief"),
    ("natuurles in het Zuiderpark: mees en merel tellen, goed voor de rust", "mees, merel (ook voornamen)"),
    ("kinderen zijn bang voor de storm van vorige week, {k} gezinnen hebben schade", "storm (ook voornaam)"),
    ("de post van DUO komt niet aan bij nieuwkomers", "post (ook achternaam)"),
    ("kinderen met autisme denken vaak zwart-wit", "zwart (ook achternaam)"),
    ("de kok van de tso is gestopt, kinderen eten nu brood", "kok (ook achternaam)"),
    ("overgang van het bo naar het vo is lastig voor nieuwkomers", "bo = basisonderwijs (ook voornaam Bo)"),
    ("in mei zijn er veel vrije dagen, kinderen raken uit het ritme", "mei (ook voornaam Mei)"),
    ("in april start de nieuwe taalklas", "april (ook voornaam)"),
    ("uitje naar de kinderboerderij: kinderen hebben nog nooit een koe in de wei gezien", "wei (ook voornaam Wei)"),
    ("de linde op het plein is gekapt, kleuters missen de schaduw", "linde (ook voornaam)"),
    ("kleuters plukken madeliefjes op het plein", "madeliefjes (Madelief is ook voornaam)"),
    ("er is hoop: de wachtlijst bij Youz wordt korter", "hoop"),
    ("Prins Hendrikplein wordt opgeknapt, kinderen spelen op straat", "Prins (straatnaam zonder nummer)"),
    ("groen licht van de gemeente voor de schoolmaaltijden", "groen (ook achternaam)"),
    ("kinderen sparen voor een puck en een stick, ijshockey op de ijsbaan", "puck (ook voornaam)"),
    ("veel ouders hebben 2 banen en weinig tijd, de job gaat voor", "job (ook voornaam)"),
    ("in het bos bij het Haagse Bos spelen kinderen na school zonder toezicht", "bos/Haagse Bos"),
    ("we drinken jasmijnthee met de moeders bij de koffieochtend", "jasmijn"),
    # capitalised sentence starts and common words
    ("Steeds meer kinderen met angstklachten in groep 8", "Steeds meer, groep 8"),
    ("Ouders willen meer informatie over het OPP", "Ouders met hoofdletter"),
    ("Veel Kinderen Komen Te Laat Na De Vakantie", "alles met hoofdletters"),
    ("Meerdere leerkrachten merken dat kinderen slechter slapen", "hoofdletterbegin"),
    ("Leerkrachten in de onderbouw zien meer zindelijkheidsproblemen", "hoofdletterbegin"),
    ("STEEDS MEER THUISZITTERS IN {wijk}", "hoofdletters + wijk"),
    ("Nieuwkomers hebben langer nodig dan de Taalklas biedt", "hoofdletters"),
    ("Kleuters uit {wijk} komen vaak zonder VVE-indicatie binnen", "Kleuters, wijk"),
    ("Juf van groep 4 merkt dat kinderen minder buiten spelen", "Juf met hoofdletter"),
    # mixed, realistic
    ("signaal: steeds meer angstklachten in groep 8", "voorbeeldsignaal uit de README"),
    ("Veel kinderen in {wijk} hebben geen ontbijt gehad als ze binnenkomen, ontbijtproject?", "trend, wijk"),
    ("meer kinderen met overgewicht na de lockdowns, gym 2x per week helpt", "trend"),
    ("ouders in {wijk} vinden de weg naar {kborg} niet", "wijk + organisatie"),
    ("we zien meer vechtscheidingen, kinderen zitten ertussen", "trend"),
    ("thuiszitters: {n} in onze wijk, leerplicht is overbelast", "aantal, leerplicht"),
    ("Is er in {wijk} een plek voor huiswerkbegeleiding?", "wijk"),
    ("nieuwe kinderen uit het AZC komen in {sj} naar onze school", "AZC, schooljaar"),
    ("de wachttijd voor een dyslexieonderzoek is opgelopen naar 8 maanden", "wachttijd"),
    ("ouders vd leerlingen in groep {g} vragen om meer huiswerk", "ouders vd leerlingen"),
    ("in de combinatiegroep 4/5 zitten 31 kinderen, te veel voor 1 leerkracht", "groep 4/5, aantal"),
    ("lokaal 12 wordt de nieuwe prikkelarme ruimte", "lokaalnummer"),
    ("veel kinderen zitten na school op de bank met de telefoon, ouders vragen om tips", "trend"),
    ("kinderen uit {wijk} gaan naar zwemles in De Houtzagerij", "zwembadnaam, wijk"),
    ("onze school doet mee aan het project 'Gezonde School' van de GGD", "project, GGD"),
    ("schoolmaatschappelijk werk is in {wijk} verhuisd naar het wijkcentrum", "smw, wijk"),
    ("groep 8 gaat {evdatum} op kamp naar Ameland", "evenementdatum, plaatsnaam"),
    ("in groep 1-2 zitten dit jaar {n} kinderen met een VVE-indicatie", "groep 1-2, aantal"),
    ("de IEP-toets is {evdatum}, veel kinderen zijn zenuwachtig", "toets + datum"),
]

CLEAN_TEMPLATES += [
    ("in {wijk} steeds meer {nat} gezinnen, school heeft geen tolk", "nationaliteit + wijk"),
    ("tijdens {feest} is de opkomst bij het OT laag", "feestdag/evenement"),
    ("{feest} en {feest2} vallen dit jaar dicht bij elkaar, veel verzuim", "twee feestdagen"),
    ("{kborg} en {zorg} werken niet goed samen in {wijk}", "organisaties + wijk"),
    ("aanmelden bij {zorg} kan alleen via de huisarts, ouders weten dat niet", "organisatie"),
    ("{sportfonds} betaalt de zwemles voor {n} kinderen bij ons", "fonds + aantal"),
    ("{school}: {n} kinderen in de bovenbouw hebben geen laptop thuis", "school + aantal"),
    ("{school} zoekt contact met andere scholen in {wijk} over thuiszitters", "school + wijk"),
    ("{rol} komt {evdatum} op school voor het MDO", "rol + evenementdatum"),
    ("{rol} en {rol2} zitten {evdatum} bij het OT", "rollen + evenementdatum"),
    ("{Ll} uit {gr} {verb}, {rol} kijkt mee", "woord na leerling/kind + rol"),
    ("in {sj} gaan we {methode} invoeren", "schooljaar + methode"),
    ("{n} leerlingen waren na {feest} pas een week later terug", "feestdag + aantal"),
    ("sinds {jaar} is er geen spreekuur van {zorg} meer in {wijk}", "jaartal gevolgd door 'is' + organisatie"),
    ("in {jaarf} is er geen subsidie meer voor de schoolmaaltijden", "toekomstig jaartal gevolgd door 'is'"),
    ("voor {jaarf} al {n} aanmeldingen voor de taalklas", "toekomstig jaartal gevolgd door 'al'"),
    ("de bibliotheek {plek} heeft voorleesuurtjes in het {taal}", "plek + taal"),
    ("kinderen uit {land} hebben vaak nog nooit op school gezeten", "land van herkomst"),
    ("na {feest} komen kinderen uit {land} vaak later terug", "feestdag + land"),
    ("{methode} of {methode2}: wat werkt voor NT2-kleuters?", "methoden"),
    ("IB-netwerk {evdatum} bij {school}", "evenementdatum + school"),
    ("studiedag {evdatumjaar}, thema {methode}", "datum met jaartal + methode"),
    ("het spreekuur van {rol} is nu {spreektijd}", "rol + tijd"),
    ("{pct} van de ouders in {wijk} komt niet naar het 10-minutengesprek", "percentage + wijk"),
    ("{Ll} in {gr} {verb} en ouders maken zich zorgen, wie kan meedenken?", "woord na leerling/kind is geen naam"),
    ("steeds meer {nat} kinderen in {wijk} op de wachtlijst voor de taalklas", "nationaliteit + wijk"),
    ("kinderen uit {wijk} gaan {evdatum} naar de kinderboerderij", "wijk + evenementdatum"),
    ("tijdens {feest} meer kinderen met buikpijn bij de jgz", "feestdag + jgz"),
    ("{school} heeft {evdatum} een ouderavond over {methode}", "school + datum + methode"),
    ("Ouders uit {wijk} vinden {fonds} niet, folder in het {taal}?", "wijk + fonds + taal"),
]

FIXED_CLEAN = [
    ("op het Hobbemaplein spelen 's avonds veel jonge kinderen zonder toezicht", "plein zonder huisnummer"),
    ("bij de Haagse Markt werken veel ouders op zaterdag, kinderen alleen thuis", "plek zonder huisnummer"),
    ("schooltijden 8.45-15.00, BSO vol", "tijden"),
    ("tso begint om 12.30 maar veel kinderen hebben geen eten bij zich", "tijd om 12.30"),
    ("in schooljaar 2025-2026 al 14 thuiszitters", "schooljaar"),
    ("plannen voor 2025/2026: meer taalondersteuning", "schooljaar"),
    ("in 2024 is het aantal meldingen bij leerplicht gestegen", "jaartal gevolgd door 'is'"),
    ("sinds 2026 werken we met een nieuw zorgteam", "jaartal"),
    ("op 12 maart is de studiedag", "evenementdatum"),
    ("vrijdag 14 februari netwerkbijeenkomst", "evenementdatum"),
    ("Veilig Thuis 0800-2000 heeft nieuwe openingstijden", "Veilig Thuis-nummer"),
    ("De Gruffalo werkt heel goed bij de kleuters met een taalachterstand", "boektitel aan zinsbegin"),
    ("Kanjertraining in alle groepen vanaf dit jaar", "methode"),
    ("Rots en Water voor de jongens in groep 7 en 8", "methode"),
    ("kind huilt vaak", "kind huilt"),
    ("meisje wordt gepest", "meisje wordt gepest"),
    ("12 leerlingen in groep 8 hebben faalangst", "aantal + groep"),
    ("3 gezinnen in de wijk zonder vaste woning", "aantal gezinnen"),
    ("Ramadan valt dit jaar in de Cito-periode", "Ramadan, Cito"),
    ("Stichting Leergeld, Youz en Horizon zitten bij de netwerkbijeenkomst", "organisaties"),
    ("veel Oekraïense kinderen hebben heimwee", "nationaliteit"),
    ("wachtlijst Jeugdfonds Sport & Cultuur is opgeheven", "organisatie"),
    ("de smw'er, de jgz, leerplicht en de wijkagent zitten maandelijks om tafel", "rolwoorden"),
    ("kinderen van Poolse, Marokkaanse en Turkse afkomst doen minder mee met sport", "nationaliteiten"),
    ("Voedselbank, CJG en GGD werken samen in Moerwijk", "organisaties + wijk"),
    ("leerling snijdt zich bij handvaardigheid aan het papier, pleister erop", "woord na leerling is geen naam"),
    ("Roos op het hoofd komt veel voor, jgz geeft uitleg", "Roos aan zinsbegin (geen naam)"),
    ("Mees Kees is het favoriete boek van groep 5", "boektitel met namen aan zinsbegin"),
    ("Pippi Langkous voorgelezen in groep 3", "boektitel met namen"),
    ("Max en de Maximonsters: kleuters vinden het spannend", "boektitel met naam"),
]

# =========================================================================================
# Safety concerns: (template, kind, acute, indirect)
# =========================================================================================

SAFETY_TEMPLATES = [
    # acute danger
    ("jongen uit {gr} heeft een mes bij zich in zijn tas, wat moet ik nu doen", "acute", True, False),
    ("vader staat dronken op het plein en dreigt zijn zoon mee te nemen", "acute", True, False),
    ("er is een dreigbericht dat een oudere broer vanmiddag met een wapen naar school komt", "acute", True, False),
    ("leerling zegt dat zijn stiefvader vanavond 'iedereen gaat afmaken'", "acute", True, False),
    ("iemand heeft een foto van een pistool in de klassenapp gezet met 'morgen op school'", "acute", True, False),
    ("er staat een man bij het hek die kinderen aanspreekt en filmt, hij is er nu nog", "acute", True, False),
    ("kleuter is niet opgehaald en moeder is onbereikbaar, kind zegt dat mama niet meer wakker werd", "acute", True, False),
    ("een ouder dreigt vanmiddag terug te komen en de juf iets aan te doen", "acute", True, False),
    ("ex van moeder staat nu voor de school terwijl er een contactverbod is", "acute", True, False),
    ("jongen uit groep 8 heeft een boksbeugel mee en zegt dat hij na school iemand gaat pakken", "acute", True, False),
    ("kind zit al een half uur alleen in een auto op de parkeerplaats in de hitte, ouders nergens", "acute", True, False),
    ("er gaat een filmpje rond dat jongens na school een ll uit groep 7 gaan 'pakken'", "acute", True, False),
    ("er loopt een vader met een mes over het schoolplein", "acute", True, False),
    ("jongen dreigt vandaag een klasgenoot neer te steken", "acute", True, False),
    ("ik durf {hem} vanmiddag eigenlijk niet mee te geven aan {zijn} vader, hij was heel agressief vanochtend", "acute", True, True),
    ("moeder en de kinderen hebben vannacht in de auto geslapen, ze durven niet naar huis", "acute", True, True),
    ("vader heeft gebeld dat hij de kinderen vandaag komt halen 'of er gebeurt wat', hij heeft geen omgang", "acute", True, False),
    ("er is net gevochten bij het hek en een ouder had een mes, kinderen zijn binnen", "acute", True, False),
    ("kind zegt dat er thuis een pistool ligt en dat papa ermee dreigt", "acute", True, False),
    ("wat moet ik doen, een leerling van 10 is sinds vanochtend vermist en moeder neemt niet op", "acute", True, False),
    ("moeder belt in paniek: vader is met de kinderen weg en dreigt ze wat aan te doen", "acute", True, False),
    # suicide
    ("leerling uit groep 8 zegt dat {hij} dood wil", "suicide", False, False),
    ("meisje heeft een afscheidsbrief geschreven en in haar la gelegd", "suicide", False, False),
    ("hij zegt dat hij zich vandaag iets aandoet", "suicide", True, False),
    ("ll zei vanochtend: na school spring ik van de flat", "suicide", True, False),
    ("ze heeft het steeds over dood willen zijn", "suicide", False, True),
    ("jongen zoekt op de chromebook op hoe je zelfmoord pleegt", "suicide", False, False),
    ("kind tekent steeds graven en zegt dat het beter is als {hij} er niet meer is", "suicide", False, True),
    ("meisje uit groep 7 praat over suïcide, ouders nemen het niet serieus", "suicide", False, False),
    ("{hij} zegt dat niemand {hem} zou missen als {hij} weg is", "suicide", False, True),
    ("leerling wil niet meer leven sinds de scheiding", "suicide", False, False),
    ("kind zegt 'ik wil niet meer wakker worden'", "suicide", False, True),
    ("ze heeft pillen gespaard en zegt dat ze het vanavond gaat doen", "suicide", True, False),
    ("hij wil zichzelf ophangen zegt hij, vanmiddag nog", "suicide", True, False),
    ("suicidale uitspraken bij een leerling van 11, wat nu", "suicide", False, False),
    ("hij zegt dat hij voor de trein wil springen", "suicide", False, False),
    ("ll heeft gisteren een poging gedaan om uit het leven te stappen", "suicide", False, False),
    ("meisje schrijft in haar schrift dat ze er een eind aan wil maken", "suicide", False, False),
    ("het kind wil steeds 'bij opa in de hemel zijn' en zegt dat vaker", "suicide", False, True),
    ("jongen geeft al zijn spullen weg en neemt afscheid van vrienden", "suicide", False, True),
    ("zelfdoding in de familie en nu zegt het broertje dat hij hetzelfde wil", "suicide", False, False),
    ("ze zei in de kring dat ze zichzelf wil doodmaken", "suicide", False, False),
    ("leerling zegt dat ze vanavond van het balkon springt, ik heb haar nog hier", "suicide", True, False),
    # self harm
    ("leerling snijdt zichzelf, we zien wondjes op haar armen", "self_harm", False, False),
    ("meisje krast in haar armen met het mesje van een puntenslijper", "self_harm", False, False),
    ("ll van {gr} bonkt met zn hoofd tegen de muur tot het bloedt", "self_harm", False, False),
    ("ze draagt altijd lange mouwen, ook met 30 graden, en trekt ze steeds over haar polsen", "self_harm", False, True),
    ("jongen krabt zichzelf open als hij boos is", "self_harm", False, False),
    ("automutilatie bij een meisje uit groep 8", "self_harm", False, False),
    ("ik zag sneetjes op haar bovenbenen bij gym", "self_harm", False, True),
    ("kind slaat zichzelf in het gezicht als het iets fout doet", "self_harm", False, False),
    ("ze heeft brandplekken van een aansteker op haar hand, zegt dat ze het zelf doet", "self_harm", False, False),
    ("leerling heeft zichzelf gesneden op de wc", "self_harm", False, False),
    ("steeds weer pleisters op de polsen en ze wil niet zeggen waarom", "self_harm", False, True),
    ("hij zegt dat pijn voelen hem rustig maakt", "self_harm", False, True),
    ("er gaat een challenge rond op tiktok waarbij kinderen zichzelf verwonden, ook in groep 8", "self_harm", False, False),
    ("meisje snijd zich in haar arm met een schaar als ze ruzie heeft gehad", "self_harm", False, False),
    ("ze bijt zichzelf tot bloedens toe in haar hand", "self_harm", False, False),
    # physical abuse
    ("kind heeft blauwe plekken op de rug en zegt dat papa boos was", "physical_abuse", False, False),
    ("jongen zegt dat hij thuis met de riem krijgt", "physical_abuse", False, False),
    ("meisje komt met een blauw oog, zegt dat ze gevallen is, 3e keer deze maand", "physical_abuse", False, True),
    ("leerling vertelt dat moeder hem slaat als hij slechte cijfers haalt", "physical_abuse", False, False),
    ("striemen op de benen gezien bij gym", "physical_abuse", False, True),
    ("ze wil niet naar huis na school en schrikt als je haar aanraakt", "physical_abuse", False, True),
    ("vader pakte hem bij het brengen hard bij de nek en schudde hem door elkaar", "physical_abuse", False, False),
    ("hij heeft de afdruk van een hand in zijn gezicht", "physical_abuse", False, True),
    ("moeder zegt dat ze {hem} een pak slaag geeft 'zoals het hoort'", "physical_abuse", False, False),
    ("kleine ronde brandwondjes op de armen van een kleuter, lijkt op sigaretten", "physical_abuse", False, True),
    ("kind zegt 'papa slaat mij met de slipper'", "physical_abuse", False, False),
    ("ik vermoed dat er thuis geslagen wordt, hij duikt weg als je snel beweegt", "physical_abuse", False, True),
    ("leerling wordt door oom geschopt en geslagen, vertelde ze in de kring", "physical_abuse", False, False),
    ("kleuter met een gebroken arm, het verhaal van de ouders klopt niet", "physical_abuse", False, True),
    ("ze wordt thuis opgesloten in een kast als straf", "physical_abuse", False, False),
    ("broertje en hij worden geslagen door de nieuwe vriend van mama", "physical_abuse", False, False),
    ("jongen heeft steeds verwondingen en verzint elke keer een ander verhaal", "physical_abuse", False, True),
    ("ze krijgt klappen van haar vader als ze Nederlands praat thuis", "physical_abuse", False, False),
    ("kind durft vanavond niet naar huis want papa heeft gezegd dat hij hem in elkaar slaat", "physical_abuse", True, False),
    ("mishandeling vermoed bij een kleuter uit {gr}, blauwe plekken op plekken waar je niet valt", "physical_abuse", False, True),
    ("vader sloeg zijn dochter vanochtend bij het hek, meerdere ouders zagen het", "physical_abuse", False, False),
    # emotional abuse
    ("moeder scheldt haar kind elke dag uit voor dom en lelijk bij het hek", "emotional_abuse", False, False),
    ("vader zegt waar iedereen bij is dat zijn zoon een mislukking is", "emotional_abuse", False, False),
    ("kind wordt thuis als straf dagen lang genegeerd", "emotional_abuse", False, False),
    ("meisje zegt dat mama zegt dat ze nooit geboren had moeten worden", "emotional_abuse", False, False),
    ("hij mag van zijn stiefvader niet aan tafel eten en moet op de gang zitten", "emotional_abuse", False, False),
    ("ze is doodsbang voor haar vader en begint te trillen als hij haar komt halen", "emotional_abuse", False, True),
    ("leerling wordt gebruikt in de vechtscheiding, moet steeds kiezen en wordt bedreigd door vader", "emotional_abuse", False, False),
    ("moeder dreigt dat ze weggaat en nooit terugkomt als hij niet lief is", "emotional_abuse", False, False),
    ("kind wordt thuis continu gekleineerd en uitgelachen, zegt {hij}", "emotional_abuse", False, False),
    ("hij zegt dat hij thuis 'de duivel' wordt genoemd en in het donker moet zitten", "emotional_abuse", False, False),
    ("kleuter zegt heel vaak 'ik ben stout, ik ben dom', dat hoort ze thuis", "emotional_abuse", False, True),
    # neglect
    ("kind komt al weken zonder ontbijt en lunch, ouders reageren niet", "neglect", False, False),
    ("jongen heeft geen winterjas en loopt in december op slippers", "neglect", False, True),
    ("ze stinkt, draagt elke dag dezelfde kleren en de luizen worden niet behandeld", "neglect", False, True),
    ("kleuter wordt elke dag te laat of niet opgehaald, zat om 17u nog op school", "neglect", False, False),
    ("meisje van 6 moet haar broertje van 2 verzorgen als moeder werkt", "neglect", False, False),
    ("kind heeft kiespijn en rotte tanden, ouders gaan niet naar de tandarts", "neglect", False, False),
    ("leerling eet uit de prullenbak in de pauze", "neglect", False, True),
    ("er is thuis geen eten zegt hij, en de stroom is afgesloten", "neglect", False, False),
    ("kind uit groep 2 komt steeds met een volle natte luier op school", "neglect", False, False),
    ("ouders laten kinderen van 5 en 7 's avonds alleen thuis", "neglect", False, False),
    ("astmamedicatie wordt thuis niet gegeven, al 2x ambulance op school", "neglect", False, False),
    ("hij valt in slaap in de klas en zegt dat er 's nachts niemand thuis is", "neglect", False, True),
    ("ze heeft altijd honger en pakt eten uit andermans tas", "neglect", False, True),
    ("niemand komt naar gesprekken en het kind loopt al weken met een ontstoken wond", "neglect", False, False),
    ("gezin woont in een huis vol afval en ongedierte, kind krijgt geen aandacht", "neglect", False, False),
    ("verwaarlozing: kind is ondervoed volgens de jeugdarts, ouders komen niet", "neglect", False, False),
    ("kind van groep 3 wordt 's ochtends om 7 uur voor de deur gezet en zit dan in de kou te wachten", "neglect", False, False),
    # sexual abuse
    ("meisje vertelt dat oom aan haar zit als hij oppast", "sexual_abuse", False, False),
    ("kleuter vertoont seksueel gedrag dat niet bij de leeftijd past", "sexual_abuse", False, True),
    ("leerling zegt dat een volwassene hem filmpjes met seks laat zien", "sexual_abuse", False, False),
    ("kind heeft pijn bij het plassen en wil niet vertellen waarom", "sexual_abuse", False, True),
    ("jongen zegt dat de buurman hem aanraakt in zijn onderbroek", "sexual_abuse", False, False),
    ("meisje uit groep 7 wordt door haar stiefvader betast", "sexual_abuse", False, False),
    ("kind tekent geslachtsdelen en zegt dat papa 'dat spelletje' met haar doet", "sexual_abuse", False, False),
    ("iemand van de voetbalclub stuurt haar berichtjes en wil afspreken, ze is 10", "sexual_abuse", False, False),
    ("oudere neef slaapt bij hem in bed en hij wil daar niet over praten", "sexual_abuse", False, True),
    ("vermoeden van misbruik bij een kleuter, ze raakt in paniek bij verschonen", "sexual_abuse", False, True),
    ("seksueel misbruik door een oppas, zegt het meisje", "sexual_abuse", False, False),
    ("er zijn naaktfoto's van een meisje uit groep 8 gedeeld in een groepsapp", "sexual_abuse", False, False),
    ("ze zegt dat het geheim is wat opa 's nachts doet", "sexual_abuse", False, True),
    # sexual exploitation (loverboy, mensenhandel)
    ("meisje uit groep 8 wordt opgehaald door een vriend van 22 met een dure auto", "sexual_exploitation", False, True),
    ("signaal loverboy: ze heeft ineens nieuwe kleren en een iphone en zegt niet van wie", "sexual_exploitation", False, True),
    ("vermoeden mensenhandel: kind moet na school 'werken' bij een man in de wijk", "sexual_exploitation", False, False),
    ("meisje wordt gechanteerd met foto's en moet er meer sturen", "sexual_exploitation", False, False),
    ("meisjes uit groep 8 worden via snapchat benaderd door oudere jongens die geld bieden", "sexual_exploitation", False, False),
    ("ze spijbelt steeds en is gezien bij een hotel met volwassen mannen", "sexual_exploitation", False, True),
    ("een meisje van 12 zegt dat ze 'dingen moet doen' voor haar vriend om een schuld af te lossen", "sexual_exploitation", False, False),
    ("loverboy-signalen bij een leerling van groep 8, wat nu", "sexual_exploitation", False, False),
    ("ze krijgt geld en cadeaus van een man die ze online kent", "sexual_exploitation", False, True),
    ("meisje wordt vanavond opgehaald door 'een vriend' van 19 die ze nooit gezien heeft", "sexual_exploitation", True, False),
    ("leerling vertelt dat haar 'vriendje' van 20 wil dat ze met zijn vrienden meegaat naar een feestje", "sexual_exploitation", False, True),
    # domestic violence
    ("kind vertelt dat papa mama slaat en dat hij dan onder het bed kruipt", "domestic_violence", False, False),
    ("politie was vannacht bij het gezin ivm geweld, kinderen waren erbij", "domestic_violence", False, False),
    ("moeder brengt de kinderen met een blauw oog en zegt dat het thuis niet goed gaat", "domestic_violence", False, True),
    ("leerling hoort elke nacht schreeuwen en gooien met spullen thuis", "domestic_violence", False, True),
    ("huiselijk geweld bij een gezin in {gr}, kind heeft alles gezien", "domestic_violence", False, False),
    ("moeder heeft een straatverbod voor vader, hij belt steeds naar school om de kinderen te spreken", "domestic_violence", False, False),
    ("het kind speelt in de poppenhoek steeds na dat papa mama pijn doet", "domestic_violence", False, True),
    ("vader heeft moeder gisteren geslagen waar de kinderen bij waren", "domestic_violence", False, False),
    ("moeder zit met de kinderen in de vrouwenopvang na geweld", "domestic_violence", False, False),
    ("oudere broer slaat moeder, jongen is bang om naar huis te gaan", "domestic_violence", False, False),
    ("er wordt thuis veel geschreeuwd en hij zegt dat mama soms huilend op de grond ligt", "domestic_violence", False, True),
    ("ik vermoed dat er thuis iets speelt, moeder heeft steeds nieuwe blauwe plekken en de kinderen zijn schrikachtig", "domestic_violence", False, True),
    ("vader dreigt moeder vanavond iets aan te doen, zegt {de_jongen} uit {gr}", "domestic_violence", True, False),
    # honour violence
    ("meisje is bang dat haar broers haar iets aandoen omdat ze een vriendje heeft", "honour_violence", False, False),
    ("eergerelateerd geweld: familie dreigt haar te straffen vanwege een foto zonder hoofddoek", "honour_violence", False, False),
    ("ze wordt door de familie in de gaten gehouden en mag met niemand praten, het gaat om de eer zegt ze", "honour_violence", False, False),
    ("vader dreigt zijn dochter te slaan en te verstoten omdat ze met jongens praat", "honour_violence", False, False),
    ("ze wordt overal naartoe gebracht door haar broer, mag niet mee op kamp en is doodsbang dat de familie iets ontdekt", "honour_violence", False, True),
    ("meisje zegt dat de familie haar vermoordt als ze erachter komen", "honour_violence", False, False),
    ("oom heeft gezegd dat hij haar 'komt halen' na school omdat ze de familie te schande maakt", "honour_violence", True, False),
    ("ze zegt dat haar neven haar telefoon controleren en dat ze straf krijgt als ze met een jongen praat", "honour_violence", False, True),
    # forced marriage
    ("meisje van 12 zegt dat ze in de zomer gaat trouwen in het land van haar ouders", "forced_marriage", False, False),
    ("ze is beloofd aan een neef zegt ze, en moet na groep 8 trouwen", "forced_marriage", False, False),
    ("vermoeden huwelijksdwang: ouders regelen een verloving voor een ll van groep 8", "forced_marriage", False, False),
    ("haar zus van 15 is uitgehuwelijkt en nu is ze bang dat zij de volgende is", "forced_marriage", False, True),
    ("ze vertelt over een groot feest in de zomer waar zij de bruid is, ze is 11", "forced_marriage", False, True),
    ("leerling moet in de meivakantie mee naar het buitenland om 'kennis te maken met haar man'", "forced_marriage", False, False),
    # achterlating
    ("ouders willen de kinderen na de zomer 'een jaar' bij opa en oma in het buitenland laten, kinderen weten van niks", "achterlating", False, False),
    ("leerling is na de meivakantie niet teruggekomen, we vermoeden dat ze in het buitenland is achtergelaten", "achterlating", False, True),
    ("jongen zegt dat hij als straf naar een koranschool in het buitenland moet en dan niet terugkomt", "achterlating", False, False),
    ("vader zegt dat hij haar in het land van herkomst achterlaat als ze niet luistert", "achterlating", False, False),
    ("gezin vertrekt volgende week, alleen voor de dochter is het een enkele reis", "achterlating", False, True),
    ("kind wordt 'heropgevoed' in het buitenland, horen we van de buren", "achterlating", False, True),
    ("broer van een ll is na de zomer in het buitenland gebleven en nu zegt {hij} dat {hij} ook niet terug mag", "achterlating", False, True),
    ("moeder vertelt dat de oudste na de zomer 'voor een tijdje' in Marokko blijft, het kind huilt en wil niet", "achterlating", False, True),
    ("ll zegt dat ze na de vakantie niet meer terugkomt omdat ze daar bij haar tante moet blijven en dat wil ze niet", "achterlating", False, False),
    ("meisje uit groep 8 mag niet naar het vo want ze 'gaat trouwen' zegt haar moeder", "forced_marriage", False, False),
    ("ze liet een foto zien van 'haar verloofde', een man van 25", "forced_marriage", False, True),
    ("ze durft niet op de klassenfoto omdat haar broer dan 'iets doet'", "honour_violence", False, True),
    ("moeder vraagt vrij voor haar dochter voor 'de meisjesceremonie' in de zomer, het meisje is doodsbang", "fgm", False, True),
    # FGM
    ("meisje uit groep 4 gaat in de zomer naar Somalië voor een feest waar ze 'besneden' wordt", "fgm", False, False),
    ("vermoeden meisjesbesnijdenis: moeder zegt dat het bij hun cultuur hoort", "fgm", False, False),
    ("na de vakantie loopt ze moeilijk en doet ze heel lang over plassen", "fgm", False, True),
    ("moeder zegt dat haar dochter 'schoongemaakt' moet worden als ze 8 is", "fgm", False, True),
    ("risico op vrouwelijke genitale verminking bij 2 zusjes die naar Eritrea gaan", "fgm", False, False),
    ("meisje vertelt bang over een speciale ceremonie in de vakantie bij oma", "fgm", False, True),
    ("VGV: oma wil dat de meisjes besneden worden als ze in Sudan zijn", "fgm", False, False),
    ("ze mag niet mee met gym na de zomervakantie en heeft veel pijn, moeder zegt 'vrouwending'", "fgm", False, True),
]

# Safety concerns that also carry a child's name or a number: (template, kind, acute, indirect)
SAFETY_PII_TEMPLATES = [
    ("{N} uit {gr} heeft blauwe plekken en zegt dat papa boos was", "physical_abuse", False, False),
    ("{NA} zegt dat {hij} niet meer wil leven", "suicide", False, False),
    ("{FULL} heeft een mes meegenomen naar school, ligt nu in de kast bij de directeur", "acute", True, False),
    ("{N} snijdt zichzelf, zag het bij gym", "self_harm", False, False),
    ("moeder van {N} belde vanaf {TEL}: vader dreigt vanavond met geweld", "domestic_violence", True, False),
    ("{LLN} komt al weken zonder eten naar school", "neglect", False, False),
    ("ik maak me zorgen om {N}, {hij} wil niet naar huis na school en schrikt als je {hem} aanraakt", "physical_abuse", False, True),
    ("{N} gaat in de zomer naar {land} en moet daar trouwen", "forced_marriage", False, False),
    ("{INIT} uit groep 8 wordt opgehaald door een man van 20 met een dikke auto", "sexual_exploitation", False, True),
    ("{N} heeft het steeds over dood willen zijn", "suicide", False, True),
    ("{FAM}: politie was vannacht weer aan de deur, de kinderen hebben alles gezien", "domestic_violence", False, False),
    ("bsn {BSN}, kind zegt dat oom aan haar zit", "sexual_abuse", False, False),
    ("{N} woont op {ADR} en daar wordt steeds geschreeuwd en geslagen", "domestic_violence", False, True),
    ("{N} zei vanochtend dat {hij} zich vandaag iets aandoet", "suicide", True, False),
    ("{N} {gr} krijgt thuis met de riem", "physical_abuse", False, False),
    ("{NA} heeft al dagen niet gegeten en draagt steeds dezelfde kleren", "neglect", False, True),
    ("de {broer} van {N} heeft een vuurwapen laten zien en zegt dat hij morgen naar school komt", "acute", True, False),
    ("{N} moet in de zomer mee naar {land} voor een 'besnijdenisfeest'", "fgm", False, False),
    ("{FULL} is na de zomer niet teruggekomen uit {land}, ouders zeggen dat {hij} daar blijft", "achterlating", False, True),
    ("{N} is bang dat {zijn} broers {hem} iets aandoen vanwege de eer van de familie", "honour_violence", False, False),
    ("{N} krast in {zijn} armen met een paperclip", "self_harm", False, False),
    ("{N} vertelt dat mama {hem} 'stom kind' noemt en {hem} opsluit op {zijn} kamer", "emotional_abuse", False, False),
    ("{MW} komt met een blauw oog de kinderen halen, {N} zegt dat papa het deed", "domestic_violence", False, False),
    ("signaal: {N} ({gr}) wordt opgehaald door een man die niet de vader is en krijgt dure cadeaus", "sexual_exploitation", False, True),
    ("leerling geb. {DATE} vertelt dat de buurman aan haar zit", "sexual_abuse", False, False),
    ("{N} zit nu bij mij en zegt dat vader {hem} vanavond gaat slaan als {hij} thuiskomt", "physical_abuse", True, False),
    ("{N} uit {gr} heeft een afscheidsbrief op {zijn} tablet geschreven", "suicide", False, False),
    ("graag advies over {N}, moeder zegt dat {hij} als straf in de kelder moet slapen", "emotional_abuse", False, False),
    ("{N} is ondervoed volgens de jgz en ouders reageren niet", "neglect", False, False),
    ("{FULL} wordt gechanteerd met naaktfoto's via snap", "sexual_exploitation", False, False),
    ("{N} zegt dat {hij} na school van de brug springt", "suicide", True, False),
    ("{N} en {N2} worden thuis geslagen, zag striemen bij gym", "physical_abuse", False, False),
    ("{N} ({age}) speelt steeds seks na met poppen en is bang voor de oppas", "sexual_abuse", False, True),
    ("vader van {N} staat nu met een mes bij het hek", "acute", True, False),
    ("{N} vertelt dat {zijn} oom {hem} pijn doet als mama weg is", "sexual_abuse", False, True),
    ("kind met onderwijsnummer {OWN} zegt dat ze in de zomer uitgehuwelijkt wordt", "forced_marriage", False, False),
]

# =========================================================================================
# Look-alikes: safety-ish words, no concern for a child's safety. (template, note)
# =========================================================================================

LOOKALIKE_TEMPLATES = [
    ("jongens uit groep {g} hadden ruzie bij het voetballen, duwen en trekken, weer opgelost", "ruzie bij voetbal"),
    ("blauwe plekken na het skeeleren, moeder vertelde het zelf bij het brengen", "blauwe plekken na skeeleren"),
    ("de meldcode staat op de agenda van het netwerk", "meldcode als agendapunt"),
    ("training Veilig Thuis volgende week voor het hele team", "training Veilig Thuis"),
    ("bij gym spelen ze 'slaan en vangen', ouders vragen of dat wel mag", "spelnaam met 'slaan'"),
    ("leerkracht is bang voor het inspectiebezoek", "bang voor de inspectie"),
    ("geschiedenisles over de Tweede Wereldoorlog, kinderen vonden het bombardement op het Bezuidenhout heftig", "geschiedenisles oorlog"),
    ("de juf slaat een bladzijde over in de rekenmethode", "'slaat' een bladzijde over"),
    ("we bespreken de meldcode in het team {evdatum}", "meldcode bespreken in team"),
    ("suïcidepreventie training voor het team, wie wil mee?", "training suïcidepreventie"),
    ("dood moe van de cito", "'dood moe'"),
    ("de kinderen lagen dubbel van het lachen, ik ging bijna dood", "'ging bijna dood' van het lachen"),
    ("Dodenherdenking 4 mei: groep 8 legt een krans bij het monument", "Dodenherdenking"),
    ("project over de slavernij voor Keti Koti, kinderen waren geschokt", "slavernij, geschokt"),
    ("hoofdluisepidemie in groep 3, alle ouders gemaild", "epidemie hoofdluis"),
    ("kind viel bij gym van het wandrek, arm gekneusd, ouders zijn gebeld en gingen naar de huisarts", "ongeluk bij gym"),
    ("EHBO-cursus voor kinderen in groep 8", "EHBO"),
    ("onze klassencavia is dood gegaan in de vakantie, kleuters zijn verdrietig", "dood huisdier"),
    ("opa van een leerling is overleden, hoe doen we rouwverwerking in de klas?", "rouw, overleden opa"),
    ("kleuters zijn bang van de wolf in het voorleesboek", "bang voor de wolf"),
    ("brandoefening ging goed, iedereen was in 3 minuten buiten", "brandoefening"),
    ("kinderen spelen Fortnite en praten op het plein over elkaar neerschieten", "schieten in een game"),
    ("waterpistolen zijn verboden op het plein", "pistolen (speelgoed)"),
    ("de messen en vorken voor de kookles zijn kwijt", "messen in kookles"),
    ("vaccinatie bij de GGD, veel kinderen zijn bang voor de prik", "bang voor de prik"),
    ("Week tegen Pesten: thema 'samen sterk'", "Week tegen Pesten"),
    ("kind huilt bij het afscheid, normaal voor een kleuter in de eerste week", "huilen bij afscheid"),
    ("het afwegingskader van de meldcode is aangepast, wie past ons protocol aan?", "meldcode protocol"),
    ("we zoeken een nieuwe aandachtsfunctionaris kindermishandeling voor onze school", "aandachtsfunctionaris"),
    ("de gratis e-learning over kindermishandeling van Augeo, wie heeft die gedaan?", "e-learning kindermishandeling"),
    ("met Halloween hadden de kinderen het alleen maar over spoken en bloed", "Halloween, bloed"),
    ("jongen viel met de fiets op weg naar school, schaafwonden, moeder heeft hem opgehaald", "valpartij fiets"),
    ("het was moordend heet in het lokaal, kinderen konden zich niet concentreren", "'moordend heet'"),
    ("het was een slagveld in de aula na het kerstdiner", "'slagveld'"),
    ("ik schrok me dood toen het brandalarm afging", "'schrok me dood'"),
    ("de leerkracht van groep {g} zit thuis met een burn-out", "burn-out leerkracht"),
    ("gastles van de wijkagent over vuurwerk in groep 7 en 8", "wijkagent, vuurwerk"),
    ("theatervoorstelling over pesten en weerbaarheid voor de bovenbouw", "voorstelling pesten"),
    ("Rots en Water: jongens leren stoeien zonder elkaar pijn te doen", "stoeien, pijn"),
    ("kind had een bloedneus na tikkertje, botste tegen een ander kind", "bloedneus bij spel"),
    ("knie opengehaald op het plein, pleister erop en weer verder", "schaafwond"),
    ("kleine snijwond bij de kookles, netjes verbonden en ouders ingelicht", "snijwond bij kookles"),
    ("meldcode-quiz gedaan in het team, iedereen wist de 5 stappen", "meldcode quiz"),
    ("ouders vragen om een cursus kinder-EHBO", "EHBO cursus"),
    ("project over de oorlog in Oekraïne, voorzichtig ivm de gevluchte kinderen", "oorlog in de les"),
    ("dood vogeltje op het plein, kleuters hebben het begraven", "dood vogeltje"),
    ("kinderen spelen politie en boefje op het plein", "politie spelen"),
    ("de brandweer kwam langs voor een les over veiligheid", "brandweer"),
    ("ik word gek van de nieuwe toetsen", "'word gek'"),
    ("we zijn bang dat de subsidie voor de schoolmaaltijden stopt", "bang voor subsidie"),
    ("de wachtlijst van Youz is om te huilen", "'om te huilen'"),
    ("ik sla het OT deze week over, te druk", "'sla over'"),
    ("onze school slaat de Cito over dit jaar", "'slaat over'"),
    ("groep 8 schoot 5 keer op de paal bij het schoolvoetbal", "schieten bij voetbal"),
    ("grensoverschrijdend gedrag van collega's als thema op de studiedag", "studiedag thema"),
    ("weerbaarheidstraining voor meisjes in groep 7 via het Jeugdfonds", "weerbaarheidstraining"),
    ("judo na school via het Jeugdfonds, jongens leren vallen", "vechtsport"),
    ("kinderen vechten om de schommel, we maken een rooster", "vechten om de schommel"),
    ("Veilig Thuis geeft een gastles over de meldcode aan het team", "Veilig Thuis gastles"),
    ("de nieuwe aandachtsfunctionaris begint na de kerstvakantie", "aandachtsfunctionaris"),
    ("113 komt een training geven over praten met kinderen over zelfmoord", "training 113"),
    ("de leerkracht van groep 5 is doodziek, invaller gezocht", "'doodziek'"),
    ("Week van de Lentekriebels: seksuele voorlichting in groep 7/8, ouders hebben vragen", "seksuele voorlichting"),
    ("lesmateriaal over seksualiteit en grenzen voor groep 8 gezocht", "lesmateriaal seksualiteit"),
    ("'mijn lijf is van mij'-lessen in groep 3 gaan goed", "lessen lichaam"),
    ("themaweek 'nee is nee' voor groep 5/6", "themaweek"),
    ("het verhaal van Anne Frank in groep 7, veel vragen over de oorlog", "Anne Frank, oorlog"),
    ("jongens doen aan kickboksen bij de sportclub en laten technieken zien op het plein", "kickboksen"),
    ("vader is bang dat zijn zoon het vwo niet haalt", "vader bang voor vo-advies"),
    ("moeder schrok van de wachttijden bij de logopedie", "schrikken van wachttijd"),
    ("ontruimingsoefening vanmiddag om 14.00", "'vanmiddag' bij oefening"),
    ("vanavond ouderavond over social media", "'vanavond' ouderavond"),
    ("vanavond is er een bijeenkomst over de meldcode voor IB'ers", "vanavond + meldcode"),
    ("kinderen tekenen het wapen van Den Haag bij geschiedenis", "wapen = stadswapen"),
    ("groep 8 speelt de musical 'Moord in het museum'", "musical met 'moord'"),
    ("kinderen vielen bijna flauw van de hitte bij de Koningsspelen, meer water geregeld", "hitte Koningsspelen"),
    ("meisje viel van het klimrek, ambulance gebeld voor controle, alles goed", "ongeluk klimrek"),
    ("buikpijn en hoofdpijn rond de toetsweek", "toetsstress"),
    ("de kinderen schreeuwen de hele pauze bij het buitenspelen", "schreeuwen bij spel"),
    ("gymjuf zag een blauwe plek op een knie, kind was van de trap gevallen op school, ongelukje gezien door de juf", "blauwe plek na gezien ongeluk"),
    ("ouders maken ruzie over de parkeerplaats bij school", "ruzie tussen ouders over parkeren"),
    ("het boek 'Oorlogswinter' met groep 8, mooie gesprekken", "boek over oorlog"),
    ("we hebben een protocol voor kindermishandeling en een voor de meldplicht, welke is nieuwer?", "protocollen"),
    ("hoeveel meldingen bij Veilig Thuis deden scholen in {wijk} vorig jaar?", "cijfers Veilig Thuis"),
    ("kinderen spelen 'weerwolven' in de klas en 'vermoorden' elkaar in het spel", "spel weerwolven"),
    ("in groep 6 is de hamster ontsnapt, kinderen in paniek", "paniek om hamster"),
    ("Sint en Piet komen op 5 december, sommige kleuters zijn doodsbang", "'doodsbang' voor Sinterklaas"),
    ("de politie komt een les geven over veilig internet", "politie les"),
    ("wat is het verschil tussen de meldcode en de meldplicht?", "vraag over meldcode"),
    ("een schoolplein vol vechtende meeuwen, kinderen vinden het eng", "vechtende meeuwen"),
    ("kinderen zijn na het nieuws over de oorlog bang, hoe bespreek je dat in groep 5?", "angst na nieuws"),
    ("de dokter heeft gezegd dat ze door haar gebroken pols niet mag gymmen, gevallen bij het turnen", "gebroken pols na turnen"),
    ("jongen heeft een blauw oog van een bal bij trefbal", "blauw oog bij trefbal"),
    ("ze was gisteren kapot van de schoolreis", "'kapot' = moe"),
    ("kleuters gillen bij het sinterklaasfeest", "gillen bij feest"),
    ("de juf is heel streng maar eerlijk, ouders klagen over het huiswerk", "strenge juf"),
    ("we krijgen een cursus 'signaleren van kindermishandeling' {evdatum}", "cursus signaleren"),
    ("het toneelstuk over de Tachtigjarige Oorlog was bloederig maar leuk", "toneelstuk geschiedenis"),
    ("de tandarts op school trok een tand bij een kleuter, veel bloed maar alles goed", "tand getrokken"),
    ("kind kwam huilend binnen omdat de hond van de buren was overleden", "verdriet om hond"),
    ("kinderen vergeten hun lunch wel eens, we hebben crackers in de kast", "vergeten lunch"),
    ("een leerling heeft zijn arm gebroken bij het voetballen, hij heeft gips", "arm gebroken bij voetbal"),
    ("moeder vroeg of het normaal is dat haar kleuter veel driftbuien heeft", "driftbuien"),
    ("mishandeling van de nieuwe laptops: kinderen gooien ze op tafel", "'mishandeling' van laptops"),
    ("huiselijk geweld is het thema van de netwerkbijeenkomst {evdatum}", "thema netwerkbijeenkomst"),
    ("kinderen vinden het spannend: de schoolfotograaf flitst zo fel", "spannend"),
    ("{n} kinderen ziek thuis met griep, de klas is halfleeg", "ziekte"),
    ("wie gaat er mee naar het congres over loverboys en mensenhandel voor professionals?", "congres loverboys"),
    ("in groep 8 les over de besnijdenis van Jezus bij godsdienst, vragen van kinderen", "godsdienstles"),
    ("hoe organiseer je een voorlichting over eergerelateerd geweld voor het team?", "voorlichting team"),
    ("de toets over 'uithuwelijking in de geschiedenis' voor groep 8 is te moeilijk", "geschiedenistoets"),
    ("hij sloeg een gat in de lucht toen hij zijn zwemdiploma had", "'sloeg een gat in de lucht'"),
    ("de brandweer moest komen omdat een kleuter zijn hand vast had in het hek, hij is los en het gaat goed", "incident opgelost"),
    ("de juf heeft de klas helemaal in haar greep", "'in haar greep'"),
    ("leerlingen schieten met elastiekjes in de klas", "schieten met elastiekjes"),
    ("kinderen zijn doodsbang voor de spin in het lokaal", "'doodsbang' voor spin"),
    ("hij zegt dat hij doodgaat van de verveling bij rekenen", "'doodgaat van verveling'"),
    ("de jeugdarts komt kijken naar de ogen en oren van groep 2", "jeugdarts controle"),
    ("Veilig Thuis Haaglanden heeft een nieuw adviesnummer voor professionals", "Veilig Thuis organisatie"),
    ("ik heb de meldcode-app op mijn telefoon gezet", "meldcode app"),
    ("het lokaal is een oorlogsgebied na het knutselen", "'oorlogsgebied'"),
    ("de leerlingenraad vindt dat de wc's 'levensgevaarlijk smerig' zijn", "'levensgevaarlijk'"),
    ("na de voorstelling over de Holocaust waren veel kinderen stil", "Holocaust in de les"),
    ("bij gym mogen ze met zachte zwaarden vechten, kinderen vinden het geweldig", "vechten met zachte zwaarden"),
    ("zwemles: een kind ging kopje onder en schrok, badmeester hielp meteen, alles goed", "schrik bij zwemles"),
    ("wespensteek bij het schoolreisje, gelukkig geen allergie", "wespensteek"),
    ("kind heeft een bult op het hoofd na botsen in de gymzaal, ouders gebeld", "bult na botsing"),
    ("voorlichting over drugs en alcohol voor groep 8 {evdatum}", "voorlichting drugs"),
    ("de werkgroep veiligheid wil nieuwe hekken om het plein", "werkgroep veiligheid"),
    ("kleuters zijn bang voor onweer, ze kruipen onder de tafel", "bang voor onweer"),
    ("verkeersles: kinderen leren veilig oversteken bij de drukke kruising", "verkeersveiligheid"),
    ("kind huilde omdat zijn knuffel kwijt was", "huilen om knuffel"),
    ("de juf dreigde met strafwerk als het huiswerk niet af is", "'dreigde' met strafwerk"),
    ("leerlingen moesten nablijven na het gooien met sneeuwballen", "nablijven"),
    ("de knutselmesjes zijn weggehaald na een sneetje in een vinger", "sneetje bij knutselen"),
    ("bij drama speelden ze een sterfscène, heel grappig", "sterfscène bij drama"),
    ("kinderen zijn fan van boksen sinds de Olympische Spelen", "boksen"),
]

# =========================================================================================
# Build
# =========================================================================================


def canon_kinds(kinds):
    return [k for k in KIND_ORDER if k in kinds]


def build_pii(gen):
    items = []
    seen = {}
    for text, kinds, found in FIXED_PII:
        items.append({"text": text, "kinds": kinds, "found": found})
        seen[text] = True
    for group, target in PII_GROUPS.items():
        templates = PII_TEMPLATES[group]
        made = 0
        tries = 0
        while made < target and tries < target * 50:
            tries += 1
            t = gen.d("pii_t_" + group, templates)
            text, found, kinds, _ = gen.render(t)
            text, found = gen.layout(text, found)
            if text in seen:
                continue
            assert kinds, (group, t)
            assert all(f in text for f in found), (text, found)
            seen[text] = True
            items.append({"text": text, "kinds": canon_kinds(kinds), "found": found})
            made += 1
        assert made == target, (group, made)
    return items


def build_clean(gen):
    items = []
    seen = {}
    used = {}
    for text, note in FIXED_CLEAN:
        items.append({"text": text, "note": note})
        seen[text] = True
    tries = 0
    while len(items) < N_CLEAN and tries < N_CLEAN * 50:
        tries += 1
        t, note = gen.d("clean_t", CLEAN_TEMPLATES)
        if "{" not in t:
            if used.get(t, 0) >= 2:
                continue
            used[t] = used.get(t, 0) + 1
        text, found, kinds, values = gen.render(t)
        assert not found and not kinds, t
        text, _ = gen.layout(text, [])
        if text in seen:
            continue
        seen[text] = True
        items.append({"text": text, "note": note.format_map(values)})
    return items


def build_safety(gen):
    items = []
    seen = {}
    plain = list(SAFETY_TEMPLATES)
    gen.rng.shuffle(plain)
    for t, kind, acute, indirect in plain:
        text, found, kinds, _ = gen.render(t, p_short=0.3, p_typo=0.25)
        assert not found, t
        text, _ = gen.layout(text, [], p_signal=0.35, p_lower=0.2, p_suffix=0.08)
        if text in seen:
            continue
        seen[text] = True
        items.append({"text": text, "kind": kind, "acute": acute, "indirect": indirect})
    with_pii = list(SAFETY_PII_TEMPLATES)
    gen.rng.shuffle(with_pii)
    for t, kind, acute, indirect in with_pii:
        text, found, kinds, _ = gen.render(t, p_short=0.3, p_typo=0.2)
        assert found, t
        text, found = gen.layout(text, found, p_signal=0.35, p_lower=0.2, p_suffix=0.08)
        assert all(f in text for f in found), (text, found)
        items.append({"text": text, "kind": kind, "acute": acute, "indirect": indirect,
                      "pii": found})
    gen.rng.shuffle(items)
    return items


def build_lookalike(gen):
    items = []
    for t, note in LOOKALIKE_TEMPLATES:
        text, found, kinds, values = gen.render(t, p_short=0.25, p_typo=0.15)
        assert not found, t
        text, _ = gen.layout(text, [], p_signal=0.2, p_lower=0.2)
        items.append({"text": text, "note": note.format_map(values)})
    gen.rng.shuffle(items)
    return items


# ---- a check of the clean-type sets against our own name lists -------------------------
# Tokens below are used on purpose as common words, book characters or place names.
ALLOWED_NAME_TOKENS = {
    "roos", "bas", "mees", "merel", "mei", "wei", "bo", "linde", "hoop", "prins", "groen",
    "zwart", "kok", "post", "bos", "puck", "job", "max", "vos", "held", "lina", "jun",
    "florence", "william", "anne", "berber", "kees", "pippi", "jip", "janneke", "matilda",
    "harry", "potter", "sjakie", "otje", "boris", "pluk", "dolfje", "kruimeltje", "jezus",
    "frank", "hendrik", "frederik", "paul", "ali", "maas", "iris", "april", "tang", "lam",
    "boer", "smit", "visser", "bakker", "madelief", "jasmijn", "storm", "nur", "dana",
}


def name_tokens(gen):
    """First names and one-word surnames (parts of multi-word surnames such as 'van der
    Meer' are ordinary words and are not checked)."""
    toks = {}
    for n, _, _ in gen.first:
        for t in n.lower().split("-"):
            toks[t] = True
    for pop in SURNAMES:
        for s in SURNAMES[pop]:
            if " " not in s and "-" not in s:
                toks[s.lower()] = True
    return toks


def check_no_names(items, toks, label):
    problems = []
    for it in items:
        if it.get("pii"):
            continue
        for w in re.findall(r"[^\W\d_]+", it["text"].lower()):
            if w in toks and w not in ALLOWED_NAME_TOKENS:
                problems.append((label, w, it["text"]))
    return problems


def dump(path, items, header):
    text = yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=4096,
                          default_flow_style=None)
    path.write_text(header + text, encoding="utf-8")


def main():
    gen = Gen(SEED)
    pii = build_pii(gen)
    clean = build_clean(gen)
    safety = build_safety(gen)
    look = build_lookalike(gen)

    toks = name_tokens(gen)
    problems = (check_no_names(clean, toks, "clean") + check_no_names(safety, toks, "safety")
                + check_no_names(look, toks, "lookalike"))
    if problems:
        for p in problems:
            print("name-like token in a text without personal data:", p, file=sys.stderr)
        sys.exit(1)

    head = ("# Wijkwijzer evaluation set (tuned part, issue 13). Generated by generate.py - do not edit.\n"
            "# All names, numbers and addresses are invented or random.\n")
    dump(HERE / "pii.yaml", pii, head + "# {text, kinds, found}: found = exact substrings that are personal data\n")
    dump(HERE / "clean.yaml", clean, head + "# {text, note}: no personal data; note = the near-miss it contains\n")
    dump(HERE / "safety.yaml", safety, head + "# {text, kind, acute, indirect[, pii]}\n")
    dump(HERE / "lookalike.yaml", look, head + "# {text, note}: safety-ish words, no concern for a child's safety\n")

    def lower_share(items):
        return sum(1 for it in items if it["text"] == it["text"].lower()) / len(items)

    print(f"pii.yaml       {len(pii):5d}  (lower case {lower_share(pii):.0%})")
    counts = {}
    for it in pii:
        for k in it["kinds"]:
            counts[k] = counts.get(k, 0) + 1
    for k in KIND_ORDER:
        print(f"    {k:16s} {counts.get(k, 0):5d}")
    print(f"clean.yaml     {len(clean):5d}  (lower case {lower_share(clean):.0%})")
    print(f"safety.yaml    {len(safety):5d}  (lower case {lower_share(safety):.0%}, "
          f"indirect {sum(it['indirect'] for it in safety)}, acute {sum(it['acute'] for it in safety)}, "
          f"with pii {sum(1 for it in safety if 'pii' in it)})")
    sk = {}
    for it in safety:
        sk[it["kind"]] = sk.get(it["kind"], 0) + 1
    for k in sorted(sk):
        print(f"    {k:20s} {sk[k]:4d}")
    print(f"lookalike.yaml {len(look):5d}  (lower case {lower_share(look):.0%})")


if __name__ == "__main__":
    main()
