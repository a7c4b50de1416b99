# factlint lexicon: places
# canonical | kind | family | aliases | misspellings
# Misspellings that are themselves real places are deliberately NOT listed
# (e.g. Pittsburg KS, Edinburg TX, Odessa TX, Frankfort KY, Columbia, Milwaukie OR,
# Monterey CA, Alburquerque ES, Bagdad AZ, Strasburg VA, Lichtenstein (Saxony)).

# --- United States ---
Cincinnati | place | | | Cincinatti, Cincinnatti, Cinncinati, Cincinati, Cinncinnati
Pittsburgh | place | | | Pittsbugh, Pitsburgh, Pittsburough
Albuquerque | place | | | Albequerque, Albuquerqe, Albuqurque, Alberquerque
Massachusetts | place | | | Massachusets, Massachussetts, Massachussets, Masachusetts, Massachusettes
Mississippi | place | | | Missisippi, Mississipi, Missisipi
Connecticut | place | | | Conneticut, Connecticutt, Connecticuit, Connetticut
Tennessee | place | | | Tennesee, Tenessee, Tennesse, Tenesee
Pennsylvania | place | | | Pennsylvannia, Pensylvania, Pennslyvania
Philadelphia | place | | | Philidelphia, Philadelpia, Philadephia
Honolulu | place | | | Honalulu, Honolulo
Hawaii | place | | Hawai'i
Louisiana | place | | | Louisianna, Lousiana, Louisana
Wisconsin | place | | | Wisconson, Wisconsen
Minneapolis | place | | | Mineapolis, Minneaplis
Milwaukee | place | | | Milwuakee, Milwakee
Tucson | place | | | Tuscon
San Francisco | place | | | San Fransisco, San Francsico, San Fransico
Los Angeles | place | | | Los Angelos, Los Angles, Los Angelas
Schenectady | place | | | Schenectedy, Schenactady
Poughkeepsie | place | | | Poughkipsie, Poughkeepsee, Poughkeepie
Chattanooga | place | | | Chatanooga, Chattanoga
Tallahassee | place | | | Tallahasee, Talahassee, Tallahasse
Des Moines | place | | | Des Moins, Des Moine
Cheyenne | place | | | Cheyene
Albany | place
Anchorage | place
Sacramento | place | | | Sacremento
Indianapolis | place | | | Indianopolis, Indianaplis
Oklahoma | place | | | Oaklahoma
Arkansas | place
Kentucky | place | | | Kentuckey
Cleveland | place
Mar-a-Lago | place | | | Mar-a-Largo, Mar a Largo, Mar-A-Lago, Mar-a-lago
Martha's Vineyard | place | | | Marthas Vineyard
Guantanamo Bay | place | | Guantanamo | Guantanomo Bay
Puerto Rico | place
Nantucket | place | | | Nantuckett
Mount Rushmore | place

# --- Canada and Latin America ---
Montreal | place | | Montréal
Quebec | place | | Québec
Saskatchewan | place | | | Saskatchwan, Saskatchawan, Saskachewan
Nunavut | place
Caracas | place | | | Caracus
Venezuela | place | | | Venezuala, Venezula, Venezeula
Bogota | place | | Bogotá
Medellin | place | | Medellín
Guadalajara | place | | | Guadalahara
Ciudad Juarez | place | | Ciudad Juárez
Buenos Aires | place | | | Buenos Aries, Buenos Airies
Sao Paulo | place | | São Paulo
Rio de Janeiro | place | | | Rio de Janiero, Rio de Janerio
Brasilia | place | | Brasília
Port-au-Prince | place | | | Port au Prince
Guatemala | place
Nicaragua | place | | | Nicaraugua
Caribbean | place | | | Carribean, Carribbean, Caribean
Galapagos Islands | place | | Galápagos Islands
Suriname | place
Bahamas | place

# --- United Kingdom and Ireland ---
Edinburgh | place | | | Edinburough, Edingburgh
Gloucester | place | | | Glouchester, Gloucster
Worcester | place | | | Worchester, Worcestor
Leicester | place | | | Leichester, Liecester, Leicster
Loughborough | place | | | Loughbourough, Loughborogh
Greenwich | place | | | Greenwhich
Middlesbrough | place | | | Middlesbourgh
Aberystwyth | place | | | Aberystwith
Worcestershire | place | | | Worcestshire, Worchestershire
Leicestershire | place | | | Leichestershire
Gloucestershire | place | | | Glouchestershire
Cirencester | place
Scarborough | place
Belfast | place
Glasgow | place

