a0789domestic
f a BC-US--Bridge-Vote KILL   06-02 0030
^BC-US--Bridge-Vote, KILL,0030<
^Eds: KILL BC-US--Bridge-Vote. The story is being withdrawn. A substitute will move.<
	   The story is withdrawn.
AP-WF-06-02-22 1900GMT<
