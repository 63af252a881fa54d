V1234-----
r e AP-Top-Science-Headlin     04-11 0090
^AP-Top-Science-Headlines,0090<
^AP Top Science News at 4:10 p.m. EDT<
^Comet brightens earlier than astronomers expected
^Deep-sea robot maps a trench wall in fine detail
^Seed bank adds a thousand varieties of wild beans

	   AP-WF-04-11-23 2010GMT<