# --- Europe ---
Reykjavik | place | | Reykjavík | Rejkjavik, Reykjavic, Rekjavik, Reykyavik
Liechtenstein | place | | | Liechtenstien, Leichtenstein, Liechenstein
Kyiv | place | | | Kyiev, Kiyv
Kharkiv | place | | | Kharkhiv, Karkiv
Odesa | place
Zaporizhzhia | place | | | Zaporizhzia
Sevastopol | place | | | Sevastapol
Chernobyl | place | | Chornobyl
Donetsk | place
Luhansk | place
Crimea | place
Bakhmut | place
Vilnius | place | | | Vilnus
Tallinn | place | | | Tallin
Helsinki | place | | | Helsinky
Ljubljana | place | | | Ljubliana, Lubljana, Ljublana
Sarajevo | place | | | Sarajavo
Podgorica | place | | | Podgorika
Bucharest | place | | | Bucherest
Brussels | place | | | Brussells, Brussles
Strasbourg | place | | | Strasbourgh
Luxembourg | place | | | Luxembourgh
Copenhagen | place | | | Copenhagan
Zurich | place | | Zürich
Geneva | place
Davos | place
Dusseldorf | place | | Düsseldorf | Dusseldorff
Nuremberg | place | | Nürnberg
Frankfurt | place | | Frankfurt am Main
Munich | place
Marseille | place
St. Petersburg | place | | Saint Petersburg
Kaliningrad | place
Chisinau | place | | Chișinău
Mediterranean | place | | Mediterranean Sea | Mediterranian, Meditteranean, Mediteranean, Meditterranean
Czech Republic | place | | Czechia
Turkey | place | | Türkiye
North Macedonia | place
Vatican City | place | | Vatican
Svalbard | place
Greenland | place
Nuuk | place

# --- Caucasus and Central Asia ---
Kyrgyzstan | place | | Kyrgyz Republic | Kyrgystan, Krygyzstan, Kyrgzstan, Kyrgyztan
Kazakhstan | place | | | Kazahkstan, Khazakhstan
Uzbekistan | place | | | Uzbekhistan
Tajikistan | place | | | Tajikstan
Turkmenistan | place | | | Turkmenestan
Azerbaijan | place | | | Azerbajan, Azerbaijian, Azerbaijain
Tbilisi | place | | | Tblisi, Tiblisi
Yerevan | place | | | Yerivan
Nagorno-Karabakh | place | | | Nagorno Karabakh, Nagorno-Karabagh
Chechnya | place
Afghanistan | place | | | Afganistan, Afghanisatn, Afghanistain

# --- Middle East and Africa ---
Abu Dhabi | place | | | Abu Dabi, Abu Dahbi
Riyadh | place | | | Riyahd
Beirut | place | | | Beruit
Jerusalem | place | | | Jerusalam, Jeruselem
Tel Aviv | place | | | Tel-Aviv
Gaza Strip | place
Rafah | place
Khan Younis | place | | Khan Yunis
West Bank | place
Strait of Hormuz | place | | Hormuz Strait | Straight of Hormuz, Strait of Hormouz
Suez Canal | place | | | Suez Canel
Sinai | place | | Sinai Peninsula
Bahrain | place
Qatar | place | | | Quatar
Johannesburg | place | | | Johannesberg, Johannasburg, Johannesburgh
Addis Ababa | place | | | Addis Abbaba, Adis Ababa
Ouagadougou | place | | | Ougadougou, Ouagadogou, Ouagadougu
Timbuktu | place
Ivory Coast | place | | Cote d'Ivoire, Côte d'Ivoire
Eritrea | place | | | Eritria
Djibouti | place | | | Djbouti, Djibuti
Guinea-Bissau | place | | | Guinea Bissau
Cameroon | place | | | Camaroon
Seychelles | place | | | Seychells
Eswatini | place | | Swaziland
Kilimanjaro | place | | Mount Kilimanjaro | Kilamanjaro, Killimanjaro
Antarctica | place | | | Antartica, Antarctia

# --- South and East Asia, Oceania ---
Philippines | place | | | Phillipines, Philipines, Phillippines, Philippenes, Phillipenes
Myanmar | place | | | Mynamar, Myanamar, Mayanmar
Bangladesh | place | | | Bangladash
Indonesia | place | | | Indonasia, Indoensia
Phnom Penh | place | | | Phenom Penh, Phnom Phen, Pnom Penh
Ho Chi Minh City | place | | | Ho Chi Ming City
Kuala Lumpur | place | | | Kuala Lumpar, Kuala Lampur
Thiruvananthapuram | place | | | Thiruvanathapuram
Bengaluru | place
Mumbai | place
Kolkata | place
Ladakh | place
Kashmir | place
Himalayas | place | | | Himilayas, Himalays
Ulaanbaatar | place | | | Ulaanbatar, Ulanbaatar
Guangzhou | place | | | Guangzou, Guangzhuo
Shenzhen | place | | | Shenzen, Shenzehn
Chongqing | place | | | Chonqing, Chongquing
Hangzhou | place | | | Hangzou
Tianjin | place | | | Tianjing
Zhengzhou | place | | | Zhengzou
Xinjiang | place | | | Xingjiang, Xinjang
Urumqi | place | | Ürümqi
Kaohsiung | place | | | Kaoshiung, Kaohsuing
Hsinchu | place
Pyongyang | place | | | Pyonyang, Pyongyeng
Vladivostok | place | | | Vladivostock
Fukushima | place | | | Fukishima
Okinawa | place
Kinmen | place
South China Sea | place
Spratly Islands | place | | Spratlys
Scarborough Shoal | place
Taiwan Strait | place
Auckland | place | | | Aukland
Papua New Guinea | place | | | Papau New Guinea, Papua New Guniea
Timor-Leste | place | | East Timor
