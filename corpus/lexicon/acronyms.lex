# factlint lexicon: acronyms
# canonical | kind | family | aliases | misspellings
# For kind "acronym" the canonical is the short form and the aliases are its
# accepted expansions. Irregular acronyms (letters not matching the English
# word initials) are marked "irregular" in a comment above them.

# --- United Nations system and global bodies ---
U.N. | acronym | | United Nations, UN
WHO | acronym | | World Health Organization
WTO | acronym | | World Trade Organization
IMF | acronym | | International Monetary Fund
IAEA | acronym | | International Atomic Energy Agency
# irregular: from the original name (United Nations International Children's Emergency Fund)
UNICEF | acronym | | United Nations Children's Fund, United Nations International Children's Emergency Fund | Unicef
UNESCO | acronym | | United Nations Educational\, Scientific and Cultural Organization
UNHCR | acronym | | United Nations High Commissioner for Refugees, U.N. refugee agency
UNRWA | acronym | | United Nations Relief and Works Agency for Palestine Refugees in the Near East, U.N. agency for Palestinian refugees
UNDP | acronym | | United Nations Development Programme
UNEP | acronym | | United Nations Environment Programme
UNFCCC | acronym | | United Nations Framework Convention on Climate Change
UNSC | acronym | | United Nations Security Council, U.N. Security Council
WFP | acronym | | World Food Programme
FAO | acronym | | Food and Agriculture Organization
ILO | acronym | | International Labour Organization, International Labor Organization
ICJ | acronym | | International Court of Justice
ICC | acronym | | International Criminal Court, International Cricket Council, International Chamber of Commerce
IPCC | acronym | | Intergovernmental Panel on Climate Change
WMO | acronym | | World Meteorological Organization
WIPO | acronym | | World Intellectual Property Organization
ITU | acronym | | International Telecommunication Union
ICAO | acronym | | International Civil Aviation Organization
IMO | acronym | | International Maritime Organization
# irregular: the word order differs (International Organization for Standardization)
ISO | acronym | | International Organization for Standardization
OPCW | acronym | | Organisation for the Prohibition of Chemical Weapons, Organization for the Prohibition of Chemical Weapons
IOC | acronym | | International Olympic Committee
# irregular: French name (Fédération Internationale de Football Association)
FIFA | acronym | | Fédération Internationale de Football Association, International Federation of Association Football
# irregular: Union of European Football Associations
UEFA | acronym | | Union of European Football Associations
# irregular: AP/Reuters write Interpol in upper/lower case
Interpol | acronym | | International Criminal Police Organization | INTERPOL
# irregular: French name (Conseil Européen pour la Recherche Nucléaire)
CERN | acronym | | European Organization for Nuclear Research, Conseil Européen pour la Recherche Nucléaire
# irregular: Médecins Sans Frontières
MSF | acronym | | Doctors Without Borders, Médecins Sans Frontières
ICRC | acronym | | International Committee of the Red Cross
IFRC | acronym | | International Federation of Red Cross and Red Crescent Societies
FATF | acronym | | Financial Action Task Force
FSB | acronym | | Financial Stability Board, Federal Security Service
BIS | acronym | | Bank for International Settlements, Bureau of Industry and Security

# --- Alliances, trade blocs, treaties ---
NATO | acronym | | North Atlantic Treaty Organization | Nato
# irregular: Organization of the Petroleum Exporting Countries
OPEC | acronym | | Organization of the Petroleum Exporting Countries | Opec
OPEC+ | acronym | | OPEC Plus | Opec+
EU | acronym | | European Union
# irregular: Association of Southeast Asian Nations
ASEAN | acronym | | Association of Southeast Asian Nations | Asean
APEC | acronym | | Asia-Pacific Economic Cooperation | Apec
OECD | acronym | | Organisation for Economic Co-operation and Development, Organization for Economic Cooperation and Development
OSCE | acronym | | Organization for Security and Co-operation in Europe, Organization for Security and Cooperation in Europe
G7 | acronym | | Group of Seven, G-7
G20 | acronym | | Group of 20, Group of Twenty, G-20
BRICS | acronym
AU | acronym | | African Union
GCC | acronym | | Gulf Cooperation Council
SCO | acronym | | Shanghai Cooperation Organization, Shanghai Cooperation Organisation
IEA | acronym | | International Energy Agency
# irregular: International Renewable Energy Agency
IRENA | acronym | | International Renewable Energy Agency
WEF | acronym | | World Economic Forum
USMCA | acronym | | United States-Mexico-Canada Agreement
NAFTA | acronym | | North American Free Trade Agreement
CPTPP | acronym | | Comprehensive and Progressive Agreement for Trans-Pacific Partnership
RCEP | acronym | | Regional Comprehensive Economic Partnership
GATT | acronym | | General Agreement on Tariffs and Trade
JCPOA | acronym | | Joint Comprehensive Plan of Action
NPT | acronym | | Nuclear Non-Proliferation Treaty, Treaty on the Non-Proliferation of Nuclear Weapons

