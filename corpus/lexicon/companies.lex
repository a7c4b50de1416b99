# factlint lexicon: companies
# canonical | kind | family | aliases | misspellings
# House casing follows AP/Reuters usage (e.g. Nvidia, not NVIDIA). See README.md.

# --- Semiconductors and hardware ---
Nvidia | org | | Nvidia Corp., Nvidia Corporation | Nvida, NVidia, NVIDIA, Nvidea, Nividia
AMD | org | | Advanced Micro Devices, Advanced Micro Devices Inc.
Intel | org | | Intel Corp., Intel Corporation
TSMC | org | | Taiwan Semiconductor Manufacturing Co., Taiwan Semiconductor Manufacturing Company
Qualcomm | org | | Qualcomm Inc. | QualComm, Qualcom
Broadcom | org | | Broadcom Inc. | BroadCom
Arm | org | | Arm Holdings, Arm Ltd.
Micron | org | | Micron Technology, Micron Technology Inc.
Samsung Electronics | org | | Samsung Electronics Co. | Samsung Electonics
Samsung | org | | Samsung Group | Samsumg, Samung
SK Hynix | org | | SK hynix, SK Hynix Inc. | SKHynix, SK Hinix
LG Electronics | org | | LG Electronics Inc.
Sony | org | | Sony Group, Sony Group Corp., Sony Corp.
Nintendo | org | | Nintendo Co.
Foxconn | org | | Hon Hai Precision Industry, Hon Hai | FoxConn
ASML | org | | ASML Holding, ASML Holding NV
Applied Materials | org | | Applied Materials Inc.
Lam Research | org | | Lam Research Corp.
KLA | org | | KLA Corp.
Texas Instruments | org | | Texas Instruments Inc.
Infineon | org | | Infineon Technologies
STMicroelectronics | org | | STMicro | ST Microelectronics, STMicroelectronic
NXP Semiconductors | org | | NXP
Marvell Technology | org | | Marvell
Super Micro Computer | org | | Supermicro, Super Micro | SuperMicro Computer
Dell Technologies | org | | Dell
HP Inc. | org | | HP
Hewlett Packard Enterprise | org | | HPE | Hewlett-Packard Enterprise
Lenovo | org | | Lenovo Group
SMIC | org | | Semiconductor Manufacturing International Corp.
Cambricon | org | | Cambricon Technologies
Cerebras | org | | Cerebras Systems
Ampere Computing | org
GlobalFoundries | org | | | Global Foundries, Globalfoundries
Tokyo Electron | org
Rapidus | org

