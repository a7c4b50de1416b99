# factlint lexicon: products
# canonical | kind | family | aliases | misspellings
# Families group siblings a story can confuse (H20 vs H200, 737 vs 747...).

# --- Nvidia datacenter GPUs and systems ---
V100 | product | nvidia-datacenter-gpu | Nvidia V100, Tesla V100
A100 | product | nvidia-datacenter-gpu | Nvidia A100
A800 | product | nvidia-datacenter-gpu | Nvidia A800
A30 | product | nvidia-datacenter-gpu | Nvidia A30
H100 | product | nvidia-datacenter-gpu | Nvidia H100
H800 | product | nvidia-datacenter-gpu | Nvidia H800
H200 | product | nvidia-datacenter-gpu | Nvidia H200
H20 | product | nvidia-datacenter-gpu | Nvidia H20
L40S | product | nvidia-datacenter-gpu | Nvidia L40S
L20 | product | nvidia-datacenter-gpu | Nvidia L20
GH200 | product | nvidia-datacenter-gpu | Grace Hopper Superchip, GH200 Grace Hopper
B100 | product | nvidia-datacenter-gpu | Nvidia B100
B200 | product | nvidia-datacenter-gpu | Nvidia B200
B300 | product | nvidia-datacenter-gpu | Nvidia B300
GB200 | product | nvidia-datacenter-gpu | GB200 Grace Blackwell Superchip
GB300 | product | nvidia-datacenter-gpu | Nvidia GB300
GB200 NVL72 | product | nvidia-system
DGX | product | nvidia-system | Nvidia DGX
DGX Spark | product | nvidia-system | Nvidia DGX Spark
NVLink | product | | | NvLink, NV Link
CUDA | product | | Compute Unified Device Architecture
Volta | product | nvidia-architecture
Ampere | product | nvidia-architecture
Hopper | product | nvidia-architecture
Ada Lovelace | product | nvidia-architecture
Blackwell | product | nvidia-architecture
Rubin | product | nvidia-architecture
GeForce | product | nvidia-geforce | Nvidia GeForce | Geforce
GeForce RTX 4080 | product | nvidia-geforce | RTX 4080
GeForce RTX 4090 | product | nvidia-geforce | RTX 4090
GeForce RTX 4090 D | product | nvidia-geforce | RTX 4090 D, RTX 4090D
GeForce RTX 5080 | product | nvidia-geforce | RTX 5080
GeForce RTX 5090 | product | nvidia-geforce | RTX 5090
GeForce RTX 5090 D | product | nvidia-geforce | RTX 5090 D, RTX 5090D
RTX Pro 6000 | product | nvidia-workstation-gpu | RTX PRO 6000

# --- Other AI accelerators ---
AMD Instinct | product | amd-instinct
MI250 | product | amd-instinct | Instinct MI250
MI250X | product | amd-instinct | Instinct MI250X
MI300A | product | amd-instinct | Instinct MI300A
MI300X | product | amd-instinct | Instinct MI300X
MI308 | product | amd-instinct | Instinct MI308
MI325X | product | amd-instinct | Instinct MI325X
MI350X | product | amd-instinct | Instinct MI350X
MI355X | product | amd-instinct | Instinct MI355X
MI400 | product | amd-instinct | Instinct MI400
Gaudi 2 | product | intel-gaudi | Intel Gaudi 2, Gaudi2
Gaudi 3 | product | intel-gaudi | Intel Gaudi 3, Gaudi3
Ascend 910B | product | huawei-ascend | Huawei Ascend 910B
Ascend 910C | product | huawei-ascend | Huawei Ascend 910C
TPU v5p | product | google-tpu | Cloud TPU v5p
Trillium | product | google-tpu | TPU v6e
Ironwood | product | google-tpu
Trainium | product | aws-chip | AWS Trainium
Trainium2 | product | aws-chip | AWS Trainium2
Inferentia | product | aws-chip | AWS Inferentia
Graviton | product | aws-chip | AWS Graviton
Maia 100 | product | microsoft-chip | Azure Maia 100
Cobalt 100 | product | microsoft-chip | Azure Cobalt 100

