a0999domestic
b a BC-US--Dam-Release URGENT  07-01 0050
^BC-US--Dam-Release, URGENT,0050<
^URGENT<
	   DENVER (AP) _ Officials open the floodgates of a reservoir dam after days of heavy rain.
AP-WF-07-01-22 1200GMT<