# --- Internet, software and AI ---
OpenAI | org | | | Open AI, OpenAi, Open-AI
Anthropic | org | | Anthropic PBC
DeepSeek | org | | | Deepseek, Deep Seek
Google | org | | Google LLC
Alphabet | org | | Alphabet Inc.
Google DeepMind | org | | DeepMind | Deepmind, Deep Mind
YouTube | org | | | Youtube, You Tube, YouTub
Microsoft | org | | Microsoft Corp., Microsoft Corporation | Mircosoft, Microsft, MicroSoft, Micosoft
Apple | org | | Apple Inc.
Amazon | org | | Amazon.com, Amazon.com Inc.
Amazon Web Services | org | | AWS
Meta | org | | Meta Platforms, Meta Platforms Inc.
Facebook | org | | | FaceBook
Instagram | org | | | InstaGram
WhatsApp | org | | | Whatsapp, Whats App, WhatsAPP
LinkedIn | org | | | Linkedin, Linked In, LinkedIN
eBay | org | | eBay Inc. | Ebay, EBay, E-bay
PayPal | org | | PayPal Holdings | Paypal, Pay Pal
Netflix | org | | Netflix Inc. | NetFlix
Tesla | org | | Tesla Inc.
SpaceX | org | | Space Exploration Technologies Corp. | Space X, Spacex, Space-X
xAI | org | | X.AI Corp.
Twitter | org
Oracle | org | | Oracle Corp.
IBM | org | | International Business Machines, International Business Machines Corp.
Cisco | org | | Cisco Systems
Salesforce | org | | Salesforce Inc. | SalesForce
Adobe | org | | Adobe Inc.
SAP | org | | SAP SE
Palantir | org | | Palantir Technologies | Palantier, Pallantir
CrowdStrike | org | | CrowdStrike Holdings | Crowdstrike, Crowd Strike
Palo Alto Networks | org
ServiceNow | org | | | Servicenow
Workday | org | | Workday Inc.
Intuit | org | | Intuit Inc.
Snowflake | org | | Snowflake Inc.
Databricks | org | | | DataBricks
Scale AI | org | | | ScaleAI
Mistral AI | org
Hugging Face | org
Perplexity | org | | Perplexity AI
CoreWeave | org | | | Coreweave, Core Weave
Moonshot AI | org
Zhipu AI | org | | Zhipu
Uber | org | | Uber Technologies
Lyft | org | | Lyft Inc.
Airbnb | org | | Airbnb Inc. | AirBnB, AirBNB, Air BnB, AirBnb
DoorDash | org | | | Doordash, Door Dash
Spotify | org | | Spotify Technology
Pinterest | org | | Pinterest Inc.
Reddit | org | | Reddit Inc.
Snap | org | | Snap Inc.
Zoom Video Communications | org | | Zoom
Shopify | org | | Shopify Inc.
Coinbase | org | | Coinbase Global | CoinBase
Robinhood | org | | Robinhood Markets | RobinHood
Stripe | org | | Stripe Inc.
Klarna | org
Revolut | org
Booking Holdings | org | | Booking.com
Expedia Group | org | | Expedia
Zillow | org | | Zillow Group
WeWork | org | | | Wework
Etsy | org
Wayfair | org
Instacart | org | | Maplebear
Tencent | org | | Tencent Holdings | TenCent
Alibaba | org | | Alibaba Group, Alibaba Group Holding | AliBaba
Baidu | org | | Baidu Inc.
ByteDance | org | | | Bytedance, Byte Dance
TikTok | org | | | Tiktok, TikTock
JD.com | org
PDD Holdings | org | | PDD
Pinduoduo | org | | | PinDuoDuo, Pin Duo Duo
Temu | org
Shein | org | | | SHEIN
Xiaomi | org | | Xiaomi Corp. | Xiamoi, Xioami, XiaoMi
Huawei | org | | Huawei Technologies | Hauwei, Huwei, Huawai, HuaWei
Ant Group | org | | Ant Financial
Rakuten | org | | Rakuten Group
Tata Consultancy Services | org | | TCS
Infosys | org
Wipro | org
Accenture | org
Electronic Arts | org
Activision Blizzard | org | | Activision | Activison Blizzard
Take-Two Interactive | org | | Take-Two | Take Two Interactive, TakeTwo Interactive
Ubisoft | org
Roblox | org | | Roblox Corp.
Epic Games | org
Valve | org | | Valve Corp.

# --- Telecom ---
AT&T | org | | AT&T Inc. | AT & T
Verizon | org | | Verizon Communications | Verizion, Verison
T-Mobile | org | | T-Mobile US | TMobile, T Mobile
Comcast | org | | Comcast Corp.
Charter Communications | org
Vodafone | org | | Vodafone Group | VodaFone
Deutsche Telekom | org | | | Deutsche Telecom
Nokia | org | | Nokia Oyj
Ericsson | org | | | Ericcson, Ericssen
BT Group | org | | BT
SoftBank | org | | SoftBank Group, SoftBank Group Corp. | Softbank, Soft Bank
Reliance Industries | org

# --- Media and entertainment ---
Disney | org | | Walt Disney Co., The Walt Disney Company
Warner Bros. Discovery | org | | Warner Bros Discovery | Warner Brothers Discovery, WarnerBros. Discovery
Paramount | org | | Paramount Global, Paramount Skydance
NBCUniversal | org | | | NBC Universal, NBCUniveral
Fox Corp. | org | | Fox Corporation
News Corp | org | | News Corp.
iHeartMedia | org | | iHeartMedia Inc. | IHeartMedia, iHeart Media, IheartMedia, iheartmedia
Sirius XM | org | | SiriusXM, Sirius XM Holdings | Sirius-XM
Thomson Reuters | org | | | Thompson Reuters, Thomson-Reuters
Bloomberg LP | org | | Bloomberg L.P.
Associated Press | org | | AP
Live Nation | org | | Live Nation Entertainment | LiveNation