# --- CPUs and SoCs ---
Core i3 | product | intel-core | Intel Core i3
Core i5 | product | intel-core | Intel Core i5
Core i7 | product | intel-core | Intel Core i7
Core i9 | product | intel-core | Intel Core i9
Core Ultra | product | intel-core | Intel Core Ultra
Xeon | product | server-cpu | Intel Xeon
EPYC | product | server-cpu | AMD EPYC, Epyc
Ryzen 3 | product | amd-ryzen | AMD Ryzen 3
Ryzen 5 | product | amd-ryzen | AMD Ryzen 5
Ryzen 7 | product | amd-ryzen | AMD Ryzen 7
Ryzen 9 | product | amd-ryzen | AMD Ryzen 9
Threadripper | product | amd-ryzen | Ryzen Threadripper
Radeon | product | | AMD Radeon
Lunar Lake | product | intel-codename
Arrow Lake | product | intel-codename
Panther Lake | product | intel-codename
Intel 18A | product | intel-process | 18A
M1 | product | apple-m | Apple M1
M1 Pro | product | apple-m | Apple M1 Pro
M1 Max | product | apple-m | Apple M1 Max
M1 Ultra | product | apple-m | Apple M1 Ultra
M2 | product | apple-m | Apple M2
M2 Ultra | product | apple-m | Apple M2 Ultra
M3 | product | apple-m | Apple M3
M3 Ultra | product | apple-m | Apple M3 Ultra
M4 | product | apple-m | Apple M4
M4 Pro | product | apple-m | Apple M4 Pro
M4 Max | product | apple-m | Apple M4 Max
M5 | product | apple-m | Apple M5
A17 Pro | product | apple-a | Apple A17 Pro
A18 | product | apple-a | Apple A18
A18 Pro | product | apple-a | Apple A18 Pro
A19 | product | apple-a | Apple A19
A19 Pro | product | apple-a | Apple A19 Pro
Snapdragon 8 Gen 3 | product | qualcomm-snapdragon
Snapdragon 8 Elite | product | qualcomm-snapdragon
Snapdragon X Elite | product | qualcomm-snapdragon
Kirin 9000S | product | huawei-kirin | Huawei Kirin 9000S

# --- Phones, tablets, computers, wearables ---
iPhone | product | iphone | | Iphone, IPhone, I-Phone
iPhone X | product | iphone
iPhone XR | product | iphone
iPhone SE | product | iphone
iPhone 11 | product | iphone
iPhone 12 | product | iphone
iPhone 13 | product | iphone
iPhone 14 | product | iphone
iPhone 15 | product | iphone
iPhone 15 Pro | product | iphone
iPhone 15 Pro Max | product | iphone
iPhone 16 | product | iphone
iPhone 16e | product | iphone
iPhone 16 Pro | product | iphone
iPhone 16 Pro Max | product | iphone
iPhone 17 | product | iphone
iPhone 17 Pro | product | iphone
iPhone 17 Pro Max | product | iphone
iPhone Air | product | iphone
Galaxy S21 | product | galaxy-s | Samsung Galaxy S21
Galaxy S22 | product | galaxy-s | Samsung Galaxy S22
Galaxy S23 | product | galaxy-s | Samsung Galaxy S23
Galaxy S24 | product | galaxy-s | Samsung Galaxy S24
Galaxy S24 Ultra | product | galaxy-s | Samsung Galaxy S24 Ultra
Galaxy S25 | product | galaxy-s | Samsung Galaxy S25
Galaxy S25 Ultra | product | galaxy-s | Samsung Galaxy S25 Ultra
Galaxy S25 Edge | product | galaxy-s | Samsung Galaxy S25 Edge
Galaxy Z Fold7 | product | galaxy-z | Galaxy Z Fold 7, Samsung Galaxy Z Fold7
Galaxy Z Flip7 | product | galaxy-z | Galaxy Z Flip 7, Samsung Galaxy Z Flip7
Pixel 6 | product | pixel | Google Pixel 6
Pixel 7 | product | pixel | Google Pixel 7
Pixel 8 | product | pixel | Google Pixel 8
Pixel 9 | product | pixel | Google Pixel 9
Pixel 9 Pro | product | pixel | Google Pixel 9 Pro
Pixel 10 | product | pixel | Google Pixel 10
Pixel Fold | product | pixel | Google Pixel Fold
Mate 60 Pro | product | huawei-phone | Huawei Mate 60 Pro
Mate 70 | product | huawei-phone | Huawei Mate 70
Mate XT | product | huawei-phone | Huawei Mate XT
Pura 70 | product | huawei-phone | Huawei Pura 70
Pura 80 | product | huawei-phone | Huawei Pura 80
iPad | product | ipad | | Ipad, IPad
iPad Pro | product | ipad
iPad Air | product | ipad
iPad mini | product | ipad
MacBook Air | product | mac | | Macbook Air, Mac Book Air
MacBook Pro | product | mac | | Macbook Pro, Mac Book Pro
Mac mini | product | mac
Mac Studio | product | mac
iMac | product | mac | | IMac
Vision Pro | product | vr-headset | Apple Vision Pro
Meta Quest 3 | product | vr-headset | Quest 3
Apple Watch | product
AirPods | product | airpods | | Airpods, Air Pods
AirPods Pro | product | airpods | | Airpods Pro

