"""Hand-written stories and syndicated variants of them, for the near-duplicate tests.

Each base story is written for entente (invented wording about plausible events).
``variants`` makes what outlets do to a wire story: a new headline, their own furniture
lines, a dropped closing sentence, light word edits, a dateline of their own.
``SAME_TOPIC`` are different stories on the topic of a base story: they must stay apart.
"""

from __future__ import annotations

STORIES = [
    "NEW DELHI: India and Russia signed an agreement on Monday to expand oil supplies, "
    "with Moscow committing to deliver 1.2 million barrels a day through 2027. The deal was "
    "signed by the energy ministers of both countries after two days of talks in the capital. "
    "Officials said payments would be settled in rupees and roubles to avoid Western sanctions. "
    "Analysts expect the arrangement to lower India's import bill by several billion dollars.",
    "BEIJING: China's foreign ministry protested on Tuesday against a US decision to sell "
    "advanced fighter jets to Taiwan, calling the sale a grave interference in its internal "
    "affairs. The spokesman urged Washington to cancel the contract immediately and warned "
    "of countermeasures against the companies involved. The State Department said the "
    "package was consistent with long-standing policy and would help the island defend itself.",
    "KYIV: Ukraine and Poland agreed on Wednesday to open two new border crossings for "
    "grain trucks, ending a months-long dispute that had left hundreds of lorries stranded. "
    "The transport ministers met in Lublin and signed a protocol on joint inspections. "
    "Polish farmers, who had blockaded the border, said they would watch closely whether "
    "the grain passed through to other markets rather than staying in Poland.",
    "TOKYO: Japan and South Korea held their first security dialogue in five years on "
    "Thursday, pledging to share missile warning data in real time. The vice ministers "
    "discussed North Korea's recent launches and agreed to meet again before the end of the "
    "year. Both delegations described the talks as frank and constructive, a marked change "
    "from the tensions over wartime labour that had frozen relations.",
    "CAIRO: Egypt hosted talks between Sudan's warring generals on Friday in a fresh attempt "
    "to agree a ceasefire in the capital Khartoum. Egyptian mediators shuttled between the two "
    "delegations at a hotel in the New Administrative Capital. Aid agencies said millions of "
    "people needed food and medicine and urged both sides to open humanitarian corridors "
    "without conditions.",
    "BRASILIA: Brazil's president met the Argentine president on Saturday and the two leaders "
    "agreed to revive a gas pipeline project linking the Vaca Muerta field to Sao Paulo. "
    "Engineers from both state energy companies will draw up a financing plan within ninety "
    "days. The leaders also discussed trade within the Mercosur bloc and the long-delayed "
    "agreement with the European Union.",
    "NAIROBI: Kenya deployed four hundred police officers to Haiti on Sunday as the first "
    "contingent of a multinational security mission backed by the United Nations. The "
    "officers landed in Port-au-Prince after weeks of delays caused by court challenges in "
    "Nairobi. Haitian officials welcomed the arrival and said gangs controlled most of the "
    "capital's neighbourhoods and its main roads.",
    "ANKARA: Turkey summoned the Swedish ambassador on Monday after a protest in Stockholm at "
    "which demonstrators burned an effigy of the Turkish president. The foreign ministry "
    "called the protest a hate crime and said it showed that Sweden had not kept its "
    "promises on counter-terrorism. The ambassador was told that Ankara expected the "
    "organisers to be prosecuted.",
    "CANBERRA: Australia and Indonesia signed a defence cooperation agreement on Tuesday that "
    "allows each country's forces to train and operate in the other's territory. The "
    "defence ministers said the treaty would deepen trust between the neighbours and help "
    "keep the region stable. Opposition lawmakers in Jakarta asked for the text to be "
    "debated in parliament before it is ratified.",
    "PARIS: France expelled two Iranian diplomats on Wednesday, accusing them of planning "
    "surveillance of dissidents living in the suburbs of Paris. The interior ministry said "
    "the diplomats had forty-eight hours to leave the country. Tehran rejected the "
    "accusation as baseless and said it would respond in kind, recalling that several "
    "French citizens remain detained in Iranian prisons.",
    "HANOI: Vietnam and the Philippines agreed on Thursday to set up a hotline between their "
    "coast guards to manage incidents in the South China Sea. The two foreign ministers also "
    "signed a memorandum on rice trade, under which Manila will buy two million tonnes a "
    "year. Both governments said they would settle any disagreement over fishing grounds "
    "through dialogue.",
    "ADDIS ABABA: Ethiopia and Somalia agreed on Friday to resume direct flights and reopen "
    "their embassies after a year-long rupture over a port deal with Somaliland. The "
    "agreement was brokered by the Turkish government during talks in Ankara last month. "
    "Somali officials said the respect of their territorial integrity had been confirmed "
    "in writing.",
]