# --- Banks, asset managers, exchanges, insurers ---
JPMorgan Chase | org | | JPMorgan Chase & Co., JPMorgan, J.P. Morgan | JP Morgan Chase, JPMorgan-Chase, JPMorgan Chase and Co.
Goldman Sachs | org | | Goldman Sachs Group, Goldman | Goldman Sacks, Goldmann Sachs
Morgan Stanley | org | | | Morgan Stanly
Bank of America | org | | BofA | Bank of Amercia
Citigroup | org | | Citi | CitiGroup, Citygroup
Wells Fargo | org | | Wells Fargo & Co. | WellsFargo
BlackRock | org | | BlackRock Inc.
Vanguard | org | | Vanguard Group
State Street | org | | State Street Corp.
Fidelity Investments | org
Charles Schwab | org | | Schwab, Charles Schwab Corp. | Charles Swab
Berkshire Hathaway | org | | Berkshire Hathaway Inc. | Berkshire Hathway, Berkshire Hathoway
Blackstone | org | | Blackstone Inc. | BlackStone
KKR | org | | Kohlberg Kravis Roberts, KKR & Co.
Apollo Global Management | org
Carlyle Group | org
Citadel | org
Bridgewater Associates | org
HSBC | org | | HSBC Holdings
Barclays | org | | Barclays plc
Lloyds Banking Group | org | | Lloyds | Lloyd's Banking Group
Lloyd's of London | org | | Lloyd's | Lloyds of London
NatWest | org | | NatWest Group | Natwest, Nat West
Standard Chartered | org | | StanChart | Standard Charted
UBS | org | | UBS Group
Credit Suisse | org | | | Credit Swiss
Deutsche Bank | org | | | Deutsche Banc
BNP Paribas | org | | | BNP Parisbas, BNP Pariba
Societe Generale | org | | Société Générale, SocGen
ING | org | | ING Groep
Santander | org | | Banco Santander
Mitsubishi UFJ Financial Group | org | | MUFG
Nomura | org | | Nomura Holdings
Mizuho | org | | Mizuho Financial Group
Visa | org | | Visa Inc.
Mastercard | org | | Mastercard Inc. | MasterCard
American Express | org | | Amex
Nasdaq | org | | Nasdaq Inc. | NASDAQ
Intercontinental Exchange | org | | | InterContinental Exchange
CME Group | org
London Stock Exchange Group | org | | LSEG
S&P Global | org | | | S & P Global
Moody's | org | | Moody's Corp., Moody's Investors Service | Moodys
Fitch Ratings | org | | Fitch
Prudential Financial | org
AIG | org | | American International Group
MetLife | org | | | Metlife, Met Life
Allianz | org
AXA | org
Ping An Insurance | org | | Ping An
Fannie Mae | org | | Federal National Mortgage Association
Freddie Mac | org | | Federal Home Loan Mortgage Corp.
Temasek | org | | Temasek Holdings
Mubadala | org | | Mubadala Investment Co.
Public Investment Fund | org | | PIF
China Evergrande Group | org | | Evergrande
Country Garden | org | | Country Garden Holdings

# --- Autos and mobility ---
Toyota | org | | Toyota Motor, Toyota Motor Corp. | Toyata
Volkswagen | org | | Volkswagen AG, VW | Volkswagon, VolksWagen
General Motors | org | | GM
Ford | org | | Ford Motor, Ford Motor Co.
Stellantis | org | | | Stellantes
Honda | org | | Honda Motor
Nissan | org | | Nissan Motor
Hyundai | org | | Hyundai Motor | Hyndai, Hyundia, Huyndai
Kia | org | | Kia Corp.
BMW | org | | Bayerische Motoren Werke
Mercedes-Benz | org | | Mercedes-Benz Group, Mercedes | Mercedes Benz, Mercedez-Benz, Mercedez Benz
Daimler Truck | org
Porsche | org | | Porsche AG | Porshe
Ferrari | org
Renault | org
Volvo Cars | org
Geely | org | | Zhejiang Geely Holding
BYD | org | | BYD Co.
Nio | org | | | NIO
Xpeng | org
Li Auto | org
Rivian | org | | Rivian Automotive
Lucid | org | | Lucid Group
Subaru | org
Mazda | org
Suzuki | org
Tata Motors | org
Jaguar Land Rover | org | | JLR
Harley-Davidson | org | | | Harley Davidson, HarleyDavidson
Caterpillar | org | | Caterpillar Inc. | Catepillar
Deere | org | | John Deere, Deere & Co.
Waymo | org
Bosch | org | | Robert Bosch
CATL | org | | Contemporary Amperex Technology, Contemporary Amperex Technology Co.
Panasonic | org
LG Energy Solution | org

