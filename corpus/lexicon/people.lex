# factlint lexicon: people
# canonical | kind | family | aliases | misspellings
# Aliases are only full alternate names (other transliterations, legal names),
# never bare surnames. Diacritic-free forms follow AP/Reuters practice.

# --- Tech and AI ---
Jensen Huang | person | | Jen-Hsun Huang | Jenson Huang, Jensen Haung
Satya Nadella | person | | | Satya Nadela, Satya Nadalla
Sundar Pichai | person | | | Sunder Pichai, Sundar Pichi
Tim Cook | person
Lisa Su | person
Masayoshi Son | person | | | Masyoshi Son, Masayoshi Sohn
Sam Altman | person | | | Sam Altmen
Elon Musk | person
Mark Zuckerberg | person | | | Mark Zuckerburg, Mark Zukerberg
Jeff Bezos | person | | | Jeff Besos
Andy Jassy | person | | | Andy Jassey
Larry Ellison | person | | | Larry Elison
Safra Catz | person
Demis Hassabis | person | | | Demis Hasabis
Dario Amodei | person | | | Dario Amodai, Dario Amodie
Liang Wenfeng | person
Jack Ma | person | | Ma Yun
Pony Ma | person | | Ma Huateng
Lei Jun | person
Ren Zhengfei | person | | | Ren Zhenfei
C.C. Wei | person | | Wei Che-chia
Morris Chang | person | | Chang Chung-mou
Lip-Bu Tan | person | | | Lip Bu Tan
Pat Gelsinger | person | | | Pat Gelsigner, Pat Gelsinnger
Cristiano Amon | person
Hock Tan | person
Arvind Krishna | person
Marc Benioff | person | | | Mark Benioff, Marc Beniof
Reed Hastings | person
Shou Zi Chew | person | | Shou Chew
Linda Yaccarino | person | | | Linda Yacarino, Linda Yaccarrino
Bill Gates | person
Steve Ballmer | person | | | Steve Balmer
Jack Dorsey | person
Brian Chesky | person
Travis Kalanick | person | | | Travis Kalanik
Dara Khosrowshahi | person | | | Dara Khosrowshai, Dara Kosrowshahi
Peter Thiel | person | | | Peter Theil
Alex Karp | person
Marc Andreessen | person | | | Marc Andreesen, Marc Andreessan
Mira Murati | person | | | Mira Muratti
Ilya Sutskever | person | | | Ilya Sutskiver, Ilya Sutzkever
Yann LeCun | person | | | Yann Lecun
Geoffrey Hinton | person | | | Geoffery Hinton, Geoffrey Hinten
Fei-Fei Li | person | | | Fei Fei Li
Akio Toyoda | person | | | Akio Toyota
Mary Barra | person
Kelly Ortberg | person | | | Kelly Orthberg
Bob Iger | person
David Zaslav | person
Mukesh Ambani | person
Gautam Adani | person

# --- Finance and central banks ---
Warren Buffett | person | | | Warren Buffet
Jamie Dimon | person | | | Jamie Dimond
Larry Fink | person
Jane Fraser | person
David Solomon | person
Stephen Schwarzman | person | | | Stephen Schwartzman
Ken Griffin | person
Ray Dalio | person
Jerome Powell | person | | Jay Powell | Jerome Powel
Janet Yellen | person | | | Janet Yellin, Janet Yelen
Christine Lagarde | person | | | Christine Legarde, Christine LaGarde
Kristalina Georgieva | person | | | Kristalina Georgeva
Ajay Banga | person
Kazuo Ueda | person
Andrew Bailey | person
Pan Gongsheng | person
Mario Draghi | person

# --- U.S. politics ---
Donald Trump | person | | Donald J. Trump
Joe Biden | person | | Joseph R. Biden
Kamala Harris | person
JD Vance | person | | J.D. Vance
Marco Rubio | person
Scott Bessent | person | | | Scott Bessant
Howard Lutnick | person | | | Howard Lutnik
Jamieson Greer | person
Pete Hegseth | person | | | Pete Hegsith
Robert F. Kennedy Jr. | person | | RFK Jr.
Tulsi Gabbard | person | | | Tulsi Gabbert
Kash Patel | person | | Kashyap Patel
Pam Bondi | person
Kristi Noem | person | | | Kristy Noem, Kristi Noam
Elise Stefanik | person | | | Elise Stefanick
Chuck Schumer | person | | | Chuck Shumer
Mitch McConnell | person | | | Mitch McConnel
Hakeem Jeffries | person | | | Hakeem Jefferies
Alexandria Ocasio-Cortez | person | | | Alexandria Ocasio Cortez, Alexandra Ocasio-Cortez
Gavin Newsom | person | | | Gavin Newsome
Ron DeSantis | person | | | Ron Desantis, Ron De Santis
Gretchen Whitmer | person | | | Gretchen Whitmore
JB Pritzker | person | | J.B. Pritzker | JB Pritzer, J.B. Pritzer
Zohran Mamdani | person | | | Zohran Mamdami