SAME_TOPIC = [
    # India-Russia oil, a different story
    "NEW DELHI: Indian refiners cut purchases of Russian crude in March after the United "
    "States imposed sanctions on two of Russia's largest oil producers. Shipping data showed "
    "arrivals fell by a third from February. Refiners said they were seeking more cargoes "
    "from Iraq and Saudi Arabia while awaiting guidance from the government.",
    # China-US-Taiwan, a different story
    "BEIJING: China sent thirty military aircraft towards Taiwan on Saturday, a day after a "
    "US congressional delegation left the island. Taiwan's defence ministry said it scrambled "
    "jets and deployed missile systems to monitor the flights. Beijing said the drills were "
    "a warning to separatist forces and their foreign supporters.",
    # Ukraine-Poland grain, a different story
    "WARSAW: Polish farmers resumed their blockade of the Ukrainian border on Monday, "
    "protesting against imports of cheap grain that they say depress local prices. Police "
    "estimated that two thousand tractors took part. The agriculture minister promised "
    "compensation and said he would raise the issue with the European Commission.",
    # Sudan talks, a different story
    "JEDDAH: Saudi Arabia and the United States suspended talks between Sudan's army and the "
    "Rapid Support Forces on Thursday, saying both sides had violated a ceasefire. The "
    "mediators said they were ready to resume if the parties showed they were serious. "
    "Fighting continued in Khartoum and in the western region of Darfur.",
    # Kenya-Haiti, a different story
    "PORT-AU-PRINCE: Gangs attacked a police station in the Haitian capital on Tuesday, a "
    "week after Kenyan officers arrived to lead the international mission. Three officers "
    "were wounded in the assault. The mission's commander said patrols would be stepped up "
    "in the districts around the airport.",
    # France-Iran, a different story
    "PARIS: France called on Iran on Saturday to release a French teacher detained in Tehran "
    "for more than two years, saying her health had worsened. The foreign minister said the "
    "detention was arbitrary and raised it with his Iranian counterpart by telephone. Her "
    "family said she had been allowed a consular visit last week.",
]

HEADLINES = [
    "Breaking: {lead}",
    "{lead} - officials",
    "WORLD NEWS | {lead}",
    "{lead}, report says",
    "Exclusive: {lead}",
]
FURNITURE = [
    ("", "Read more\nShare your thoughts in the comments below!\n0 Comments"),
    ("Advertisement", "Follow us on Twitter and Facebook"),
    ("", "Subscribe to our newsletter for daily updates\n3 Comments"),
    ("By our correspondent", "(Reporting by the Newswire desk; editing by staff)"),
    ("", "Also read: Markets rally on trade hopes"),
]
EDITS = [
    {},
    {" on ": " late on ", " said ": " stated "},
    {" agreed ": " decided ", " two ": " 2 "},
    {" the ": " the ", " officials ": " government officials "},
    {" expect ": " predict ", " warned ": " cautioned ", " urged ": " called on "},
]


def variants(text: str, count: int) -> list[str]:
    """``count`` outlets' copies of a story (the first is the wire text itself)."""
    lead = " ".join(text.split(": ", 1)[-1].split()[:7])
    out = [text]
    for i in range(1, count):
        body = text
        for old, new in EDITS[i % len(EDITS)].items():
            body = body.replace(old, new)
        if i % 2 == 0:  # drop the closing sentence
            body = body.rsplit(". ", 1)[0] + "."
        if i % 3 == 0:  # the outlet's own dateline
            body = body.split(": ", 1)[-1]
        head, tail = FURNITURE[i % len(FURNITURE)]
        parts = [HEADLINES[i % len(HEADLINES)].format(lead=lead), head, body, tail]
        out.append("\n".join(p for p in parts if p))
    return out
