// A tab before the error: the caret line keeps the tab.
if (ok) {
	call(1 2);
}