# --- Aerospace and defense ---
Boeing | org | | Boeing Co. | Boeng
Airbus | org | | Airbus SE | AirBus
Lockheed Martin | org | | Lockheed | Lockheed Martian, Lockhead Martin
Northrop Grumman | org | | Northrop | Northrup Grumman, Northrop Grummann
RTX | org | | RTX Corp., Raytheon Technologies
Raytheon | org
General Dynamics | org
BAE Systems | org
Rolls-Royce | org | | Rolls-Royce Holdings | Rolls Royce
Safran | org
Thales | org
Embraer | org
Bombardier | org
Spirit AeroSystems | org | | | Spirit Aerosystems
General Electric | org | | GE
GE Aerospace | org
Honeywell | org | | Honeywell International
Pratt & Whitney | org | | | Pratt and Whitney
Anduril | org | | Anduril Industries
COMAC | org | | Commercial Aircraft Corp. of China

# --- Pharma and health ---
Pfizer | org | | Pfizer Inc. | Phizer
Moderna | org | | Moderna Inc.
Johnson & Johnson | org | | J&J | Johnson and Johnson
Merck | org | | Merck & Co.
AstraZeneca | org | | | Astrazeneca, Astra Zeneca, AstraZenaca
GSK | org | | GSK plc, GlaxoSmithKline | Glaxo SmithKline, GlaxoSmithkline, Glaxosmithkline
Novartis | org
Roche | org | | Roche Holding
Sanofi | org
Novo Nordisk | org | | | Novo Nordisc, NovoNordisk
Eli Lilly | org | | Eli Lilly and Co. | Eli Lilley, Eli Lily
AbbVie | org | | | Abbvie
Bristol Myers Squibb | org | | Bristol-Myers Squibb, BMS | Bristol Meyers Squibb, Bristol-Meyers Squibb
Amgen | org
Gilead Sciences | org | | | Gilliad Sciences
Regeneron | org | | Regeneron Pharmaceuticals
Vertex Pharmaceuticals | org
Biogen | org
Bayer | org
BioNTech | org | | | Biontech, BioNtech
Novavax | org
Teva | org | | Teva Pharmaceutical Industries
Takeda | org | | Takeda Pharmaceutical
UnitedHealth Group | org | | UnitedHealth | United Health Group
CVS Health | org | | CVS
Walgreens | org | | Walgreens Boots Alliance
Medtronic | org
Abbott | org | | Abbott Laboratories
Thermo Fisher Scientific | org | | Thermo Fisher | ThermoFisher Scientific
Humana | org
Cigna | org | | Cigna Group
Elevance Health | org
McKesson | org
Illumina | org

# --- Retail, food and consumer ---
Walmart | org | | Walmart Inc. | WalMart
Costco | org | | Costco Wholesale
Target | org | | Target Corp.
Home Depot | org | | The Home Depot
Lowe's | org | | Lowe's Cos.
Kroger | org
McDonald's | org | | McDonald's Corp. | McDonalds
Starbucks | org | | Starbucks Corp. | StarBucks
Coca-Cola | org | | Coca-Cola Co. | CocaCola, Coca Cola
PepsiCo | org | | PepsiCo Inc. | Pepsico, Pepsi Co
Procter & Gamble | org | | P&G, Procter & Gamble Co. | Proctor & Gamble, Proctor and Gamble, Procter and Gamble
Unilever | org
Nestle | org | | Nestlé
Kraft Heinz | org | | Kraft Heinz Co.
Mondelez | org | | Mondelez International
Anheuser-Busch InBev | org | | AB InBev | Anheuser Busch InBev, Anheiser-Busch InBev
Diageo | org
L'Oreal | org | | L'Oréal | Loreal
LVMH | org | | LVMH Moet Hennessy Louis Vuitton
Kering | org
Hermes | org | | Hermès
Nike | org | | Nike Inc.
Adidas | org
Lululemon | org | | Lululemon Athletica | LuluLemon
H&M | org | | Hennes & Mauritz
Inditex | org
Uniqlo | org | | | UNIQLO
Fast Retailing | org
Ikea | org | | | IKEA
Tesco | org
Sainsbury's | org | | J Sainsbury | Sainsburys
Carrefour | org
Aldi | org
Lidl | org
Best Buy | org
Dollar General | org
Chipotle | org | | Chipotle Mexican Grill | Chipolte
Yum Brands | org | | Yum! Brands
Domino's | org | | Domino's Pizza | Dominos Pizza
Tyson Foods | org
Philip Morris International | org | | Philip Morris | Phillip Morris International
Altria | org
British American Tobacco | org
Estee Lauder | org | | Estée Lauder
Colgate-Palmolive | org | | | Colgate Palmolive
Kimberly-Clark | org | | Kimberly-Clark Corp. | Kimberly Clark Corp.
3M | org | | 3M Co.
Whirlpool | org
Hasbro | org
Mattel | org
Peloton | org
Marriott International | org | | Marriott | Marriot
Hilton | org | | Hilton Worldwide
Carnival | org | | Carnival Corp.
Royal Caribbean | org | | Royal Caribbean Group | Royal Carribean