# --- Game consoles ---
PlayStation | product | playstation | | Playstation, Play Station
PlayStation 2 | product | playstation | PS2 | Playstation 2
PlayStation 3 | product | playstation | PS3 | Playstation 3
PlayStation 4 | product | playstation | PS4 | Playstation 4
PlayStation 5 | product | playstation | PS5 | Playstation 5
PlayStation 5 Pro | product | playstation | PS5 Pro | Playstation 5 Pro
PlayStation Portal | product | playstation
Xbox | product | xbox | | XBox, X-Box
Xbox 360 | product | xbox | | XBox 360
Xbox One | product | xbox | | XBox One
Xbox Series X | product | xbox | | XBox Series X
Xbox Series S | product | xbox | | XBox Series S
Nintendo Switch | product | nintendo-console
Nintendo Switch 2 | product | nintendo-console | Switch 2
Wii | product | nintendo-console | Nintendo Wii
Wii U | product | nintendo-console | Nintendo Wii U
Steam Deck | product

# --- Commercial aircraft ---
Boeing 707 | product | boeing-jet | 707
Boeing 717 | product | boeing-jet | 717
Boeing 727 | product | boeing-jet | 727
Boeing 737 | product | boeing-jet | 737
Boeing 737 NG | product | boeing-jet | 737 NG, 737 Next Generation
737 MAX | product | boeing-jet | 737 Max, Boeing 737 MAX, Boeing 737 Max | 737MAX
737 MAX 8 | product | boeing-jet | 737 Max 8, 737-8 | 737MAX8
737 MAX 9 | product | boeing-jet | 737 Max 9, 737-9 | 737MAX9
737 MAX 10 | product | boeing-jet | 737 Max 10, 737-10 | 737MAX10
Boeing 747 | product | boeing-jet | 747
Boeing 757 | product | boeing-jet | 757
Boeing 767 | product | boeing-jet | 767
Boeing 777 | product | boeing-jet | 777
777X | product | boeing-jet | Boeing 777X
Boeing 787 | product | boeing-jet | 787, 787 Dreamliner, Dreamliner | Dreamlinar
A220 | product | airbus-jet | Airbus A220
A300 | product | airbus-jet | Airbus A300
A310 | product | airbus-jet | Airbus A310
A319 | product | airbus-jet | Airbus A319
A320 | product | airbus-jet | Airbus A320
A320neo | product | airbus-jet | Airbus A320neo
A321 | product | airbus-jet | Airbus A321
A321neo | product | airbus-jet | Airbus A321neo
A321XLR | product | airbus-jet | Airbus A321XLR
A330 | product | airbus-jet | Airbus A330
A330neo | product | airbus-jet | Airbus A330neo
A340 | product | airbus-jet | Airbus A340
A350 | product | airbus-jet | Airbus A350
A380 | product | airbus-jet | Airbus A380
A400M | product | military-transport | Airbus A400M
C919 | product | comac-jet | COMAC C919
C909 | product | comac-jet | ARJ21, COMAC C909
E175 | product | embraer-jet | Embraer E175
E190 | product | embraer-jet | Embraer E190
E195-E2 | product | embraer-jet | Embraer E195-E2
Concorde | product

