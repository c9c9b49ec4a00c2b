const x = 1;
	throw 'just a string';
