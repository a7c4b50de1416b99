# factlint lexicon: organizations known by name rather than by acronym
# canonical | kind | family | aliases | misspellings
# Bodies usually written as an acronym live in acronyms.lex instead.

Federal Reserve | org | | Fed, Federal Reserve Board, Federal Reserve System
World Bank | org | | World Bank Group
European Commission | org | eu-institution | EU Commission
European Parliament | org | eu-institution
European Council | org | eu-institution
Council of the European Union | org | eu-institution | EU Council
Council of Europe | org
Pentagon | org
White House | org
Kremlin | org
Bundestag | org
Bundesbank | org | | Deutsche Bundesbank
Knesset | org | | | Kneset, Knessett
State Duma | org | | Duma
State Council | org
Politburo | org
Scotland Yard | org | | Metropolitan Police
Mossad | org
Shin Bet | org | | Shabak
Hezbollah | org
Hamas | org
Houthis | org | | Houthi rebels, Ansar Allah
Taliban | org
al-Qaida | org | | al-Qaeda, al Qaeda
Islamic State | org | | Islamic State group, ISIS, ISIL
Wagner Group | org
Red Cross | org
Amnesty International | org | | | Amnesty Internatonal
Human Rights Watch | org
Greenpeace | org
Gates Foundation | org | | Bill & Melinda Gates Foundation
Brookings Institution | org | | Brookings | Brookings Institute
Heritage Foundation | org
Cato Institute | org
Peterson Institute for International Economics | org | | Peterson Institute
Chatham House | org | | Royal Institute of International Affairs
Arab League | org | | League of Arab States
Paris Club | org
Holy See | org
Indian National Congress | org | | Congress party
European Court of Justice | org
Roscosmos | org
Blue Origin | org
Rosatom | org
Bank of Canada | org
Nobel Committee | org