# --- Military aircraft ---
F-4 | product | f-fighter | F-4 Phantom, F-4 Phantom II
F-14 | product | f-fighter | F-14 Tomcat
F-15 | product | f-fighter | F-15 Eagle
F-15EX | product | f-fighter | F-15EX Eagle II
F-16 | product | f-fighter | F-16 Fighting Falcon
F/A-18 | product | f-fighter | F/A-18 Hornet
F/A-18 Super Hornet | product | f-fighter | Super Hornet, F/A-18E/F Super Hornet
F-22 | product | f-fighter | F-22 Raptor
F-35 | product | f-fighter | F-35 Lightning II
F-47 | product | f-fighter
F-117 | product | f-fighter | F-117 Nighthawk
B-1 | product | us-bomber | B-1B, B-1B Lancer
B-2 | product | us-bomber | B-2 Spirit
B-21 | product | us-bomber | B-21 Raider
B-52 | product | us-bomber | B-52 Stratofortress
C-5 | product | military-transport | C-5 Galaxy, C-5M Super Galaxy
C-17 | product | military-transport | C-17 Globemaster III
C-130 | product | military-transport | C-130 Hercules, C-130J Super Hercules
KC-135 | product | military-transport | KC-135 Stratotanker
KC-46 | product | military-transport | KC-46 Pegasus
V-22 Osprey | product | military-transport | V-22, MV-22 Osprey, CV-22 Osprey
UH-60 Black Hawk | product | us-helicopter | UH-60
AH-64 Apache | product | us-helicopter | AH-64, Apache helicopter
CH-47 Chinook | product | us-helicopter | CH-47
Su-27 | product | russian-warplane | Sukhoi Su-27
Su-30 | product | russian-warplane | Sukhoi Su-30
Su-34 | product | russian-warplane | Sukhoi Su-34
Su-35 | product | russian-warplane | Sukhoi Su-35
Su-57 | product | russian-warplane | Sukhoi Su-57
MiG-29 | product | russian-warplane | Mikoyan MiG-29 | Mig-29
MiG-31 | product | russian-warplane | Mikoyan MiG-31 | Mig-31
Tu-95 | product | russian-warplane | Tupolev Tu-95
Tu-160 | product | russian-warplane | Tupolev Tu-160
J-10 | product | chinese-warplane | Chengdu J-10
J-16 | product | chinese-warplane | Shenyang J-16
J-20 | product | chinese-warplane | Chengdu J-20
J-35 | product | chinese-warplane | Shenyang J-35
H-6 | product | chinese-warplane | Xian H-6
Eurofighter Typhoon | product | european-fighter
Rafale | product | european-fighter | Dassault Rafale
Gripen | product | european-fighter | Saab Gripen, JAS 39 Gripen
MQ-9 Reaper | product | military-drone | MQ-9, Reaper drone
RQ-4 Global Hawk | product | military-drone | RQ-4, Global Hawk
Bayraktar TB2 | product | military-drone | TB2
Shahed-136 | product | military-drone | Shahed 136

# --- Missiles, air defense, armor ---
Patriot air defense system | product | air-defense | Patriot missile system, MIM-104 Patriot
Iron Dome | product | air-defense
David's Sling | product | air-defense
Arrow 3 | product | air-defense
S-300 | product | air-defense
S-400 | product | air-defense | S-400 Triumf
S-500 | product | air-defense
IRIS-T | product | air-defense
Tomahawk cruise missile | product | missile | Tomahawk missile
Storm Shadow | product | missile | SCALP
Kinzhal | product | missile
Iskander | product | missile | Iskander-M
Oreshnik | product | missile
Kalibr | product | missile
Javelin missile | product | missile | FGM-148 Javelin
Stinger missile | product | missile | FIM-92 Stinger
M1 Abrams | product | tank | Abrams tank
Leopard 2 | product | tank
Challenger 2 | product | tank
Challenger 3 | product | tank
T-72 | product | tank
T-80 | product | tank
T-90 | product | tank
Merkava | product | tank