# --- Development banks and central banks ---
ECB | acronym | | European Central Bank
BoE | acronym | | Bank of England
BOJ | acronym | | Bank of Japan | BoJ
PBOC | acronym | | People's Bank of China | PBoC
RBI | acronym | | Reserve Bank of India
SNB | acronym | | Swiss National Bank
RBA | acronym | | Reserve Bank of Australia
FOMC | acronym | | Federal Open Market Committee
AIIB | acronym | | Asian Infrastructure Investment Bank
ADB | acronym | | Asian Development Bank
EBRD | acronym | | European Bank for Reconstruction and Development
EIB | acronym | | European Investment Bank
IFC | acronym | | International Finance Corporation
IDB | acronym | | Inter-American Development Bank
AfDB | acronym | | African Development Bank
NDB | acronym | | New Development Bank

# --- U.S. government ---
U.S. | acronym | | United States, US
FDA | acronym | | Food and Drug Administration
SEC | acronym | | Securities and Exchange Commission
FTC | acronym | | Federal Trade Commission
DOJ | acronym | | Department of Justice, Justice Department
# irregular: National Aeronautics and Space Administration
NASA | acronym | | National Aeronautics and Space Administration | Nasa
FBI | acronym | | Federal Bureau of Investigation
CIA | acronym | | Central Intelligence Agency
NSA | acronym | | National Security Agency
NSC | acronym | | National Security Council
DHS | acronym | | Department of Homeland Security
ICE | acronym | | Immigration and Customs Enforcement, U.S. Immigration and Customs Enforcement
CBP | acronym | | Customs and Border Protection, U.S. Customs and Border Protection
USCIS | acronym | | U.S. Citizenship and Immigration Services
TSA | acronym | | Transportation Security Administration
FAA | acronym | | Federal Aviation Administration
NTSB | acronym | | National Transportation Safety Board
NHTSA | acronym | | National Highway Traffic Safety Administration
EPA | acronym | | Environmental Protection Agency
# irregular: "and Prevention" was added to the name in 1992 without changing the acronym
CDC | acronym | | Centers for Disease Control and Prevention
NIH | acronym | | National Institutes of Health
CMS | acronym | | Centers for Medicare & Medicaid Services
HHS | acronym | | Department of Health and Human Services
FCC | acronym | | Federal Communications Commission
FERC | acronym | | Federal Energy Regulatory Commission
NRC | acronym | | Nuclear Regulatory Commission
DOE | acronym | | Department of Energy
USDA | acronym | | U.S. Department of Agriculture, Department of Agriculture
USTR | acronym | | U.S. Trade Representative, Office of the U.S. Trade Representative
ITC | acronym | | International Trade Commission, U.S. International Trade Commission
CFIUS | acronym | | Committee on Foreign Investment in the United States
OFAC | acronym | | Office of Foreign Assets Control
IRS | acronym | | Internal Revenue Service
FDIC | acronym | | Federal Deposit Insurance Corporation, Federal Deposit Insurance Corp.
CFPB | acronym | | Consumer Financial Protection Bureau
CFTC | acronym | | Commodity Futures Trading Commission
OCC | acronym | | Office of the Comptroller of the Currency
FINRA | acronym | | Financial Industry Regulatory Authority
NLRB | acronym | | National Labor Relations Board
OSHA | acronym | | Occupational Safety and Health Administration
DOGE | acronym | | Department of Government Efficiency
NOAA | acronym | | National Oceanic and Atmospheric Administration
FEMA | acronym | | Federal Emergency Management Agency
USAID | acronym | | U.S. Agency for International Development
DARPA | acronym | | Defense Advanced Research Projects Agency
ATF | acronym | | Bureau of Alcohol\, Tobacco\, Firearms and Explosives
DEA | acronym | | Drug Enforcement Administration
GAO | acronym | | Government Accountability Office
CBO | acronym | | Congressional Budget Office
OMB | acronym | | Office of Management and Budget
BLS | acronym | | Bureau of Labor Statistics
BEA | acronym | | Bureau of Economic Analysis
NSF | acronym | | National Science Foundation
NIST | acronym | | National Institute of Standards and Technology
CISA | acronym | | Cybersecurity and Infrastructure Security Agency
USPS | acronym | | U.S. Postal Service, United States Postal Service
DOD | acronym | | Department of Defense, Defense Department
NYSE | acronym | | New York Stock Exchange