# --- World leaders and officials ---
Ursula von der Leyen | person | | | Ursula von der Layen, Ursula Von Der Leyen, Ursula van der Leyen
Volodymyr Zelenskyy | person | | Volodymyr Zelensky, Volodymyr Zelenskiy | Volodymir Zelensky, Volodimir Zelensky, Volodymir Zelenskyy
Vladimir Putin | person | | | Vladamir Putin, Vladimir Puttin
Xi Jinping | person | | | Xi Jingping, Xi Jin Ping
Li Qiang | person
Emmanuel Macron | person | | | Emanuel Macron, Emmanuel Marcon
Rishi Sunak | person | | | Rishi Sunnak
Keir Starmer | person | | | Kier Starmer, Keir Starmar
Narendra Modi | person | | | Narendera Modi
Olaf Scholz | person | | | Olaf Schultz, Olaf Scholtz
Friedrich Merz | person | | | Friedrich Mertz
Giorgia Meloni | person | | | Georgia Meloni, Giorgia Melloni
Pedro Sanchez | person | | Pedro Sánchez
Recep Tayyip Erdogan | person | | Recep Tayyip Erdoğan | Recep Tayyip Erdogen, Recep Tayip Erdogan
Benjamin Netanyahu | person | | | Benjamin Natanyahu, Benjamin Netanyau
Mohammed bin Salman | person | | Mohammed bin Salman al-Saud, Mohammad bin Salman | Mohammed Bin Salman
Ali Khamenei | person | | | Ali Khameini
Masoud Pezeshkian | person | | | Masoud Pezeskhian
Kim Jong Un | person | | Kim Jong-un | Kim Jung Un
Lee Jae-myung | person | | Lee Jae Myung
Yoon Suk Yeol | person | | Yoon Suk-yeol
Sanae Takaichi | person
Shigeru Ishiba | person
Anthony Albanese | person | | | Anthony Albanesse
Justin Trudeau | person
Mark Carney | person
Luiz Inacio Lula da Silva | person | | Luiz Inácio Lula da Silva | Luis Inacio Lula da Silva
Javier Milei | person | | | Javier Millei, Javier Milie
Claudia Sheinbaum | person | | | Claudia Sheinbuam, Claudia Scheinbaum
Andres Manuel Lopez Obrador | person | | Andrés Manuel López Obrador
Nicolas Maduro | person | | Nicolás Maduro
Cyril Ramaphosa | person | | | Cyril Ramophosa, Cyril Ramaposa
Bola Tinubu | person | | Bola Ahmed Tinubu
Prabowo Subianto | person | | | Prabowo Subiyanto
Ferdinand Marcos Jr. | person | | Bongbong Marcos
Anwar Ibrahim | person
Lawrence Wong | person
Tharman Shanmugaratnam | person | | | Tharman Shanmugaratnum
Lai Ching-te | person | | William Lai
Tsai Ing-wen | person | | | Tsai Ing-Wen
Antonio Guterres | person | | António Guterres | Antonio Guteres
Tedros Adhanom Ghebreyesus | person | | | Tedros Adhanom Gebreyesus, Tedros Adhanom Ghebreyseus
Jens Stoltenberg | person | | | Jens Stoltenburg
Mark Rutte | person
Kaja Kallas | person | | | Kaja Kalas
Antonio Costa | person | | António Costa
Viktor Orban | person | | Viktor Orbán
Donald Tusk | person
Mette Frederiksen | person | | | Mette Fredriksen
Jonas Gahr Store | person | | Jonas Gahr Støre
Alexander Lukashenko | person | | Aleksandr Lukashenko
Sergey Lavrov | person | | Sergei Lavrov
Dmitry Peskov | person | | Dmitri Peskov
Alexei Navalny | person | | Alexey Navalny
Yevgeny Prigozhin | person
Mahmoud Abbas | person
Bashar al-Assad | person | | Bashar Assad
Ahmed al-Sharaa | person
Abdel Fattah el-Sissi | person | | Abdel Fattah al-Sisi, Abdel Fattah el-Sisi
Pope Francis | person
Pope Leo XIV | person | | Robert Francis Prevost
King Charles III | person
