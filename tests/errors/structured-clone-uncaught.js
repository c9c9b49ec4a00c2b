// An uncaught DataCloneError: node reports a DOMException, which is no native error
structuredClone({ f() {} });