# --- United Kingdom and Europe ---
NHS | acronym | | National Health Service
BBC | acronym | | British Broadcasting Corporation, British Broadcasting Corp.
# irregular: Military Intelligence, Section 5 (official name Security Service)
MI5 | acronym | | Security Service
# irregular: Military Intelligence, Section 6 (official name Secret Intelligence Service)
MI6 | acronym | | Secret Intelligence Service
GCHQ | acronym | | Government Communications Headquarters
FCA | acronym | | Financial Conduct Authority
CMA | acronym | | Competition and Markets Authority
ONS | acronym | | Office for National Statistics
EMA | acronym | | European Medicines Agency
ESMA | acronym | | European Securities and Markets Authority
EASA | acronym | | European Union Aviation Safety Agency, European Aviation Safety Agency
ESA | acronym | | European Space Agency
CJEU | acronym | | Court of Justice of the European Union
ECHR | acronym | | European Court of Human Rights, European Convention on Human Rights

# --- Asia and other national bodies ---
JAXA | acronym | | Japan Aerospace Exploration Agency
ISRO | acronym | | Indian Space Research Organisation
CNSA | acronym | | China National Space Administration
CAC | acronym | | Cyberspace Administration of China
NDRC | acronym | | National Development and Reform Commission
CSRC | acronym | | China Securities Regulatory Commission
SAMR | acronym | | State Administration for Market Regulation
CCP | acronym | | Chinese Communist Party, Communist Party of China
PLA | acronym | | People's Liberation Army
# irregular: Kuomintang is a romanization (Chinese Nationalist Party)
KMT | acronym | | Kuomintang, Nationalist Party
DPP | acronym | | Democratic Progressive Party
IDF | acronym | | Israel Defense Forces
IRGC | acronym | | Islamic Revolutionary Guard Corps
# irregular: Kurdish name (Partiya Karkerên Kurdistanê)
PKK | acronym | | Kurdistan Workers' Party
ANC | acronym | | African National Congress
BJP | acronym | | Bharatiya Janata Party
LDP | acronym | | Liberal Democratic Party
CDU | acronym | | Christian Democratic Union
SPD | acronym | | Social Democratic Party
# irregular: German name (Alternative für Deutschland)
AfD | acronym | | Alternative for Germany, Alternative für Deutschland
# irregular: Russian name (Komitet Gosudarstvennoy Bezopasnosti)
KGB | acronym | | Committee for State Security

# --- Science, technology, health, weapons ---
ISS | acronym | | International Space Station
SLS | acronym | rocket | Space Launch System
IEEE | acronym | | Institute of Electrical and Electronics Engineers
COVID-19 | acronym | | coronavirus disease 2019 | Covid-19, COVID19
GPU | acronym | | graphics processing unit
CPU | acronym | | central processing unit
TPU | acronym | google-tpu | tensor processing unit
HBM | acronym | | high-bandwidth memory
THAAD | acronym | air-defense | Terminal High Altitude Area Defense
NASAMS | acronym | air-defense | National Advanced Surface-to-Air Missile System, Norwegian Advanced Surface-to-Air Missile System
HIMARS | acronym | rocket-artillery | High Mobility Artillery Rocket System
ATACMS | acronym | missile | Army Tactical Missile System