# --- Cars ---
Model 3 | product | tesla-vehicle | Tesla Model 3
Model S | product | tesla-vehicle | Tesla Model S
Model X | product | tesla-vehicle | Tesla Model X
Model Y | product | tesla-vehicle | Tesla Model Y
Cybertruck | product | tesla-vehicle | Tesla Cybertruck | CyberTruck, Cyber Truck
Cybercab | product | tesla-vehicle | Tesla Cybercab | CyberCab
Tesla Roadster | product | tesla-vehicle
Tesla Semi | product | tesla-vehicle
F-150 | product | ford-vehicle | Ford F-150 | Ford F150
F-150 Lightning | product | ford-vehicle | Ford F-150 Lightning | F150 Lightning
Mustang Mach-E | product | ford-vehicle | Ford Mustang Mach-E | Mustang Mach E
Ford Mustang | product | ford-vehicle
Ford Bronco | product | ford-vehicle
Chevrolet Silverado | product | gm-vehicle | Silverado, Chevy Silverado
Chevrolet Bolt | product | gm-vehicle | Chevy Bolt
Chevrolet Corvette | product | gm-vehicle | Corvette
Cadillac Lyriq | product | gm-vehicle | Lyriq
GMC Hummer EV | product | gm-vehicle | Hummer EV
Toyota Camry | product | toyota-vehicle
Toyota Corolla | product | toyota-vehicle
Toyota Prius | product | toyota-vehicle
RAV4 | product | toyota-vehicle | Toyota RAV4 | Rav4, RAV-4
Toyota Tacoma | product | toyota-vehicle
Toyota Land Cruiser | product | toyota-vehicle | | Toyota Landcruiser
Honda Civic | product | honda-vehicle
Honda Accord | product | honda-vehicle
CR-V | product | honda-vehicle | Honda CR-V
Jeep Wrangler | product | stellantis-vehicle
Jeep Grand Cherokee | product | stellantis-vehicle | Grand Cherokee
Ram 1500 | product | stellantis-vehicle
ID.4 | product | vw-vehicle | Volkswagen ID.4, VW ID.4
Volkswagen Golf | product | vw-vehicle | VW Golf
R1T | product | rivian-vehicle | Rivian R1T
R1S | product | rivian-vehicle | Rivian R1S
Rivian R2 | product | rivian-vehicle
Lucid Air | product
BYD Seal | product | byd-vehicle
BYD Seagull | product | byd-vehicle
BYD Dolphin | product | byd-vehicle
SU7 | product | xiaomi-ev | Xiaomi SU7
YU7 | product | xiaomi-ev | Xiaomi YU7
Ioniq 5 | product | hyundai-kia-ev | Hyundai Ioniq 5 | IONIQ 5
Ioniq 6 | product | hyundai-kia-ev | Hyundai Ioniq 6 | IONIQ 6
EV6 | product | hyundai-kia-ev | Kia EV6
EV9 | product | hyundai-kia-ev | Kia EV9
Nissan Leaf | product
Porsche Taycan | product | | Taycan

