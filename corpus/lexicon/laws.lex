# factlint lexicon: laws, statutory sections, treaty articles, court cases
# canonical | kind | family | aliases | misspellings

# --- U.S. trade and tariff authorities (easily swapped in tariff stories) ---
Section 122 | law | us-trade-section | Section 122 of the Trade Act of 1974
Section 201 | law | us-trade-section | Section 201 of the Trade Act of 1974
Section 232 | law | us-trade-section | Section 232 of the Trade Expansion Act of 1962
Section 301 | law | us-trade-section | Section 301 of the Trade Act of 1974
Section 338 | law | us-trade-section | Section 338 of the Tariff Act of 1930
IEEPA | law | us-trade-section | International Emergency Economic Powers Act
Smoot-Hawley Tariff Act | law | | Tariff Act of 1930, Smoot-Hawley | Smoot Hawley Tariff Act

# --- Other U.S. statutory sections ---
Section 230 | law | us-statute-section | Section 230 of the Communications Decency Act
Section 702 | law | us-statute-section | Section 702 of the Foreign Intelligence Surveillance Act
Section 1260H | law | us-statute-section

# --- Treaty articles ---
Article 5 | law | treaty-article | Article 5 of the North Atlantic Treaty
Article 7 | law | treaty-article | Article 7 of the Treaty on European Union
Article 50 | law | treaty-article | Article 50 of the Treaty on European Union, Article 50 of the Lisbon Treaty

# --- U.S. Constitution ---
First Amendment | law | us-amendment | | 1st Amendment
Second Amendment | law | us-amendment | | 2nd Amendment
Fourth Amendment | law | us-amendment | | 4th Amendment
Fifth Amendment | law | us-amendment | | 5th Amendment
14th Amendment | law | us-amendment | | Fourteenth Amendment
22nd Amendment | law | us-amendment | | Twenty-second Amendment
25th Amendment | law | us-amendment | | Twenty-fifth Amendment

# --- U.S. statutes ---
Affordable Care Act | law | | Patient Protection and Affordable Care Act, Obamacare, ACA
Inflation Reduction Act | law
CHIPS and Science Act | law | | CHIPS Act
Infrastructure Investment and Jobs Act | law | | bipartisan infrastructure law
One Big Beautiful Bill Act | law
Dodd-Frank Act | law | | Dodd-Frank Wall Street Reform and Consumer Protection Act, Dodd-Frank | Dodd Frank Act
Sarbanes-Oxley Act | law | | Sarbanes-Oxley | Sarbanes Oxley Act
Glass-Steagall Act | law | | Glass-Steagall | Glass Steagall Act
Voting Rights Act | law
Civil Rights Act | law
Patriot Act | law | | USA Patriot Act, USA PATRIOT Act
Foreign Corrupt Practices Act | law | | FCPA
Foreign Intelligence Surveillance Act | law | | FISA
Defense Production Act | law
Insurrection Act | law
Alien Enemies Act | law
Clean Air Act | law
Endangered Species Act | law
Freedom of Information Act | law | | FOIA
Hatch Act | law
Logan Act | law
Espionage Act | law
Sherman Act | law | | Sherman Antitrust Act
Clayton Act | law | | Clayton Antitrust Act
Jones Act | law | | Merchant Marine Act of 1920
Uyghur Forced Labor Prevention Act | law | | UFLPA
National Defense Authorization Act | law | | NDAA
Communications Decency Act | law
Trade Expansion Act of 1962 | law
Trade Act of 1974 | law

# --- EU and UK ---
Digital Markets Act | law | eu-digital-law | DMA
Digital Services Act | law | eu-digital-law | DSA
AI Act | law | eu-digital-law | EU AI Act, Artificial Intelligence Act
GDPR | law | eu-digital-law | General Data Protection Regulation
Online Safety Act | law
Treaty on European Union | law | | Maastricht Treaty
Lisbon Treaty | law | | Treaty of Lisbon

# --- Court cases ---
Roe v. Wade | law | | | Roe vs. Wade
Dobbs v. Jackson Women's Health Organization | law | | Dobbs
Brown v. Board of Education | law
Citizens United v. FEC | law | | Citizens United
Marbury v. Madison | law
