a0123domestic
r a BC-LT--Argentina-Lighthouse 2ndLd-Writethru   03-05 0412
^BC-LT--Argentina-Lighthouse Keeper, 2nd Ld-Writethru,412<
^Old lighthouse keeper guards a southern cape alone<
^AP Photo BA101<
^Eds: Updates with comment from the navy. With AP Photos.<
^By MARTA QUIROGA=
^Associated Press=
	   BUENOS AIRES, Argentina (AP) _ A retired sailor has kept the lamp burning at the southern cape for nineteen winters, the navy said Tuesday.
 
	   The keeper, who lives alone with two dogs, radios the mainland each evening at six.
 
	   ``It is quiet work,'' he said. ``The sea does the talking.''
 
AP-WF-03-05-21 1412GMT<