# --- Energy and materials ---
ExxonMobil | org | | Exxon Mobil, Exxon Mobil Corp., Exxon | Exxonmobil, Exon Mobil, Exxon-Mobil
Chevron | org | | Chevron Corp.
Shell | org | | Shell plc, Royal Dutch Shell
BP | org | | BP plc
TotalEnergies | org | | | Total Energies
Equinor | org
Saudi Aramco | org | | Aramco | Saudi Armaco, Aramaco
ConocoPhillips | org | | | Conoco Phillips, ConocoPhilips
Occidental Petroleum | org
Petrobras | org
PetroChina | org | | | Petrochina
Sinopec | org
CNOOC | org | | China National Offshore Oil Corp.
Gazprom | org
Rosneft | org
Lukoil | org
Eni | org
Repsol | org
Halliburton | org | | | Haliburton
SLB | org | | Schlumberger | Schlumburger, Shlumberger
Baker Hughes | org
NextEra Energy | org
Duke Energy | org
PG&E | org | | Pacific Gas and Electric
Enel | org
Iberdrola | org
Orsted | org | | Ørsted
Vestas | org | | Vestas Wind Systems
First Solar | org
Glencore | org
Rio Tinto | org
BHP | org | | BHP Group
Vale | org
Anglo American | org
Freeport-McMoRan | org | | | Freeport McMoran, Freeport-McMoran, Freeport McMoRan
ArcelorMittal | org | | | Arcelor Mittal, ArcelorMital
Nippon Steel | org
U.S. Steel | org | | United States Steel, United States Steel Corp.
Alcoa | org
Albemarle | org
Cleveland-Cliffs | org | | | Cleveland Cliffs
Nucor | org

# --- Airlines ---
Delta Air Lines | org | | | Delta Airlines
United Airlines | org
American Airlines | org
Southwest Airlines | org
JetBlue | org | | JetBlue Airways | Jetblue, Jet Blue
Alaska Airlines | org
Spirit Airlines | org
Ryanair | org | | | RyanAir, Ryan Air
easyJet | org | | EasyJet | Easyjet
Lufthansa | org | | Deutsche Lufthansa | Luftansa
Air France-KLM | org | | | Air France KLM
British Airways | org
International Airlines Group | org | | IAG
Emirates | org
Qatar Airways | org
Etihad Airways | org | | Etihad | Ethihad
Singapore Airlines | org
Cathay Pacific | org
Qantas | org | | | Quantas
Air Canada | org
Turkish Airlines | org
Air India | org
IndiGo | org | | InterGlobe Aviation
All Nippon Airways | org | | ANA
Japan Airlines | org | | JAL
Korean Air | org
Air China | org
China Eastern Airlines | org
China Southern Airlines | org
Virgin Atlantic | org
Wizz Air | org

# --- Logistics, industrials and services ---
FedEx | org | | FedEx Corp. | Fedex, Fed Ex, FedEX
UPS | org | | United Parcel Service
DHL | org | | DHL Group
Maersk | org | | A.P. Moller-Maersk | Maresk, Mearsk
Union Pacific | org
Siemens | org | | Siemens AG
Schneider Electric | org
ABB | org
Hitachi | org
Toshiba | org
Mitsubishi Heavy Industries | org | | MHI
Deloitte | org
PwC | org | | PricewaterhouseCoopers | Price Waterhouse Coopers, PriceWaterhouseCoopers
EY | org | | Ernst & Young
KPMG | org
McKinsey | org | | McKinsey & Co. | McKinsy
Boston Consulting Group | org | | BCG
Bain & Co. | org | | Bain & Company
