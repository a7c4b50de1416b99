# factlint lexicon: events
# canonical | kind | family | aliases | misspellings

World War I | event | world-war | First World War, WWI
World War II | event | world-war | Second World War, WWII
Cold War | event
Great Depression | event
Great Recession | event
Holocaust | event
Arab Spring | event
Cultural Revolution | event
Sept. 11 attacks | event | | 9/11, Sept. 11, September 11 attacks
Brexit | event
COVID-19 pandemic | event | | coronavirus pandemic
Hurricane Katrina | event | hurricane
Hurricane Harvey | event | hurricane
Hurricane Helene | event | hurricane
Hurricane Milton | event | hurricane
Black Monday | event
COP26 | event | cop-summit | Glasgow climate summit
COP27 | event | cop-summit
COP28 | event | cop-summit
COP29 | event | cop-summit
COP30 | event | cop-summit
Olympic Games | event | olympics | Olympics
Winter Olympics | event | olympics | Winter Olympic Games
Paralympic Games | event | olympics | Paralympics
World Cup | event | | FIFA World Cup
Super Bowl | event | | | Superbowl
Wimbledon | event
Tour de France | event
Eurovision Song Contest | event | | Eurovision
Academy Awards | event | | Oscars
Grammy Awards | event | | Grammys
Emmy Awards | event | | Emmys
Golden Globes | event | | Golden Globe Awards
Cannes Film Festival | event
Met Gala | event
Coachella | event | | Coachella Valley Music and Arts Festival
CES | event | | Consumer Electronics Show
WWDC | event | | Worldwide Developers Conference
Google I/O | event
Computex | event
GTC | event | | GPU Technology Conference
Mobile World Congress | event | | MWC
SXSW | event | | South by Southwest
Munich Security Conference | event
Shangri-La Dialogue | event
Boao Forum for Asia | event | | Boao Forum
Black Friday | event
Cyber Monday | event
Prime Day | event
Singles Day | event
Lunar New Year | event
Ramadan | event
Eid al-Fitr | event
Diwali | event
Hanukkah | event
Thanksgiving | event
Hajj | event
Super Tuesday | event
Election Day | event
