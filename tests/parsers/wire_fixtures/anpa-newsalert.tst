a0456domestic
b a BC-APNewsAlert           06-02 0041
^BC-APNewsAlert,0041<
	   CHICAGO (AP) _ City council approves a plan to light every bridge over the river by winter.
 
	   AP will update this story.
AP-WF-06-02-22 1803GMT<