# --- AI models and assistants ---
ChatGPT | product | | | Chat GPT, ChatGpt, Chat-GPT, ChatGTP
GPT-3 | product | openai-gpt | | GPT3
GPT-3.5 | product | openai-gpt | | GPT3.5
GPT-4 | product | openai-gpt | | GPT4
GPT-4 Turbo | product | openai-gpt
GPT-4o | product | openai-gpt | | GPT4o, GPT-4O
GPT-4o mini | product | openai-gpt
GPT-4.1 | product | openai-gpt
GPT-4.5 | product | openai-gpt
GPT-5 | product | openai-gpt | | GPT5
gpt-oss | product | openai-gpt
o1 | product | openai-reasoning | OpenAI o1
o3 | product | openai-reasoning | OpenAI o3
o3-mini | product | openai-reasoning | OpenAI o3-mini
o4-mini | product | openai-reasoning | OpenAI o4-mini
DALL-E | product | | DALL-E 3, DALL·E | Dall-E
Sora | product | | OpenAI Sora
Codex | product | | OpenAI Codex
Llama 2 | product | meta-llama | Meta Llama 2
Llama 3 | product | meta-llama | Meta Llama 3
Llama 3.1 | product | meta-llama | Meta Llama 3.1
Llama 4 | product | meta-llama | Meta Llama 4
Claude | product | anthropic-claude
Claude 3 Opus | product | anthropic-claude
Claude 3.5 Sonnet | product | anthropic-claude
Claude 3.7 Sonnet | product | anthropic-claude
Claude Opus 4 | product | anthropic-claude
Claude Sonnet 4 | product | anthropic-claude
Claude Opus 4.1 | product | anthropic-claude
Claude Sonnet 4.5 | product | anthropic-claude
Gemini | product | google-gemini | Google Gemini
Gemini 1.5 Pro | product | google-gemini
Gemini 2.0 Flash | product | google-gemini
Gemini 2.5 Pro | product | google-gemini
Gemini 2.5 Flash | product | google-gemini
Bard | product | google-gemini | Google Bard
Gemma | product | google-gemini | Google Gemma
R1 | product | deepseek-model | DeepSeek-R1, DeepSeek R1
V3 | product | deepseek-model | DeepSeek-V3, DeepSeek V3
V3.1 | product | deepseek-model | DeepSeek-V3.1, DeepSeek V3.1
Grok | product | xai-grok
Grok 3 | product | xai-grok
Grok 4 | product | xai-grok
Qwen | product | alibaba-qwen | Tongyi Qianwen
Qwen3 | product | alibaba-qwen
Kimi K2 | product
Mistral Large | product
Le Chat | product
Copilot | product | | Microsoft Copilot | CoPilot
GitHub Copilot | product | | | Github Copilot
Siri | product
Alexa | product | | Amazon Alexa
Apple Intelligence | product

# --- Software, platforms, services ---
Windows | product | windows | Microsoft Windows
Windows 10 | product | windows
Windows 11 | product | windows
Android | product | | Google Android
iOS | product | apple-os
iOS 18 | product | apple-os
iOS 26 | product | apple-os
iPadOS | product | apple-os
macOS | product | apple-os | | MacOS
watchOS | product | apple-os
visionOS | product | apple-os
HarmonyOS | product | | | Harmony OS
Azure | product | | Microsoft Azure
Microsoft 365 | product | | Office 365
PowerPoint | product | | | Powerpoint, Power Point
Photoshop | product | | Adobe Photoshop | PhotoShop
Gmail | product | | | GMail, G-mail
Chrome | product | | Google Chrome
Bing | product | | Microsoft Bing
Snapchat | product | | | SnapChat, Snap Chat
WeChat | product | | | Wechat
Weibo | product | | Sina Weibo
Douyin | product
Telegram | product
Starlink | product | | | StarLink, Star Link
Kindle | product | | Amazon Kindle
Prime Video | product | | Amazon Prime Video

# --- Rockets, spacecraft, telescopes ---
Falcon 9 | product | rocket
Falcon Heavy | product | rocket
Starship | product | rocket | Starship rocket
New Glenn | product | rocket
New Shepard | product | rocket
Vulcan Centaur | product | rocket
Ariane 6 | product | rocket
Long March 5 | product | rocket
Soyuz | product | rocket
Crew Dragon | product | spacecraft | SpaceX Dragon
Starliner | product | spacecraft | CST-100 Starliner | StarLiner
Orion | product | spacecraft | Orion capsule
James Webb Space Telescope | product | space-telescope | Webb telescope, JWST
Hubble Space Telescope | product | space-telescope | Hubble

# --- Drugs ---
Ozempic | product | glp-1-drug
Wegovy | product | glp-1-drug
Rybelsus | product | glp-1-drug
Mounjaro | product | glp-1-drug
Zepbound | product | glp-1-drug
semaglutide | product | glp-1-drug | | semiglutide
tirzepatide | product | glp-1-drug | | terzepatide
Leqembi | product | alzheimers-drug | lecanemab
Kisunla | product | alzheimers-drug | donanemab
Aduhelm | product | alzheimers-drug | aducanumab
Comirnaty | product | covid-vaccine
Spikevax | product | covid-vaccine
Paxlovid | product
Keytruda | product | | pembrolizumab
Humira | product | | adalimumab
Eliquis | product | | apixaban
