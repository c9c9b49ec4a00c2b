const loaded = 40
loaded + 2
